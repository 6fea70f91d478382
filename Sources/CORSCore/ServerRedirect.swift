/// A redirect the server answers for one URL, to OPTIONS and actual requests alike.
public struct ServerRedirect: Sendable, Equatable {
    /// The URL that is redirected (compared without its fragment).
    public var from: ParsedURL
    /// The `Location` value, as the server writes it (may be relative).
    public var location: String
    /// The redirect status.
    public var status: Int
    /// Extra header lines on the redirect response.
    public var headers: [HeaderField]
    /// Policy servers only: whether the policy's CORS headers are added to the redirect response.
    public var addsCORSHeaders: Bool
    /// Whether preflights (OPTIONS) to `from` are redirected too, as a blanket redirect rule does; when false only
    /// the actual request is, as when the redirect lives in the route handler.
    public var appliesToPreflight: Bool

    /// Creates a redirect.
    public init(
        from: ParsedURL, location: String, status: Int = 302, headers: [HeaderField] = [],
        addsCORSHeaders: Bool = true, appliesToPreflight: Bool = true
    ) {
        self.from = from
        self.location = location
        self.status = status
        self.headers = headers
        self.addsCORSHeaders = addsCORSHeaders
        self.appliesToPreflight = appliesToPreflight
    }
}
