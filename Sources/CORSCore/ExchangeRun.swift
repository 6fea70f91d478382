/// The state of one evaluation as it walks the hops of a request. Internal: `CORSEvaluator` is the API.
struct ExchangeRun {
    let request: BrowserRequest
    let browser: BrowserProfile
    var cache: PreflightCache
    let now: Double
    /// Whether checks and console text are built (`.full`) or only the decisions (`.verdict`).
    let detail: EvaluationDetail
    /// The server's compiled regexes and other reusable answers, shared by every request of the evaluation.
    let memo: EvaluationMemo

    /// Whether the steps (and the prepared request) are kept for an `Exchange`, or only the verdict is wanted.
    let recordsSteps: Bool
    private var steps: [ExchangeStep] = []
    private var warnings: [String] = []
    private var preparationChecks: [Check] = []
    private var prepared: PreparedRequest?

    /// `preparation`, one that applies to `request`, has the URL's serialization and `Host` value made already;
    /// `page`, when given, is the page the request is sent from instead of its own.
    init(
        request: BrowserRequest, browser: BrowserProfile, cache: PreflightCache, now: Double,
        detail: EvaluationDetail, memo: EvaluationMemo, reusing preparation: RequestPreparation? = nil,
        page: Origin? = nil, recordsSteps: Bool = true
    ) {
        self.memo = memo
        self.recordsSteps = recordsSteps
        if recordsSteps { steps.reserveCapacity(2) }
        self.request = request
        self.detail = detail
        self.browser = browser
        self.cache = cache
        self.now = now
        // Each is read several times per evaluation; worked out once here.
        let page = page ?? request.page
        self.page = page
        pageOrigin = memo.serialization(of: page)
        requestURL = preparation?.urlDescription ?? request.url.description
        requestHost = preparation?.hostHeader ?? request.url.hostHeader
        scriptURL = request.urlText ?? self.requestURL
        isCrossOrigin = !request.url.hasOrigin(page)
    }

    /// The page the request is sent from, and its serialization.
    private let page: Origin
    private let pageOrigin: String
    /// The first URL's serialization.
    private let requestURL: String
    /// The first URL's `Host` header value.
    private let requestHost: String
    /// The URL as the script wrote it, for messages that quote it raw.
    private let scriptURL: String
    private let isCrossOrigin: Bool

    /// The whole exchange: every step and the verdict.
    mutating func evaluate(_ preparation: RequestPreparer.Result, server: ServerDefinition) -> Exchange {
        let verdict = verdict(preparation, server: server)
        return Exchange(
            browser: browser, request: request, prepared: prepared, preparationChecks: preparationChecks,
            isCrossOrigin: isCrossOrigin, steps: steps, verdict: verdict, cache: cache)
    }

    /// The verdict alone; the steps are recorded only when `recordsSteps` is set.
    mutating func verdict(_ preparation: RequestPreparer.Result, server: ServerDefinition) -> Verdict {
        let ready: PreparedRequest
        switch preparation {
        case .rejected(let failure, let checks):
            if recordsSteps { preparationChecks = checks }
            return finish(failed: failure, url: requestURL, origin: pageOrigin, status: nil)
        case .ready(let result):
            ready = result
        }
        if recordsSteps {
            prepared = ready
            preparationChecks = ready.checks
        }
        if request.api == .xhr {
            // setRequestHeader() runs before send(): its lines come first, whatever happens next.
            warnings = ready.dropped.compactMap { ConsoleMessages.refusedHeader($0.header.name, browser: browser) }
        }

        if case .tuple(let scheme, _, _) = page, scheme == "https", request.url.scheme == "http",
            !request.url.isLoopbackHost
        {
            return finish(failed: .mixedContent, url: requestURL, origin: pageOrigin, status: nil)
        }
        if request.url.scheme == "blob" && !isCrossOrigin {
            return finishWithoutNetwork(
                "the blob: URL made by this page", readable: ["content-length", "content-type"],
                summary: "A blob: URL has its creator's origin: a same-origin fetch, no CORS.")
        }
        if request.url.scheme == "data" {
            return finishWithoutNetwork(
                "the data: URL directly", readable: ["content-type"], summary: "data: URLs never involve CORS.")
        }
        if isCrossOrigin && request.api == .fetch && request.mode == .sameOrigin {
            return finish(failed: .disallowedByMode, url: requestURL, origin: pageOrigin, status: nil)
        }
        if !request.url.isHTTP && (isCrossOrigin || request.mode != .noCORS) {
            return finish(
                failed: .schemeNotSupported(request.url.scheme), url: requestURL, origin: pageOrigin, status: nil)
        }
        return followHops(ready, server: server)
    }

