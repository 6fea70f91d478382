/// What the page's script saw, as the page posts it back to the harness.
public struct BrowserReport: Sendable, Equatable, Codable {
    /// `resolved` (fetch resolved, XHR `load`) or `rejected` (fetch rejected, XHR `error`, or an exception).
    public var result: String
    /// The response type for fetch (`basic`, `cors`, `opaque`), `xhr` for XHR; nil when rejected.
    public var type: String?
    /// The status the script can read; nil when rejected.
    public var status: Int?
    /// The lowercase header names the script can read, sorted; nil when rejected.
    public var headers: [String]?
    /// The error's name and message when rejected (`TypeError: Failed to fetch`).
    public var error: String?

    /// Creates a report.
    public init(result: String, type: String? = nil, status: Int? = nil, headers: [String]? = nil, error: String? = nil)
    {
        self.result = result
        self.type = type
        self.status = status
        self.headers = headers
        self.error = error
    }

    /// Whether the script got a response (readable or opaque).
    public var isResolved: Bool { result == "resolved" }
}
