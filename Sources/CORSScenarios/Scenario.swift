import CORSCore

/// One scenario: a request, a server, the browser to play, and optionally what must happen.
public struct Scenario: Sendable, Equatable {
    /// A short title.
    public var title: String
    /// What the learner should take away, or nil.
    public var lesson: String?
    /// The default browser profile.
    public var browser: BrowserProfile
    /// When set, the same request is sent again this many seconds later (preflight cache demos).
    public var repeatAfter: Double?
    /// The script's request.
    public var request: BrowserRequest
    /// The server.
    public var server: ServerDefinition
    /// The regression expectation, or nil.
    public var expectation: ScenarioExpectation?

    /// Creates a scenario.
    public init(
        title: String, lesson: String? = nil, browser: BrowserProfile = .chromium, repeatAfter: Double? = nil,
        request: BrowserRequest, server: ServerDefinition, expectation: ScenarioExpectation? = nil
    ) {
        self.title = title
        self.lesson = lesson
        self.browser = browser
        self.repeatAfter = repeatAfter
        self.request = request
        self.server = server
        self.expectation = expectation
    }

    /// Evaluates the scenario as `browser` (default: the scenario's own), plus the repeat when there is one.
    public func evaluate(as browser: BrowserProfile? = nil) -> (first: Exchange, repeated: Exchange?) {
        let profile = browser ?? self.browser
        guard let repeatAfter else {
            return (CORSEvaluator.evaluate(request, server: server, browser: profile), nil)
        }
        let pair = CORSEvaluator.evaluateTwice(request, server: server, browser: profile, secondAfter: repeatAfter)
        return (pair.first, pair.second)
    }
}
