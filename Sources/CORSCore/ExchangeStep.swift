/// One message pair of an exchange: what the browser sent, what came back, and the checks on it.
public struct ExchangeStep: Sendable, Equatable {
    /// Preflight, cache hit or actual request.
    public var kind: StepKind
    /// The request on the wire.
    public var request: WireRequest
    /// The response, or nil when none was received (a cache hit).
    public var response: ServerResponse?
    /// How the server produced its response (the policy's reasoning), one line each.
    public var serverNotes: [String]
    /// Every check the browser applies to this step, in the browser's order.
    public var checks: [Check]
    /// Whether the step passed all its checks.
    public var passed: Bool
    /// Whether credentials (cookies) went with this request.
    public var includesCredentials: Bool

    /// Creates a step.
    public init(
        kind: StepKind, request: WireRequest, response: ServerResponse?, serverNotes: [String] = [],
        checks: [Check] = [], passed: Bool, includesCredentials: Bool = false
    ) {
        self.kind = kind
        self.request = request
        self.response = response
        self.serverNotes = serverNotes
        self.checks = checks
        self.passed = passed
        self.includesCredentials = includesCredentials
    }
}
