import CORSCore

/// What a scenario says must happen; makes the file a regression test.
public struct ScenarioExpectation: Sendable, Equatable {
    /// The outcome.
    public var outcome: Outcome?
    /// Whether a preflight is sent.
    public var preflight: Bool?
    /// The exact `Access-Control-Request-Headers` of the first preflight ("" for none).
    public var accessControlRequestHeaders: String?
    /// The browser's main console message (the first line it prints for the failure).
    public var console: String?
    /// The readable header names (lowercase, sorted).
    public var readableHeaders: [String]?
    /// The `Origin` header of the final actual request ("" for none).
    public var origin: String?
    /// Whether a Cookie goes with the final actual request.
    public var cookieSent: Bool?
    /// How many preflights are sent.
    public var preflightCount: Int?
    /// Expectations for the repeated request (`repeat_after`).
    public var repeated: RepeatExpectation?
    /// Expectations for other browser profiles, merged over these.
    public var browsers: [BrowserProfile: ScenarioExpectation]

    /// Creates an empty expectation.
    public init() {
        browsers = [:]
    }

    /// This expectation as seen for another profile: `override` wins; console never carries over, and neither do
    /// readable headers when the override changes the outcome.
    public func merged(with override: ScenarioExpectation) -> ScenarioExpectation {
        var result = self
        result.console = override.console
        if let outcome = override.outcome, outcome != self.outcome {
            result.outcome = outcome
            result.readableHeaders = nil
        }
        if let value = override.preflight { result.preflight = value }
        if let value = override.accessControlRequestHeaders { result.accessControlRequestHeaders = value }
        if let value = override.readableHeaders { result.readableHeaders = value }
        if let value = override.origin { result.origin = value }
        if let value = override.cookieSent { result.cookieSent = value }
        if let value = override.preflightCount { result.preflightCount = value }
        if let value = override.repeated { result.repeated = value }
        result.browsers = [:]
        return result
    }
}

/// Expectations for a request sent again later.
public struct RepeatExpectation: Sendable, Equatable {
    /// Whether the repeated request sends a preflight.
    public var preflight: Bool?
    /// Its outcome.
    public var outcome: Outcome?

    /// Creates an expectation.
    public init(preflight: Bool? = nil, outcome: Outcome? = nil) {
        self.preflight = preflight
        self.outcome = outcome
    }
}