    // MARK: The hop loop

    private mutating func followHops(_ prepared: PreparedRequest, server: ServerDefinition) -> Verdict {
        let isNoCORS = request.api == .fetch && request.mode == .noCORS
        var url = request.url
        var urlText = requestURL
        var host = requestHost
        var method = prepared.method
        var headers = prepared.headers
        // The CORS-unsafe header analysis of the current hop's headers; nil while they are still the prepared
        // request's own, whose analysis `prepared` already carries (recomputed only after a redirect changes them).
        var unsafe: RequestPreparer.UnsafeAnalysis?
        var corsTainting = false
        var opaqueTainting = false
        var originTainted = false
        var redirects = 0

        while true {
            let origin = originTainted || page.isOpaque ? "null" : pageOrigin
            if !url.hasOrigin(page) {
                // evaluate() already refused a cross-origin first URL in same-origin mode; this is a redirect.
                if request.api == .fetch && request.mode == .sameOrigin {
                    return finish(
                        failed: .redirectDisallowedByMode, url: urlText, redirected: redirects > 0, origin: origin,
                        status: nil)
                }
                if isNoCORS { opaqueTainting = true } else { corsTainting = true }
            }
            let includeCredentials =
                request.credentials == .include
                || (request.credentials == .sameOrigin && !corsTainting && !opaqueTainting)

            if corsTainting {
                let failure: (CORSFailure, Int?, Bool)?
                if let unsafe {
                    // A redirect changed the method or the headers: the preflight asks for the new ones.
                    var hopRequest = prepared
                    hopRequest.method = method
                    hopRequest.unsafeHeaderNames = unsafe.sortedNames
                    hopRequest.unsafeHeaderCheckOrder = unsafe.checkOrder(
                        browser, headers: prepared.headers, api: request.api)
                    let reasons = RequestPreparer.preflightReasons(
                        method: method, unsafe: unsafe, isForced: prepared.isPreflightForced)
                    failure = preflightIfNeeded(
                        hopRequest, url: url, urlText: urlText, host: host, origin: origin, reasons: reasons,
                        server: server)
                } else {
                    failure = preflightIfNeeded(
                        prepared, url: url, urlText: urlText, host: host, origin: origin,
                        reasons: prepared.preflightReasons, server: server)
                }
                if let (failure, status, isRedirect) = failure {
                    return finish(
                        failed: failure, url: urlText, redirected: redirects > 0, origin: origin, status: status,
                        method: method, onRedirectResponse: isRedirect)
                }
            }

            // The actual request.
            var wireHeaders: [HeaderField] = []
            wireHeaders.reserveCapacity(headers.count + 4)
            wireHeaders.append(HeaderField("Host", host))
            wireHeaders += headers
            let rangeRewrite = chromiumRangeRewrite(of: &wireHeaders, method: method)
            if !headers.contains(named: "Accept") { wireHeaders.append(HeaderField("Accept", "*/*")) }
            if let value = originHeader(method: method, corsTainting: corsTainting, origin: origin, url: url) {
                wireHeaders.append(HeaderField("Origin", value))
            }
            // The scenario's cookie belongs to the first URL's host; other hosts have none in this model.
            let sendsCookie = includeCredentials && request.cookie != nil && url.host == request.url.host
            if sendsCookie, let cookie = request.cookie { wireHeaders.append(HeaderField("Cookie", cookie)) }
            let wire = WireRequest(method: method, url: url, headers: wireHeaders)
            let reply = PolicyResponder.reply(to: wire, server: server, memo: memo, detail: detail)
            let response = reply.response
            var checks = CheckLog(detail)
            if let (original, rewritten) = rangeRewrite { checks.append(Self.rangeRewriteCheck(original, rewritten)) }
            var failure: CORSFailure?
            // Refusals of the HTTP layer come before any CORS check: repeated singleton fields, and (Chromium's
            // network stack, ERR_INVALID_REDIRECT) a Location that is not a URL.
            let target = RedirectTarget.of(response, from: url, browser: browser)
            var refusal: (CORSFailure, Check)?
            if let name = SingletonHeaderRules.conflict(in: response.headers, browser: browser) {
                refusal = (.conflictingHeaderValues(name), Self.conflictCheck(name))
            } else if browser == .chromium, case .invalid(let location) = target {
                let failure = CORSFailure.invalidRedirectLocation(location)
                refusal = (failure, Self.locationCheck(location, failure: failure))
            }
            if let (refused, check) = refusal {
                checks.append(check)
                appendActual(wire, reply, checks, passed: false, cookie: includeCredentials)
                return finish(
                    failed: refused, url: urlText, redirected: redirects > 0, origin: origin, status: response.status,
                    method: method)
            }
            // Firefox refuses a redirect to a data: or javascript: URL, or to a Location that is not a URL, before
            // its CORS listener checks the 3xx (measured in Firefox 153).
            let isRefusedByFirefox: Bool
            switch (browser, target) {
            case (.firefox, .url(let resolved, _)):
                isRefusedByFirefox = RedirectTarget.firefoxRefusedSchemes.contains(resolved.scheme)
            case (.firefox, .invalid): isRefusedByFirefox = true
            default: isRefusedByFirefox = false
            }
            if corsTainting && !isRefusedByFirefox {
                let access = AccessCheck.run(
                    response, origin: origin, includeCredentials: request.credentials == .include, isPreflight: false,
                    browser: browser, detail: detail, memo: memo)
                checks.append(contentsOf: access.checks)
                failure = access.failure
            }
            if failure == nil, target == .none, corsTainting {
                let (readable, exposureChecks) = ResponseExposure.readableCORSHeaders(
                    response, credentials: request.credentials == .include, detail: detail, memo: memo)
                checks.append(contentsOf: exposureChecks)
                appendActual(wire, reply, checks, passed: true, cookie: includeCredentials)
                return finish(allowedCORS: response, readable: readable)
            }
            if let failure {
                appendActual(wire, reply, checks, passed: false, cookie: includeCredentials)
                // A network error on a preflighted fetch clears the cache entries for its origin and URL (the
                // standard; Firefox when the response fails its CORS check). Chromium keeps them (measured in
                // Chromium 156: the same request 0.3 s and 3 s later sent no new preflight).
                if !cache.entries.isEmpty, browser != .chromium {
                    cache.clear(origin: origin, url: Self.cacheKey(url, text: urlText))
                }
                return finish(
                    failed: failure, url: urlText, redirected: redirects > 0, origin: origin, status: response.status,
                    onRedirectResponse: target != .none)
            }
            let location: String
            switch target {
            case .none:
                appendActual(wire, reply, checks, passed: true, cookie: includeCredentials)
                if opaqueTainting { return finishOpaque() }
                return finish(allowedBasic: response)
            case .url(_, let text), .invalid(let text):
                location = text
            }

            // A redirect: follow it the way HTTP-redirect fetch does.
            redirects += 1
            var redirectFailure: CORSFailure?
            // The URL the console names: the one whose response redirected, unless the browser followed first.
            var failedURL = urlText
            var next: ParsedURL?
            if redirects > CORSEvaluator.redirectLimit {
                redirectFailure = .tooManyRedirects
            } else if case .url(let resolved, _) = target {
                if !resolved.isHTTP {
                    if browser == .chromium && RedirectTarget.chromiumUnsafeSchemes.contains(resolved.scheme) {
                        redirectFailure = .unsafeRedirect(location)
                    } else {
                        redirectFailure = .redirectToUnsupportedScheme(location)
                        // Chromium follows it, then refuses the new request for its scheme; Firefox's CORS
                        // listener names the new URL too (a data: or javascript: URL never reaches it).
                        if browser == .chromium
                            || (browser == .firefox && !RedirectTarget.firefoxRefusedSchemes.contains(resolved.scheme))
                        {
                            failedURL = resolved.description
                        }
                    }
                } else {
                    next = resolved
                    if resolved.hasCredentials && ((!isNoCORS && !resolved.hasOrigin(page)) || corsTainting) {
                        redirectFailure = .redirectContainsCredentials(resolved.description)
                    }
                }
            } else {
                redirectFailure = .invalidRedirectLocation(location)
            }
            checks.append(Self.locationCheck(location, failure: redirectFailure))
            appendActual(wire, reply, checks, passed: redirectFailure == nil, cookie: includeCredentials)
            guard let next, redirectFailure == nil else {
                return finish(
                    failed: redirectFailure ?? .tooManyRedirects, url: failedURL, redirected: failedURL != requestURL,
                    origin: origin, status: response.status, method: method)
            }
            let status = response.status
            if ((status == 301 || status == 302) && method == "POST")
                || (status == 303 && method != "GET" && method != "HEAD")
            {
                method = "GET"
                let bodyHeaders: Set<String> = [
                    "content-encoding", "content-language", "content-location", "content-type",
                ]
                headers.removeAll { bodyHeaders.contains($0.lowercasedName) }
            }
            if !next.origin.isSameOrigin(with: url.origin) {
                headers.removeAll { $0.hasName("authorization") }
                if !url.hasOrigin(page) { originTainted = true }
            }
            unsafe = RequestPreparer.analyzeUnsafeHeaders(headers, browser: browser, detail: detail)
            url = next
            host = next.hostHeader
            urlText = next.description
        }
    }

