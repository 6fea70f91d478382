import CORSCore

/// Runs a scenario's `expect` block against the evaluator.
public enum ExpectationChecker {
    /// The result for one browser profile.
    public struct Result: Sendable, Equatable {
        /// The profile evaluated.
        public var browser: BrowserProfile
        /// One line per expectation that did not hold; empty when all did.
        public var mismatches: [String]

        /// Whether every expectation held.
        public var passed: Bool { mismatches.isEmpty }
    }

    /// Checks the scenario's own browser and every profile listed under `expect.browsers`; empty without `expect`.
    public static func check(_ scenario: Scenario) -> [Result] {
        guard let expectation = scenario.expectation else { return [] }
        var own = expectation
        if let override = expectation.browsers[scenario.browser] {
            own = expectation.merged(with: override)
            own.console = override.console ?? expectation.console
        }
        var results = [check(scenario, as: scenario.browser, expecting: own)]
        for browser in BrowserProfile.allCases where browser != scenario.browser {
            if let override = expectation.browsers[browser] {
                results.append(check(scenario, as: browser, expecting: expectation.merged(with: override)))
            }
        }
        return results
    }

    private static func check(_ scenario: Scenario, as browser: BrowserProfile, expecting expected: ScenarioExpectation)
        -> Result
    {
        let (exchange, repeated) = scenario.evaluate(as: browser)
        var mismatches: [String] = []
        func compare<T: Equatable>(_ name: String, _ want: T?, _ got: T, show: (T) -> String) {
            if let want, want != got { mismatches.append("\(name): expected \(show(want)), got \(show(got))") }
        }
        let describe: (String?) -> String = { $0.map { "'\(Escaping.visible($0))'" } ?? "none" }
        compare("outcome", expected.outcome, exchange.verdict.outcome) { $0.rawValue }
        compare("preflight", expected.preflight, exchange.preflight != nil) { String($0) }
        compare("preflight_count", expected.preflightCount, exchange.preflightCount) { String($0) }
        if let want = expected.accessControlRequestHeaders {
            let got = exchange.preflight?.request.headers.combinedValue(named: "Access-Control-Request-Headers") ?? ""
            compare("access_control_request_headers", want, got) { "'\($0)'" }
        }
        if let want = expected.console {
            compare("console", want, exchange.verdict.consoleMessage ?? "") { "'\(Escaping.visible($0))'" }
        }
        if let want = expected.readableHeaders {
            compare("readable_headers", want.map(\.asciiLowercased).sorted(), exchange.verdict.readableHeaders ?? []) {
                "[" + $0.joined(separator: ", ") + "]"
            }
            if exchange.verdict.readableHeaders == nil {
                mismatches.append(
                    "readable_headers: expected a list, but the outcome is \(exchange.verdict.outcome.rawValue)")
            }
        }
        if let want = expected.origin {
            let got = exchange.finalActual?.request.headers.combinedValue(named: "Origin")
            compare("origin", want, got ?? "") { describe($0) }
        }
        compare(
            "cookie_sent", expected.cookieSent, exchange.finalActual?.request.headers.contains(named: "Cookie") ?? false
        ) {
            String($0)
        }
        if let want = expected.repeated, let repeated {
            compare("repeat.preflight", want.preflight, repeated.preflight != nil) { String($0) }
            compare("repeat.outcome", want.outcome, repeated.verdict.outcome) { $0.rawValue }
        }
        return Result(browser: browser, mismatches: mismatches)
    }
}
