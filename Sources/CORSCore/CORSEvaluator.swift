/// The evaluator: what a browser does with a script's request against a server, step by step.
///
/// Evaluation is total: a blocked request is an `Exchange` whose verdict says so, never a thrown error.
public enum CORSEvaluator {
    /// The most redirects a fetch follows.
    public static let redirectLimit = 20

    /// Evaluates `request` against `server` as `browser` would, at `now` seconds on the cache's clock.
    ///
    /// At `.verdict` detail the same rules run but no explanatory text is built (see `EvaluationDetail`). The
    /// server's regexes are compiled through `regexes`: pass one cache to many evaluations against the same server
    /// to compile each pattern once. A `preparation` of the same request (up to its page, credentials and cookie)
    /// skips the script-side preparation; one that does not apply is ignored.
    public static func evaluate(
        _ request: BrowserRequest, server: ServerDefinition, browser: BrowserProfile,
        cache: PreflightCache = PreflightCache(), at now: Double = 0, detail: EvaluationDetail = .full,
        regexes: RegexCache = RegexCache(), preparation: RequestPreparation? = nil
    ) -> Exchange {
        if let preparation, preparation.applies(to: request, browser: browser, detail: detail) {
            var run = ExchangeRun(
                request: request, server: server, browser: browser, cache: cache, now: now, detail: detail,
                regexes: regexes, requestURL: preparation.urlDescription)
            return run.evaluate(preparation.result)
        }
        var run = ExchangeRun(
            request: request, server: server, browser: browser, cache: cache, now: now, detail: detail,
            regexes: regexes)
        return run.evaluate()
    }

    /// Evaluates the request once at time 0, then again `seconds` later with the preflight cache the first left.
    public static func evaluateTwice(
        _ request: BrowserRequest, server: ServerDefinition, browser: BrowserProfile, secondAfter seconds: Double
    ) -> (first: Exchange, second: Exchange) {
        let first = evaluate(request, server: server, browser: browser)
        let second = evaluate(request, server: server, browser: browser, cache: first.cache, at: seconds)
        return (first, second)
    }
}