    /// Sends the preflight when one is needed and the cache does not cover the request; returns the failure, if any,
    /// with the answer's status and whether it was a redirect.
    private mutating func preflightIfNeeded(
        _ hop: PreparedRequest, url: ParsedURL, urlText: String, host: String, origin: String, reasons: [String],
        server: ServerDefinition
    ) -> (CORSFailure, status: Int?, isRedirect: Bool)? {
        guard !reasons.isEmpty else { return nil }
        let include = request.credentials == .include
        // The cache key (the URL serialized again) is made only when the cache has entries to match; most
        // evaluations start with an empty cache.
        let urlKey = cache.entries.isEmpty ? nil : Self.cacheKey(url, text: urlText)
        var headers: [HeaderField] = []
        headers.reserveCapacity(5)
        // One append each: appending an array literal would build a temporary array on every preflight.
        headers.append(HeaderField("Host", host))
        headers.append(HeaderField("Accept", "*/*"))
        headers.append(HeaderField("Access-Control-Request-Method", hop.method))
        if !hop.unsafeHeaderNames.isEmpty {
            headers.append(
                HeaderField("Access-Control-Request-Headers", hop.unsafeHeaderNames.joinedIntoOneBuffer(separator: ","))
            )
        }
        headers.append(HeaderField("Origin", origin))
        let wire = WireRequest(method: "OPTIONS", url: url, headers: headers)
        var why = CheckLog(detail)
        why.append(
            Check(
                subject: "preflight needed", expected: "a simple request (no preflight)",
                found: reasons.joined(separator: "; "), status: .info,
                explanation: "The browser asks the server first because " + reasons.joined(separator: "; ") + ".",
                specLink: SpecLink.mainFetch))

        var entry = urlKey.flatMap {
            cache.lookup(
                origin: origin, url: $0, credentials: include, method: hop.method,
                unsafeHeaders: hop.unsafeHeaderNames,
                hasForcedPreflight: hop.isPreflightForced, browser: browser, now: now)
        }
        // Firefox uses a cached preflight only while the DNS cache holds the host's record from before the entry
        // (`CheckDNSCache`); an IP address's record is made anew on every lookup, so it never qualifies.
        if entry != nil, browser == .firefox, url.hasIPAddressHost {
            entry = nil
            why.append(
                Check(
                    subject: "preflight cache",
                    expected: "a live entry for this origin, URL, method and headers",
                    found: "an entry, not used: the host is an IP address", status: .info,
                    explanation: "Firefox uses a cached preflight only while its DNS cache holds the host's record "
                        + "from before the entry, and the record of an IP address is new on every lookup, so it "
                        + "preflights again.",
                    specLink: SpecLink.preflightCache))
        }
        if let entry {
            let remaining = Int((entry.expiresAt - now).rounded(.up))
            var checks = why
            checks.append(
                Check(
                    subject: "preflight cache", expected: "a live entry for this origin, URL, method and headers",
                    found: "hit, \(remaining) s left", status: .info,
                    explanation: "An earlier preflight answer is still cached, so no OPTIONS request is sent.",
                    specLink: SpecLink.preflightCache))
            record(
                ExchangeStep(
                    kind: .preflightCacheHit, request: wire, response: nil, checks: checks.checks, passed: true))
            return nil
        }

        let reply = PolicyResponder.reply(to: wire, server: server, memo: memo, detail: detail)
        // Refusals of the HTTP layer come before the preflight's own checks. A preflight is never followed, so
        // only Chromium, which refuses a Location that is not a URL before CORS sees the answer, resolves it.
        let location = RedirectTarget.location(in: reply.response, browser: browser)
        var refusal: (CORSFailure, Check)?
        if let name = SingletonHeaderRules.conflict(in: reply.response.headers, browser: browser) {
            refusal = (.conflictingHeaderValues(name), Self.conflictCheck(name))
        } else if browser == .chromium, let location, (try? url.resolving(location, profile: browser)) == nil {
            let failure = CORSFailure.invalidRedirectLocation(location)
            refusal = (failure, Self.locationCheck(location, failure: failure))
        }
        if let (failure, check) = refusal {
            record(
                ExchangeStep(
                    kind: .preflight, request: wire, response: reply.response, serverNotes: reply.notes,
                    checks: why.checks + [check], passed: false))
            if let urlKey { cache.clear(origin: origin, url: urlKey) }
            return (failure, reply.response.status, false)
        }
        let result = PreflightValidator.validate(
            reply.response, isRedirect: location != nil, prepared: hop, origin: origin, includeCredentials: include,
            url: urlText, browser: browser, detail: detail, memo: memo)
        if !result.warnings.isEmpty { warnings += result.warnings }
        record(
            ExchangeStep(
                kind: .preflight, request: wire, response: reply.response, serverNotes: reply.notes,
                checks: why.checks + result.checks, passed: result.failure == nil))
        if let failure = result.failure {
            if let urlKey { cache.clear(origin: origin, url: urlKey) }
            return (failure, reply.response.status, location != nil)
        }
        if result.cacheLifetime > 0 {
            cache.store(
                PreflightCacheEntry(
                    origin: origin, url: urlKey ?? Self.cacheKey(url, text: urlText), credentials: include,
                    methods: result.allowedMethods,
                    headerNames: result.allowedHeaders, expiresAt: now + Double(result.cacheLifetime)),
                browser: browser)
        }
        return nil
    }

