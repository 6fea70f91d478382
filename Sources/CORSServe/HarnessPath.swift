/// The paths the loopback servers keep for themselves; every other path belongs to the scenario.
public enum HarnessPath {
    /// The prefix of every harness path.
    public static let prefix = "/__cors-explorer/"
    /// The page that runs the scenario's request.
    public static let run = prefix + "run"
    /// Where the page posts what the script saw.
    public static let report = prefix + "report"
    /// Sets the scenario's cookie on the server's origin, then redirects to the page (`?next=` URL).
    public static let cookie = prefix + "cookie"
}
