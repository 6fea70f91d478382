import CORSCore
import Testing

/// cors-rules.md §1 (redirect taint), §10 (redirects during CORS) and §14.2 #64–70.
@Suite("Redirects")
struct RedirectTests {
    static let apiA = "https://api.example/a"
    static let apiB = "https://api.example/b"
    static let other = "https://other.example/c"
    static let pageURL = "https://app.example/back"

    struct TaintCase: Sendable, CustomTestStringConvertible {
        var label: String
        var start: String
        var hops: [String]
        var finalOrigin: String
        var testDescription: String { label }
    }

    static let taintCases: [TaintCase] = [
        TaintCase(label: "#64 cross A→A'", start: apiA, hops: [apiB], finalOrigin: appOrigin),
        TaintCase(label: "#65 cross A→B", start: apiA, hops: [other], finalOrigin: "null"),
        TaintCase(label: "#66 same→cross", start: "https://app.example/start", hops: [apiB], finalOrigin: appOrigin),
        TaintCase(label: "#67 cross→page origin", start: apiA, hops: [pageURL], finalOrigin: "null"),
        TaintCase(label: "cross A→A'→B", start: apiA, hops: [apiB, other], finalOrigin: "null"),
        TaintCase(label: "cross A→B→A stays tainted", start: apiA, hops: [other, apiB], finalOrigin: "null"),
    ]

    func chain(_ testCase: TaintCase, status: Int = 302) throws -> [ServerRedirect] {
        var redirects: [ServerRedirect] = []
        var from = testCase.start
        for hop in testCase.hops {
            redirects.append(try redirect(from: from, to: hop, status: status))
            from = hop
        }
        return redirects
    }

    @Test("Origin on the final hop: tainted to null once the chain crosses origins", arguments: taintCases)
    func originTainting(testCase: TaintCase) throws {
        let request = try makeRequest(url: testCase.start)
        let exchange = run(request, rawServer(redirects: try chain(testCase)))
        #expect(exchange.verdict.outcome == .allowed)
        #expect(exchange.actualSteps.count == testCase.hops.count + 1)
        #expect(exchange.preflightCount == 0)
        #expect(exchange.finalActual?.requestHeader("Origin") == testCase.finalOrigin)
        #expect(exchange.verdict.responseType == "cors")
    }

