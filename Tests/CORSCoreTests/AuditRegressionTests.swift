import CORSCore
import Testing

/// Regressions found by auditing the evaluator against browser sources; each failed before its fix.
@Suite("Audit regressions")
struct AuditRegressionTests {
    static func putWithHeader() throws -> BrowserRequest {
        try makeRequest(method: "PUT", headers: [("X-Foo", "1")])
    }

    @Test("Firefox does not treat * in a cached preflight as a wildcard; Chromium does")
    func firefoxCacheStarIsLiteral() throws {
        let request = try Self.putWithHeader()
        let server = rawServer(
            preflight: response(
                204,
                [
                    ("Access-Control-Allow-Origin", "*"), ("Access-Control-Allow-Methods", "*"),
                    ("Access-Control-Allow-Headers", "*"), ("Access-Control-Max-Age", "600"),
                ]))
        let firefox = CORSEvaluator.evaluateTwice(request, server: server, browser: .firefox, secondAfter: 5)
        #expect(firefox.first.verdict.outcome == .allowed)
        #expect(firefox.second.preflight != nil)
        let chromium = CORSEvaluator.evaluateTwice(request, server: server, browser: .chromium, secondAfter: 5)
        #expect(chromium.second.preflight == nil)
        #expect(chromium.second.steps.first?.kind == .preflightCacheHit)
    }

    /// Measured in Chromium 156 and read in Firefox's source (2026-11-22): the standard and Firefox drop the cached
    /// preflight when the actual response fails its CORS check; Chromium keeps it, so the next request within Max-Age
    /// sends no preflight (and fails the same way).
    @Test("A failed actual response clears the preflight cache, so the repeat preflights again, except in Chromium")
    func failedActualClearsCache() throws {
        let request = try Self.putWithHeader()
        let server = rawServer(
            preflight: response(
                204,
                [
                    ("Access-Control-Allow-Origin", "*"), ("Access-Control-Allow-Methods", "PUT"),
                    ("Access-Control-Allow-Headers", "x-foo"), ("Access-Control-Max-Age", "600"),
                ]),
            actual: response(200))
        for browser in BrowserProfile.allCases {
            let pair = CORSEvaluator.evaluateTwice(request, server: server, browser: browser, secondAfter: 5)
            #expect(pair.first.verdict.outcome == .blocked)
            #expect(pair.second.verdict.outcome == .blocked)
            #expect((pair.second.preflight != nil) == (browser != .chromium), "\(browser)")
        }
    }

    /// `verify` against Chromium 156 showed no CORS message for this (the source suggested "Cross origin requests
    /// are not allowed by request mode."): DevTools lists only the failed request.
    @Test("mode same-origin redirected to another origin is a network error without a CORS message in Chromium")
    func sameOriginModeRedirect() throws {
        let request = try makeRequest(url: "https://app.example/go", mode: .sameOrigin)
        let server = rawServer(redirects: [try redirect(from: "https://app.example/go", to: "https://api.example/data")]
        )
        let exchange = run(request, server, browser: .chromium)
        #expect(exchange.verdict.outcome == .blocked)
        #expect(exchange.verdict.failure == .redirectDisallowedByMode)
        #expect(exchange.verdict.console == ["GET https://api.example/data net::ERR_FAILED"])
    }

    /// Measured in Firefox 153 over WebDriver BiDi (docs/verify.md, the fifth campaign).
    @Test("mode same-origin redirected to another origin: Firefox's Security Error names the new URL")
    func sameOriginModeRedirectFirefox() throws {
        let request = try makeRequest(url: "https://app.example/go", mode: .sameOrigin)
        let server = rawServer(redirects: [try redirect(from: "https://app.example/go", to: "https://api.example/data")]
        )
        let exchange = run(request, server, browser: .firefox)
        #expect(exchange.verdict.failure == .redirectDisallowedByMode)
        #expect(
            exchange.verdict.console == [
                "Security Error: Content at https://app.example/ may not load data from https://api.example/data."
            ])
    }

    @Test("A blob: URL made by the page is same-origin")
    func sameOriginBlob() throws {
        let request = try makeRequest(url: "blob:https://app.example/5f0c3c8e")
        let exchange = run(request, rawServer(), browser: .chromium)
        #expect(exchange.verdict.outcome == .allowed)
        #expect(exchange.isCrossOrigin == false)
    }

    @Test("The credentials-in-URL message quotes the URL as the script wrote it")
    func rawURLInCredentialsMessage() throws {
        let text = "https://user:pw@API.example.com"
        var request = try makeRequest(url: text)
        request.urlText = text
        let exchange = run(request, rawServer(), browser: .chromium)
        #expect(
            exchange.verdict.consoleMessage
                == "TypeError: Failed to execute 'fetch' on 'Window': Request cannot be constructed from a URL that includes credentials: https://user:pw@API.example.com"
        )
    }

    @Test(
        "Firefox reports a redirected preflight without ACAO as the missing header, then did-not-succeed twice (measured in Firefox 153 over WebDriver BiDi)"
    )
    func firefoxRedirectedPreflightWithoutACAO() throws {
        let request = try makeRequest(method: "PUT")
        let server = rawServer(redirects: [try redirect(from: apiURL, to: "https://api.example/y", headers: [])])
        let exchange = run(request, server, browser: .firefox)
        #expect(
            exchange.verdict.console == [
                "Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at https://api.example/x. (Reason: CORS header ‘Access-Control-Allow-Origin’ missing). Status code: 302.",
                "Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at https://api.example/x. (Reason: CORS request did not succeed). Status code: (null).",
                "Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at https://api.example/x. (Reason: CORS request did not succeed). Status code: (null).",
            ])
    }

    @Test("Past 1024 bytes the browser's own Accept joins Access-Control-Request-Headers")
    func userAgentAcceptBecomesUnsafe() throws {
        // Only Chromium's extra safelisted client hints can push safelisted values past 1024 bytes.
        let digits = String(repeating: "1", count: 128)
        let hints = ["DPR", "Device-Memory", "Width", "Viewport-Width", "Downlink"].map { ($0, digits) }
        let language = String(repeating: "a", count: 128)
        let request = try makeRequest(
            headers: hints + [
                ("Accept-Language", language), ("Content-Language", language), ("Intervention", language),
            ])
        let exchange = run(request, rawServer(preflight: permissivePreflight), browser: .chromium)
        let acrh = exchange.preflight?.request.headers.combinedValue(named: "Access-Control-Request-Headers")
        #expect(
            acrh
                == "accept,accept-language,content-language,device-memory,downlink,dpr,intervention,viewport-width,width"
        )
    }
}
