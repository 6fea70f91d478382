/// The request after the browser has applied its script-side rules: what will actually be sent, and why.
public struct PreparedRequest: Sendable, Equatable {
    /// The normalized method.
    public var method: String
    /// The script's headers that survive, in order, duplicates combined (`a, b`) in every real browser.
    public var headers: [HeaderField]
    /// Headers the browser silently dropped.
    public var dropped: [DroppedHeader]
    /// The body that is sent, or nil.
    public var body: String?
    /// The CORS-unsafe header names: lowercased, sorted, unique — the `Access-Control-Request-Headers` list.
    public var unsafeHeaderNames: [String]
    /// The same names in the order the browser checks them against `Access-Control-Allow-Headers`.
    public var unsafeHeaderCheckOrder: [String]
    /// Every reason a preflight is needed (empty when none is).
    public var preflightReasons: [String]
    /// Whether XHR upload listeners force a preflight.
    public var isPreflightForced: Bool
    /// The checks made while preparing (method, each header, body type), for display.
    public var checks: [Check]

    /// Whether the request needs a preflight when it goes cross-origin in `cors` mode.
    public var isPreflightRequired: Bool { !preflightReasons.isEmpty }

    /// Creates a prepared request.
    public init(
        method: String, headers: [HeaderField], dropped: [DroppedHeader], body: String?, unsafeHeaderNames: [String],
        unsafeHeaderCheckOrder: [String], preflightReasons: [String], isPreflightForced: Bool, checks: [Check]
    ) {
        self.method = method
        self.headers = headers
        self.dropped = dropped
        self.body = body
        self.unsafeHeaderNames = unsafeHeaderNames
        self.unsafeHeaderCheckOrder = unsafeHeaderCheckOrder
        self.preflightReasons = preflightReasons
        self.isPreflightForced = isPreflightForced
        self.checks = checks
    }
}
