/// The evaluator: what a browser does with a script's request against a server, step by step.
///
/// Evaluation is total: a blocked request is an `Exchange` whose verdict says so, never a thrown error.
public enum CORSEvaluator {
    /// The most redirects a fetch follows.
    public static let redirectLimit = 20

    /// Evaluates `request` against `server` as `browser` would, at `now` seconds on the cache's clock.
    ///
    /// At `.verdict` detail the same rules run but no explanatory text is built (see `EvaluationDetail`). The
    /// server's regexes are compiled through `memo`, which also remembers other answers that repeat: pass one to many
    /// evaluations to work each out once. A `preparation` of the same request (up to its page, credentials and
    /// cookie) skips the script-side preparation; one that does not apply is ignored.
    public static func evaluate(
        _ request: BrowserRequest, server: ServerDefinition, browser: BrowserProfile,
        cache: PreflightCache = PreflightCache(), at now: Double = 0, detail: EvaluationDetail = .full,
        memo: EvaluationMemo = EvaluationMemo(), preparation: RequestPreparation? = nil
    ) -> Exchange {
        let reusable = reusable(preparation, for: request, browser: browser, detail: detail)
        var run = ExchangeRun(
            request: request, browser: browser, cache: cache, now: now, detail: detail, memo: memo,
            reusing: reusable)
        // Borrowed from the preparation where there is one: a `??` would copy the prepared request.
        if let reusable { return run.evaluate(reusable.result, server: server) }
        return run.evaluate(RequestPreparer.prepare(request, browser: browser, detail: detail), server: server)
    }

    /// The verdict alone of `request` against `server` as `browser`, with an empty preflight cache at time 0: what
    /// `evaluate(..., detail: .verdict).verdict` gives, without recording the steps (the what-if matrix's cells).
    /// `page`, when given, replaces the request's page: a matrix sends one column's request from every row's page.
    public static func verdict(
        of request: BrowserRequest, from page: Origin? = nil, server: ServerDefinition, browser: BrowserProfile,
        memo: EvaluationMemo = EvaluationMemo(), preparation: RequestPreparation? = nil
    ) -> Verdict {
        let reusable = reusable(preparation, for: request, browser: browser, detail: .verdict)
        var run = ExchangeRun(
            request: request, browser: browser, cache: PreflightCache(), now: 0, detail: .verdict,
            memo: memo, reusing: reusable, page: page, recordsSteps: false)
        if let reusable { return run.verdict(reusable.result, server: server) }
        return run.verdict(RequestPreparer.prepare(request, browser: browser, detail: .verdict), server: server)
    }

    /// `preparation` when it applies to `request` (see `RequestPreparation`).
    private static func reusable(
        _ preparation: RequestPreparation?, for request: BrowserRequest, browser: BrowserProfile,
        detail: EvaluationDetail
    ) -> RequestPreparation? {
        guard let preparation, preparation.applies(to: request, browser: browser, detail: detail) else { return nil }
        return preparation
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