    /// The failed check of a response that repeats the singleton field `name` with different values.
    /// Chromium's HTTP cache sends a GET's single valid `Range` written again (`RangeHeaderRules`): the value
    /// before and after, when it changed.
    private func chromiumRangeRewrite(of headers: inout [HeaderField], method: String) -> (String, String)? {
        guard browser == .chromium, method == "GET", let index = headers.firstIndex(where: { $0.hasName("range") }),
            let rewritten = RangeHeaderRules.chromiumCacheRewrite(headers[index].value)
        else { return nil }
        let original = headers[index].value
        headers[index].value = rewritten
        return (original, rewritten)
    }

    private static func rangeRewriteCheck(_ original: String, _ rewritten: String) -> Check {
        Check(
            subject: "Range", expected: "sent as the script set it", found: "\(original) → \(rewritten)",
            status: .info,
            explanation:
                "Chromium's HTTP cache handles a GET with one valid byte range itself and sends the range written "
                + "again, after the CORS checks. The server sees the new spelling.",
            specLink: SpecLink.base + "simple-range-header-value")
    }

    private static func conflictCheck(_ name: String) -> Check {
        Check(
            subject: name, expected: "one value", found: "two different values", status: .fail,
            explanation:
                "The browser's HTTP layer discards a response that repeats this field with different values: a network error before any CORS check.",
            specLink: "https://www.rfc-editor.org/rfc/rfc9112#section-6.3")
    }

