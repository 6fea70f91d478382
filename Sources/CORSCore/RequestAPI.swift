/// The script API that makes the request.
public enum RequestAPI: String, Sendable, Equatable, Hashable, CaseIterable {
    /// `fetch()` / `new Request()`.
    case fetch
    /// `XMLHttpRequest`.
    case xhr

    /// The name browsers use for it in console messages.
    public var consoleName: String { self == .fetch ? "fetch" : "XMLHttpRequest" }
}
