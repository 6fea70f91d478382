/// The evaluator: what a browser does with a script's request against a server, step by step.
///
/// Evaluation is total: a blocked request is an `Exchange` whose verdict says so, never a thrown error.
public enum CORSEvaluator {
    /// The most redirects a fetch follows.
    public static let redirectLimit = 20

    /// Evaluates `request` against `server` as `browser` would, at `now` seconds on the cache's clock.
    ///
    /// At `.verdict` detail the same rules run but no explanatory text is built (see `EvaluationDetail`). The
    /// server's regexes are compiled, and other text-only answers remembered, through `memo`: pass one to many
    /// evaluations against the same server to work each out once. A `preparation` of the same request (up to its page, credentials and cookie)
    /// skips the script-side preparation; one that does not apply is ignored.
    public static func evaluate(
        _ request: BrowserRequest, server: ServerDefinition, browser: BrowserProfile,
        cache: PreflightCache = PreflightCache(), at now: Double = 0, detail: EvaluationDetail = .full,
        memo: EvaluationMemo = EvaluationMemo(), preparation: RequestPreparation? = nil
    ) -> Exchange {
        var (run, prepared) = start(
            request, server: server, browser: browser, cache: cache, now: now, detail: detail, memo: memo,
            preparation: preparation, recordsSteps: true)
        return run.evaluate(prepared)
    }

    /// The verdict alone of `request` against `server` as `browser`, with an empty preflight cache at time 0: what
    /// `evaluate(..., detail: .verdict).verdict` gives, without recording the steps (the what-if matrix's cells).
    public static func verdict(
        of request: BrowserRequest, server: ServerDefinition, browser: BrowserProfile,
        memo: EvaluationMemo = EvaluationMemo(), preparation: RequestPreparation? = nil
    ) -> Verdict {
        var (run, prepared) = start(
            request, server: server, browser: browser, cache: PreflightCache(), now: 0, detail: .verdict, memo: memo,
            preparation: preparation, recordsSteps: false)
        return run.verdict(prepared)
    }

    /// A run for `request` and its script-side preparation: `preparation`'s when it applies, made here otherwise.
    private static func start(
        _ request: BrowserRequest, server: ServerDefinition, browser: BrowserProfile, cache: PreflightCache,
        now: Double, detail: EvaluationDetail, memo: EvaluationMemo, preparation: RequestPreparation?,
        recordsSteps: Bool
    ) -> (ExchangeRun, RequestPreparer.Result) {
        let reusable = preparation.flatMap { $0.applies(to: request, browser: browser, detail: detail) ? $0 : nil }
        let run = ExchangeRun(
            request: request, server: server, browser: browser, cache: cache, now: now, detail: detail, memo: memo,
            requestURL: reusable?.urlDescription, recordsSteps: recordsSteps)
        return (run, reusable?.result ?? RequestPreparer.prepare(request, browser: browser, detail: detail))
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
