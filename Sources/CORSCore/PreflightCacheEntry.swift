/// One cached preflight result for an (origin, URL) pair.
public struct PreflightCacheEntry: Sendable, Equatable {
    /// The serialized request origin (`null` included).
    public var origin: String
    /// The URL, without fragment.
    public var url: String
    /// Whether the preflight was for a credentialed request.
    public var credentials: Bool
    /// The methods the answer allowed (`*` kept as written).
    public var methods: [String]
    /// The header names the answer allowed, lowercased (`*` kept).
    public var headerNames: [String]
    /// When the entry stops being used, in seconds on the evaluation clock.
    public var expiresAt: Double

    /// Creates an entry.
    public init(
        origin: String, url: String, credentials: Bool, methods: [String], headerNames: [String], expiresAt: Double
    ) {
        self.origin = origin
        self.url = url
        self.credentials = credentials
        self.methods = methods
        self.headerNames = headerNames
        self.expiresAt = expiresAt
    }
}