    /// The check of a redirect's `Location`, failed by `failure` when there is one.
    private static func locationCheck(_ location: String, failure: CORSFailure?) -> Check {
        Check(
            subject: "Location", expected: "an http(s) URL without credentials",
            found: location.isEmpty ? "(empty value)" : Escaping.visible(location),
            status: failure == nil ? .pass : .fail,
            explanation: failure == nil
                ? "The browser follows the redirect and runs the CORS rules again for the new URL."
                : "The browser refuses to follow this redirect.",
            specLink: SpecLink.redirectFetch)
    }

    /// The preflight cache's key for `url` (its serialization without fragment); `text` is its `description`,
    /// already made, which is the same string when there is no fragment.
    private static func cacheKey(_ url: ParsedURL, text: String) -> String {
        url.fragment == nil ? text : url.serializedWithoutFragment
    }

    /// The `Origin` header of an actual request, or nil when none is sent (Fetch "append a request Origin header").
    private func originHeader(method: String, corsTainting: Bool, origin: String, url: ParsedURL) -> String? {
        if corsTainting { return origin }
        guard method != "GET" && method != "HEAD" else { return nil }
        if request.mode != .cors, case .tuple(let scheme, _, _) = page, scheme == "https",
            url.scheme == "http"
        {
            return "null"
        }
        return origin
    }