    @Test(
        "A tainted request fails against ACAO <origin> and passes with ACAO null",
        arguments: [
            (appOrigin, false), ("null", true), ("*", true),
        ])
    func taintedOriginNeedsNullOrStar(acao: String, allowed: Bool) throws {
        let request = try makeRequest(url: Self.apiA)
        let server = rawServer(
            actual: response(200, [("Access-Control-Allow-Origin", acao)]),
            redirects: [try redirect(from: Self.apiA, to: Self.other)])
        let exchange = run(request, server)
        #expect(exchange.verdict.outcome == (allowed ? .allowed : .blocked))
        if !allowed { #expect(exchange.verdict.failure == .allowOriginMismatch(value: appOrigin, preflight: false)) }
    }

    @Test("#67: back at the page origin, CORS still applies: no ACAO means blocked")
    func backToPageOriginStillCORS() throws {
        let request = try makeRequest(url: Self.apiA)
        let server = rawServer(
            actual: response(200, [("Content-Type", "text/plain")]),
            redirects: [try redirect(from: Self.apiA, to: Self.pageURL)])
        let exchange = run(request, server)
        #expect(exchange.verdict.failure == .missingAllowOrigin(preflight: false))
        #expect(exchange.finalActual?.request.url.description == Self.pageURL)
    }

    @Test("Cookies are not sent after a cross-origin hop returns to the page origin with credentials same-origin")
    func noCookiesAfterTaint() throws {
        let request = try makeRequest(url: Self.apiA, cookie: "sid=1")
        let exchange = run(request, rawServer(redirects: [try redirect(from: Self.apiA, to: Self.pageURL)]))
        #expect(exchange.finalActual?.requestHeader("Cookie") == nil)
        #expect(exchange.finalActual?.includesCredentials == false)
    }

    @Test("The redirect response itself must pass the CORS check")
    func redirectHopNeedsACAO() throws {
        let request = try makeRequest(url: Self.apiA)
        let server = rawServer(redirects: [try redirect(from: Self.apiA, to: Self.apiB, headers: [])])
        let exchange = run(request, server)
        #expect(exchange.verdict.failure == .missingAllowOrigin(preflight: false))
        #expect(exchange.actualSteps.count == 1)
    }

    @Test("A same-origin first hop needs no CORS headers on its redirect")
    func sameOriginHopNeedsNoACAO() throws {
        let request = try makeRequest(url: "https://app.example/start")
        let server = rawServer(redirects: [try redirect(from: "https://app.example/start", to: Self.apiB, headers: [])])
        let exchange = run(request, server)
        #expect(exchange.verdict.outcome == .allowed)
        #expect(exchange.actualSteps.first?.requestHeader("Origin") == nil)
    }

    // MARK: Userinfo in Location (#68)

    @Test(
        "#68: a Location with userinfo is a network error unless the whole chain stays same-origin",
        arguments: [
            (apiA, "https://user:password@api.example/b", false),
            (apiA, "https://user:password@app.example/b", false),
            ("https://app.example/start", "https://user:password@api.example/b", false),
            ("https://app.example/start", "https://user:password@app.example/b", true),
        ])
    func userinfoInLocation(start: String, location: String, allowed: Bool) throws {
        let request = try makeRequest(url: start)
        let exchange = run(request, rawServer(redirects: [try redirect(from: start, to: location)]))
        if allowed {
            #expect(exchange.verdict.outcome == .allowed)
        } else {
            #expect(exchange.verdict.failure == .redirectContainsCredentials(location))
            #expect(exchange.verdict.outcome == .blocked)
        }
    }

    @Test("A Location that is not http(s) is a network error")
    func nonHTTPLocation() throws {
        let request = try makeRequest(url: Self.apiA)
        let exchange = run(request, rawServer(redirects: [try redirect(from: Self.apiA, to: "ftp://api.example/file")]))
        #expect(exchange.verdict.failure == .redirectToUnsupportedScheme("ftp://api.example/file"))
    }

    @Test("More than 20 redirects is a network error after 21 requests")
    func redirectLimit() throws {
        let request = try makeRequest(url: Self.apiA)
        let exchange = run(request, rawServer(redirects: [try redirect(from: Self.apiA, to: Self.apiA)]))
        #expect(exchange.verdict.failure == .tooManyRedirects)
        #expect(exchange.actualSteps.count == 21)
    }

    @Test("20 redirects are still followed")
    func twentyRedirectsAllowed() throws {
        var redirects: [ServerRedirect] = []
        for index in 0..<20 {
            redirects.append(try redirect(from: "https://api.example/\(index)", to: "/\(index + 1)"))
        }
        let exchange = run(try makeRequest(url: "https://api.example/0"), rawServer(redirects: redirects))
        #expect(exchange.verdict.outcome == .allowed)
        #expect(exchange.actualSteps.count == 21)
        #expect(exchange.finalActual?.request.url.description == "https://api.example/20")
    }

    // MARK: Method rewriting

    @Test(
        "301/302 turn POST into GET, 303 turns anything but GET/HEAD into GET, 307/308 keep the method",
        arguments: [
            (301, "POST", "GET"), (302, "POST", "GET"), (303, "POST", "GET"), (303, "PUT", "GET"),
            (303, "HEAD", "HEAD"),
            (307, "POST", "POST"), (308, "POST", "POST"), (301, "GET", "GET"),
        ])
    func methodRewriting(status: Int, method: String, finalMethod: String) throws {
        let body: String? = method == "GET" || method == "HEAD" ? nil : "data"
        let request = try makeRequest(url: Self.apiA, method: method, body: body)
        let redirects = [try redirect(from: Self.apiA, to: Self.apiB, status: status)]
        // A cache entry lets a PUT skip the preflight at /a (the server redirects OPTIONS too).
        let cache = PreflightCache(entries: [
            PreflightCacheEntry(
                origin: appOrigin, url: Self.apiA, credentials: false, methods: ["PUT"], headerNames: [], expiresAt: 100
            )
        ])
        let exchange = run(request, rawServer(preflight: permissivePreflight, redirects: redirects), cache: cache)
        let final = try #require(exchange.finalActual)
        #expect(final.request.method == finalMethod)
        #expect(final.request.url.description == Self.apiB)
        if finalMethod == "GET" && method != "GET" {
            #expect(final.requestHeader("Content-Type") == nil)
        }
        #expect(exchange.verdict.outcome == .allowed)
    }

    // MARK: Preflights and redirects (#69, #70)

    @Test("#70: after a redirect the new URL is preflighted again (cache hit at the first URL)")
    func newPreflightAtNewURL() throws {
        let request = try makeRequest(url: Self.apiA, method: "PUT")
        let cache = PreflightCache(entries: [
            PreflightCacheEntry(
                origin: appOrigin, url: Self.apiA, credentials: false, methods: ["PUT"], headerNames: [], expiresAt: 100
            )
        ])
        let server = rawServer(
            preflight: permissivePreflight, redirects: [try redirect(from: Self.apiA, to: Self.apiB, status: 307)])
        let exchange = run(request, server, cache: cache)
        #expect(exchange.stepKinds == [.preflightCacheHit, .actual, .preflight, .actual])
        let preflight = try #require(exchange.preflight)
        #expect(preflight.request.url.description == Self.apiB)
        #expect(preflight.requestHeader("Origin") == appOrigin)
        #expect(exchange.verdict.outcome == .allowed)
    }

    @Test("A preflight after a cross-origin redirect carries Origin: null and is cached under null")
    func preflightAfterTaint() throws {
        let request = try makeRequest(url: Self.apiA, method: "PUT")
        let cache = PreflightCache(entries: [
            PreflightCacheEntry(
                origin: appOrigin, url: Self.apiA, credentials: false, methods: ["PUT"], headerNames: [], expiresAt: 100
            )
        ])
        let server = rawServer(
            preflight: permissivePreflight, redirects: [try redirect(from: Self.apiA, to: Self.other, status: 307)])
        let exchange = run(request, server, cache: cache)
        let preflight = try #require(exchange.preflight)
        #expect(preflight.request.url.description == Self.other)
        #expect(preflight.requestHeader("Origin") == "null")
        #expect(exchange.finalActual?.requestHeader("Origin") == "null")
        #expect(exchange.verdict.outcome == .allowed)
        #expect(exchange.cache.entries.contains { $0.origin == "null" && $0.url == Self.other })
    }

    @Test("#69: a redirect that also answers OPTIONS fails the preflight")
    func redirectedPreflightViaServerRedirect() throws {
        let request = try makeRequest(url: Self.apiA, method: "PUT")
        let server = rawServer(
            preflight: permissivePreflight, redirects: [try redirect(from: Self.apiA, to: Self.apiB)])
        let exchange = run(request, server, browser: .chromium)
        #expect(exchange.verdict.failure == .preflightRedirect(302))
        #expect(exchange.stepKinds == [.preflight])
    }

    @Test("Simple requests are redirected without any preflight", arguments: [301, 302, 303, 307, 308])
    func simpleRedirectNoPreflight(status: Int) throws {
        let request = try makeRequest(url: Self.apiA)
        let exchange = run(
            request, rawServer(redirects: [try redirect(from: Self.apiA, to: Self.other, status: status)]))
        #expect(exchange.preflightCount == 0)
        #expect(exchange.verdict.outcome == .allowed)
    }

    @Test("Authorization is removed on a cross-origin hop")
    func authorizationRemovedCrossOrigin() throws {
        let request = try makeRequest(url: Self.apiA, headers: [("Authorization", "Bearer t")])
        let cache = PreflightCache(entries: [
            PreflightCacheEntry(
                origin: appOrigin, url: Self.apiA, credentials: false, methods: [], headerNames: ["authorization"],
                expiresAt: 100)
        ])
        let server = rawServer(
            preflight: permissivePreflight, redirects: [try redirect(from: Self.apiA, to: Self.other)])
        let exchange = run(request, server, cache: cache)
        #expect(exchange.actualSteps.first?.requestHeader("Authorization") == "Bearer t")
        #expect(exchange.finalActual?.requestHeader("Authorization") == nil)
        #expect(exchange.preflightCount == 0)
        #expect(exchange.verdict.outcome == .allowed)
    }

    @Test("Chromium's console names both URLs for a failure after a redirect")
    func chromiumRedirectedConsole() throws {
        let request = try makeRequest(url: Self.apiA)
        let server = rawServer(actual: response(200), redirects: [try redirect(from: Self.apiA, to: Self.apiB)])
        let exchange = run(request, server, browser: .chromium)
        #expect(
            exchange.verdict.console == [
                "Access to fetch at 'https://api.example/b' (redirected from 'https://api.example/a') from origin 'https://app.example' has been blocked by CORS policy: No 'Access-Control-Allow-Origin' header is present on the requested resource."
            ])
    }

