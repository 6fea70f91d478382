/// The fetch `mode` of a request.
public enum RequestMode: String, Sendable, Equatable, Hashable, CaseIterable {
    /// The default for `fetch()`: cross-origin responses need CORS.
    case cors
    /// Cross-origin responses are opaque; only simple methods and headers are allowed.
    case noCORS = "no-cors"
    /// Cross-origin requests fail before anything is sent.
    case sameOrigin = "same-origin"
}