    /// Keeps `step` when the steps are recorded; otherwise it is not even built.
    private mutating func record(_ step: @autoclosure () -> ExchangeStep) {
        if recordsSteps { steps.append(step()) }
    }

    private mutating func appendActual(
        _ wire: WireRequest, _ reply: ServerReply, _ checks: CheckLog, passed: Bool, cookie: Bool
    ) {
        record(
            ExchangeStep(
                kind: .actual, request: wire, response: reply.response, serverNotes: reply.notes, checks: checks.checks,
                passed: passed, includesCredentials: cookie))
    }

    // MARK: Verdicts

    /// `make()` at full detail; empty at verdict detail, where no words are built.
    private func text(_ make: @autoclosure () -> String) -> String {
        detail == .full ? make() : ""
    }

    /// The verdict for a failure of the hop to `url` (`redirected`: after a redirect) sent from `origin`; the
    /// console's wording (`FailureContext`) is made only at full detail.
    private func finish(
        failed failure: CORSFailure, url: String, redirected: Bool = false, origin: String, status: Int?,
        method: String? = nil, onRedirectResponse: Bool = false
    )
        -> Verdict
    {
        var console: [String] = []
        var scriptResult = ""
        if detail == .full {
            let context = FailureContext(
                api: request.api, url: url, redirectedFrom: redirected ? requestURL : nil, origin: origin,
                pageOrigin: pageOrigin, status: status, scriptURL: scriptURL, method: method ?? request.method,
                isRedirectResponse: onRedirectResponse)
            console = ConsoleMessages.lines(for: failure, context: context, browser: browser)
            if let scriptError = ConsoleMessages.scriptError(for: failure, context: context, browser: browser) {
                scriptResult =
                    request.api == .fetch
                    ? "fetch() rejects with \(scriptError)" : "XMLHttpRequest throws \(scriptError)"
            } else {
                scriptResult = "XMLHttpRequest fires an error event; status is 0 and the response is empty"
            }
        }
        return Verdict(
            outcome: failure.isBeforeSending ? .error : .blocked, failure: failure, console: console,
            warnings: warnings, scriptResult: scriptResult, responseType: "error",
            status: failure.isBeforeSending ? nil : 0, readableHeaders: nil, summary: text(failure.summary))
    }

    private func finish(allowedCORS response: ServerResponse, readable: [String]) -> Verdict {
        Verdict(
            outcome: .allowed, failure: nil, console: [], warnings: warnings,
            scriptResult: text(
                "\(request.api == .fetch ? "fetch() resolves with a cors response" : "XMLHttpRequest loads"), status \(response.status); the body and \(readable.count) header(s) are readable"
            ),
            responseType: "cors", status: response.status, readableHeaders: readable,
            summary: text("Allowed: the CORS checks pass, so the script can read the response."))
    }

    private func finish(allowedBasic response: ServerResponse) -> Verdict {
        let readable = ResponseExposure.readableBasicHeaders(response)
        return Verdict(
            outcome: .allowed, failure: nil, console: [], warnings: warnings,
            scriptResult: text(
                "\(request.api == .fetch ? "fetch() resolves with a basic response" : "XMLHttpRequest loads"), status \(response.status); everything but Set-Cookie is readable"
            ),
            responseType: "basic", status: response.status, readableHeaders: readable,
            summary: text("Same origin: CORS does not apply, the script reads the whole response."))
    }

    /// A URL the browser reads itself (data:, the page's own blob:): no request, no CORS.
    private func finishWithoutNetwork(_ what: String, readable: [String], summary: String) -> Verdict {
        Verdict(
            outcome: .allowed, failure: nil, console: [], warnings: warnings,
            scriptResult: text("\(request.api.consoleName) reads \(what); no network, no CORS"),
            responseType: "basic",
            status: 200, readableHeaders: readable, summary: text(summary))
    }

    private func finishOpaque() -> Verdict {
        Verdict(
            outcome: .opaque, failure: nil, console: [], warnings: warnings,
            scriptResult: text("fetch() resolves with an opaque response: status 0, no headers, empty body"),
            responseType: "opaque", status: 0, readableHeaders: nil,
            summary: text("Opaque: no-cors sends the request but hides the response from the script."))
    }
}
