/// The full trace of one request: preparation, every message on the wire with its checks, and the verdict.
public struct Exchange: Sendable, Equatable {
    /// The profile the evaluation followed.
    public var browser: BrowserProfile
    /// The script's request as given.
    public var request: BrowserRequest
    /// The request after script-side rules, or nil when it was rejected before that finished.
    public var prepared: PreparedRequest?
    /// Checks made before anything was sent (method, headers, body), including a failing one for `error` outcomes.
    public var preparationChecks: [Check]
    /// Whether the (first) URL is cross-origin to the page, so that CORS applies.
    public var isCrossOrigin: Bool
    /// The messages in order: preflights (or cache hits) and actual requests, one per redirect hop.
    public var steps: [ExchangeStep]
    /// What the script gets.
    public var verdict: Verdict
    /// The preflight cache after this exchange, to evaluate a later request with.
    public var cache: PreflightCache

    /// Creates an exchange.
    public init(
        browser: BrowserProfile, request: BrowserRequest, prepared: PreparedRequest?, preparationChecks: [Check],
        isCrossOrigin: Bool, steps: [ExchangeStep], verdict: Verdict, cache: PreflightCache
    ) {
        self.browser = browser
        self.request = request
        self.prepared = prepared
        self.preparationChecks = preparationChecks
        self.isCrossOrigin = isCrossOrigin
        self.steps = steps
        self.verdict = verdict
        self.cache = cache
    }

    /// The first preflight actually sent, if any.
    public var preflight: ExchangeStep? { steps.first { $0.kind == .preflight } }

    /// The last actual request sent, if any (the final hop when redirected).
    public var finalActual: ExchangeStep? { steps.last { $0.kind == .actual } }

    /// How many preflights were sent.
    public var preflightCount: Int { steps.count { $0.kind == .preflight } }
}
