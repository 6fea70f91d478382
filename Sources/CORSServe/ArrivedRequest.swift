import CORSCore

/// A request that reached one of the loopback servers, exactly as it arrived.
public struct ArrivedRequest: Sendable, Equatable {
    /// The origin it was addressed to (from the `Host` header; the listener's first when the header names none).
    public var origin: ServedOrigin
    /// Whether its `Host` header names none of the scenario's origins (a browser's own background request that
    /// happened to reach a loopback port).
    public var isMisdirected: Bool
    /// The method on the request line.
    public var method: String
    /// The request target: path and query.
    public var target: String
    /// The header lines in arrival order, with their casing.
    public var headers: [HeaderField]

    /// Creates an arrived request.
    public init(
        origin: ServedOrigin, method: String, target: String, headers: [HeaderField], isMisdirected: Bool = false
    ) {
        self.origin = origin
        self.isMisdirected = isMisdirected
        self.method = method
        self.target = target
        self.headers = headers
    }

    /// The full URL: the origin and the target.
    public var url: String { origin.serialized + target }

    /// Whether it is one of the harness's own requests (the page, the report, the cookie set-up, a favicon),
    /// not part of the scenario's exchange.
    public var isHarness: Bool { target.hasPrefix(HarnessPath.prefix) || target == "/favicon.ico" }

    /// Whether it is the page posting what the script got: the end of one run of the scenario's request.
    public var isReport: Bool { method == "POST" && target == HarnessPath.report }

    /// Whether it belongs to the scenario's exchange: neither the harness's own nor misdirected.
    public var isScenarioTraffic: Bool { !isHarness && !isMisdirected }

    /// Whether it is a CORS preflight: OPTIONS with `Access-Control-Request-Method`.
    public var isPreflight: Bool {
        method == "OPTIONS" && headers.contains(named: "Access-Control-Request-Method")
    }
}