    struct LocationCase: Sendable, CustomTestStringConvertible {
        var location: String
        /// Whether the redirect carries `Access-Control-Allow-Origin: *`.
        var hasACAO: Bool
        var browser: BrowserProfile
        var failure: CORSFailure?
        /// The console's first line; nil when the request is allowed.
        var console: String?
        var testDescription: String { "\(browser) \(hasACAO ? "ACAO *" : "no ACAO") → '\(location)'" }
    }

    static let blockedPrefix = "Access to fetch at 'https://api.example/a' from origin 'https://app.example' has been "
    static let blockedAfterPrefix =
        " (redirected from 'https://api.example/a') from origin 'https://app.example' has been "

    /// Verified with `verify` against Chromium 156 and Firefox 153 (outcome and requests; Chromium's console too).
    static let locationCases: [LocationCase] = [
        // Chromium's network stack refuses a Location that is not a URL before CORS sees the redirect.
        LocationCase(
            location: "http://[bad/", hasACAO: false, browser: .chromium,
            failure: .invalidRedirectLocation("http://[bad/"),
            console: "GET https://api.example/a net::ERR_INVALID_REDIRECT"),
        LocationCase(
            location: "http://[bad/", hasACAO: false, browser: .spec, failure: .missingAllowOrigin(preflight: false)),
        LocationCase(
            location: "http://api.example:99999/", hasACAO: true, browser: .firefox,
            failure: .invalidRedirectLocation("http://api.example:99999/"),
            console:
                "Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at https://api.example/a. (Reason: CORS request did not succeed). Status code: (null)."
        ),
        // data:, file:, blob:, about: pass the CORS check, then Chromium refuses them without a CORS message.
        LocationCase(
            location: "data:,hi", hasACAO: false, browser: .chromium, failure: .missingAllowOrigin(preflight: false),
            console: blockedPrefix
                + "blocked by CORS policy: No 'Access-Control-Allow-Origin' header is present on the requested resource."
        ),
        LocationCase(
            location: "data:,hi", hasACAO: true, browser: .chromium, failure: .unsafeRedirect("data:,hi"),
            console: "GET https://api.example/a net::ERR_UNSAFE_REDIRECT"),
        LocationCase(
            location: "data:,hi", hasACAO: true, browser: .spec, failure: .redirectToUnsupportedScheme("data:,hi")),
        // Other schemes are followed, and the new request fails its scheme check: the console names the target.
        LocationCase(
            location: "ftp://api.example/f", hasACAO: true, browser: .chromium,
            failure: .redirectToUnsupportedScheme("ftp://api.example/f"),
            console: "Access to fetch at 'ftp://api.example/f'" + blockedAfterPrefix
                + "blocked by CORS policy: Cross origin requests are only supported for protocol schemes: chrome, chrome-experimental-site-token-provider, chrome-extension, chrome-untrusted, data, http, https, isolated-app."
        ),
        // Credentials: the console names the URL that redirected, and an empty location.
        LocationCase(
            location: "https://u:p@api.example/b", hasACAO: true, browser: .chromium,
            failure: .redirectContainsCredentials("https://u:p@api.example/b"),
            console: blockedPrefix
                + "blocked by CORS policy: Redirect location '' contains a username and password, which is disallowed for cross-origin requests."
        ),
        // An empty Location: Chromium does not redirect; the standard and Firefox redirect to the same URL.
        LocationCase(location: "", hasACAO: true, browser: .chromium, failure: nil),
        LocationCase(
            location: "", hasACAO: true, browser: .firefox, failure: .tooManyRedirects,
            console:
                "Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at https://api.example/a. (Reason: CORS request did not succeed). Status code: (null)."
        ),
    ]

