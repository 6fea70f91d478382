/// A server's CORS configuration, written the way middleware is configured.
///
/// `PolicyResponder` turns it into the exact headers the server sends for a given request.
public struct CORSPolicy: Sendable, Equatable {
    /// Which origins get CORS headers.
    public var allowOrigins: OriginAllowance
    /// Methods sent in `Access-Control-Allow-Methods`; `["*"]` sends the wildcard.
    public var allowMethods: [String]
    /// What `Access-Control-Allow-Headers` says.
    public var allowHeaders: HeaderAllowance
    /// Names sent in `Access-Control-Expose-Headers`; `["*"]` sends the wildcard.
    public var exposeHeaders: [String]
    /// Whether `Access-Control-Allow-Credentials: true` is sent.
    public var allowCredentials: Bool
    /// The `Access-Control-Max-Age` value, or nil for none.
    public var maxAge: Int?
    /// The status of a successful preflight answer.
    public var preflightStatus: Int
    /// Whether the server routes OPTIONS to the CORS handler at all.
    public var optionsRouted: Bool
    /// The status of an OPTIONS request that is not routed (404 or 405, with no CORS headers).
    public var unroutedStatus: Int
    /// The status of the actual response.
    public var actualStatus: Int
    /// Whether CORS headers are added to actual (non-preflight) responses.
    public var headersOnActual: Bool
    /// Whether CORS headers are added to 4xx and 5xx responses too.
    public var headersOnErrors: Bool
    /// Whether `Vary: Origin` is sent when the allowed origin depends on the request.
    public var varyOrigin: Bool
    /// Other headers the actual response carries.
    public var responseHeaders: [HeaderField]

    /// Creates a policy; every option has a common middleware default.
    public init(
        allowOrigins: OriginAllowance = .list([]), allowMethods: [String] = ["GET", "HEAD", "POST"],
        allowHeaders: HeaderAllowance = .list([]), exposeHeaders: [String] = [], allowCredentials: Bool = false,
        maxAge: Int? = nil, preflightStatus: Int = 204, optionsRouted: Bool = true, unroutedStatus: Int = 404,
        actualStatus: Int = 200, headersOnActual: Bool = true, headersOnErrors: Bool = true,
        varyOrigin: Bool = true, responseHeaders: [HeaderField] = [HeaderField("Content-Type", "application/json")]
    ) {
        self.allowOrigins = allowOrigins
        self.allowMethods = allowMethods
        self.allowHeaders = allowHeaders
        self.exposeHeaders = exposeHeaders
        self.allowCredentials = allowCredentials
        self.maxAge = maxAge
        self.preflightStatus = preflightStatus
        self.optionsRouted = optionsRouted
        self.unroutedStatus = unroutedStatus
        self.actualStatus = actualStatus
        self.headersOnActual = headersOnActual
        self.headersOnErrors = headersOnErrors
        self.varyOrigin = varyOrigin
        self.responseHeaders = responseHeaders
    }
}
