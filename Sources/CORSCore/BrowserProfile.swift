/// Which browser's behaviour the evaluator follows where browsers differ from each other or from the spec.
public enum BrowserProfile: String, Sendable, Equatable, Hashable, CaseIterable {
    /// Chromium (Chrome, Edge, Brave…).
    case chromium
    /// Firefox.
    case firefox
    /// Safari and every WebKit browser.
    case safari
    /// The WHATWG Fetch standard, read literally.
    case spec

    /// A human name, for reports.
    public var displayName: String {
        switch self {
        case .chromium: return "Chromium"
        case .firefox: return "Firefox"
        case .safari: return "Safari"
        case .spec: return "Fetch standard"
        }
    }

    /// The browser whose script-facing texts stand in for this profile (the spec defines none: Chromium's are used).
    public var realBrowser: BrowserProfile { self == .spec ? .chromium : self }
}
