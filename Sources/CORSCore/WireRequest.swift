/// A request exactly as it goes on the wire: request line and header lines.
public struct WireRequest: Sendable, Equatable {
    /// The method on the request line.
    public var method: String
    /// The full URL (the request line holds its path and query; `Host` its authority).
    public var url: ParsedURL
    /// The header lines in order.
    public var headers: [HeaderField]

    /// Creates a wire request.
    public init(method: String, url: ParsedURL, headers: [HeaderField]) {
        self.method = method
        self.url = url
        self.headers = headers
    }

    /// The request line, e.g. `OPTIONS /api HTTP/1.1`.
    public var requestLine: String { "\(method) \(url.pathAndQuery) HTTP/1.1" }
}