    @Test(
        "Bad Location values: what each browser refuses, in which order, and what it prints", arguments: locationCases)
    func badLocation(testCase: LocationCase) throws {
        let request = try makeRequest(url: Self.apiA)
        let headers = testCase.hasACAO ? [("Access-Control-Allow-Origin", "*")] : []
        let server = rawServer(
            redirects: [try redirect(from: Self.apiA, to: testCase.location, headers: headers)])
        let exchange = run(request, server, browser: testCase.browser)
        #expect(exchange.verdict.failure == testCase.failure)
        #expect(exchange.verdict.outcome == (testCase.failure == nil ? .allowed : .blocked))
        if let console = testCase.console { #expect(exchange.verdict.console.first == console) }
        if testCase.failure == nil { #expect(exchange.verdict.status == 302) }
    }

    @Test("Backslashes start an authority in a special URL's Location (Chromium 156 and Firefox 153 agree)")
    func backslashLocation() throws {
        let request = try makeRequest(url: Self.apiA)
        let server = rawServer(redirects: [try redirect(from: Self.apiA, to: #"\\other.example\c"#)])
        let exchange = run(request, server, browser: .chromium)
        #expect(exchange.actualSteps.map(\.request.url.description) == [Self.apiA, Self.other])
    }

    @Test(
        "A preflight answered with a redirect: Chromium reads its Location as for any response",
        arguments: [
            // An empty Location is no redirect in Chromium: the missing ACAO is reported first, then the status.
            ("", BrowserProfile.chromium, CORSFailure.missingAllowOrigin(preflight: true)),
            ("", .spec, .preflightRedirect(302)),
            ("http://[bad/", .chromium, .invalidRedirectLocation("http://[bad/")),
            ("http://[bad/", .spec, .preflightRedirect(302)),
        ])
    func preflightRedirectLocation(location: String, browser: BrowserProfile, failure: CORSFailure) throws {
        let request = try makeRequest(url: Self.apiA, method: "PUT")
        let server = rawServer(
            preflight: response(302, [("Location", location), ("Access-Control-Allow-Methods", "PUT")]))
        let exchange = run(request, server, browser: browser)
        #expect(exchange.verdict.failure == failure)
        #expect(exchange.preflightCount == 1)
    }
}
