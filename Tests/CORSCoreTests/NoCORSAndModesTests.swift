import CORSCore
import Testing

/// cors-rules.md §1 (Origin header), §2 (forbidden methods), §3.3 (no-cors guard), §4 (modes), §8 (opaque responses).
@Suite("no-cors, same-origin mode and same-origin requests")
struct NoCORSAndModesTests {
    @Test(
        "no-cors to another origin gives an opaque response: status 0, nothing readable, no preflight",
        arguments: BrowserProfile.allCases)
    func noCORSIsOpaque(browser: BrowserProfile) throws {
        let server = rawServer(actual: response(200, [("Content-Type", "text/plain"), ("X-Secret", "1")]))
        let exchange = run(try makeRequest(mode: .noCORS), server, browser: browser)
        #expect(exchange.verdict.outcome == .opaque)
        #expect(exchange.verdict.responseType == "opaque")
        #expect(exchange.verdict.status == 0)
        #expect(exchange.verdict.readableHeaders == nil)
        #expect(exchange.verdict.failure == nil)
        #expect(exchange.verdict.console.isEmpty)
        #expect(exchange.stepKinds == [.actual])
    }

    @Test("no-cors never checks ACAO: even a response without CORS headers resolves opaque")
    func noCORSIgnoresACAO() throws {
        let exchange = run(try makeRequest(mode: .noCORS), rawServer(actual: response(500)))
        #expect(exchange.verdict.outcome == .opaque)
        #expect(exchange.finalActual?.checks.contains { $0.subject == "Access-Control-Allow-Origin" } == false)
    }

    @Test("no-cors keeps only the four no-cors-safelisted headers; the rest are dropped silently")
    func noCORSHeaderGuard() throws {
        let request = try makeRequest(
            mode: .noCORS, method: "POST",
            headers: [
                ("Accept", "*/*"), ("X-Custom", "1"), ("Content-Type", "application/json"), ("Accept-Language", "fr"),
                ("Range", "bytes=0-"), ("Content-Language", "de"),
            ], body: "x")
        let exchange = run(request, rawServer(preflight: permissivePreflight))
        #expect(exchange.preflightCount == 0)
        #expect(exchange.prepared?.dropped.map(\.header.name) == ["X-Custom", "Content-Type", "Range"])
        let actual = try #require(exchange.finalActual)
        #expect(actual.requestHeader("X-Custom") == nil)
        #expect(actual.requestHeader("Range") == nil)
        #expect(actual.requestHeader("Accept-Language") == "fr")
        #expect(actual.requestHeader("Content-Language") == "de")
        #expect(actual.requestHeader("Content-Type") == "text/plain;charset=UTF-8")
        #expect(exchange.verdict.outcome == .opaque)
    }

    @Test(
        "no-cors with a method other than GET, HEAD or POST throws before sending",
        arguments: ["PUT", "DELETE", "patch"])
    func noCORSMethod(method: String) throws {
        let exchange = run(try makeRequest(mode: .noCORS, method: method), rawServer())
        #expect(exchange.verdict.outcome == .error)
        #expect(exchange.verdict.failure == .methodNotAllowedInNoCORS(MethodRules.normalize(method)))
        #expect(exchange.steps.isEmpty)
        #expect(exchange.verdict.status == nil)
    }

    @Test("no-cors GET sends no Origin; no-cors POST does", arguments: [("GET", nil as String?), ("POST", appOrigin)])
    func noCORSOriginHeader(method: String, origin: String?) throws {
        let exchange = run(try makeRequest(mode: .noCORS, method: method), rawServer())
        #expect(exchange.finalActual?.requestHeader("Origin") == origin)
    }

    @Test("no-cors stays opaque after redirecting back to the page origin")
    func noCORSRedirectStaysOpaque() throws {
        let request = try makeRequest(url: "https://api.example/a", mode: .noCORS)
        let server = rawServer(redirects: [
            try redirect(from: "https://api.example/a", to: "https://app.example/b", headers: [])
        ])
        let exchange = run(request, server)
        #expect(exchange.verdict.outcome == .opaque)
        #expect(exchange.actualSteps.count == 2)
    }

    @Test("mode same-origin to another origin is an error before anything is sent", arguments: BrowserProfile.allCases)
    func sameOriginModeCrossOrigin(browser: BrowserProfile) throws {
        let exchange = run(try makeRequest(mode: .sameOrigin), rawServer(), browser: browser)
        #expect(exchange.verdict.outcome == .error)
        #expect(exchange.verdict.failure == .disallowedByMode)
        #expect(exchange.steps.isEmpty)
        #expect(exchange.verdict.readableHeaders == nil)
    }

    @Test("mode same-origin to the page's own origin works like any same-origin request")
    func sameOriginModeSameOrigin() throws {
        let exchange = run(try makeRequest(url: "https://app.example/data", mode: .sameOrigin), rawServer())
        #expect(exchange.verdict.outcome == .allowed)
        #expect(exchange.verdict.responseType == "basic")
    }

    @Test(
        "A forbidden method is an error with nothing sent, in fetch and XHR",
        arguments: [RequestAPI.fetch, .xhr])
    func forbiddenMethodNothingSent(api: RequestAPI) throws {
        let exchange = run(try makeRequest(api: api, method: "TRACE"), rawServer(preflight: permissivePreflight))
        #expect(exchange.verdict.outcome == .error)
        #expect(exchange.verdict.failure == .forbiddenMethod("TRACE"))
        #expect(exchange.steps.isEmpty)
        #expect(exchange.verdict.responseType == "error")
    }

    @Test("A same-origin request uses no CORS: no preflight, no checks, basic response, cookies sent")
    func sameOriginRequest() throws {
        let request = try makeRequest(
            url: "https://app.example/api", method: "DELETE", headers: [("X-Custom", "1")], cookie: "sid=1")
        let server = rawServer(preflight: nil, actual: response(200, [("X-Custom", "v"), ("Set-Cookie", "a=b")]))
        let exchange = run(request, server)
        #expect(!exchange.isCrossOrigin)
        #expect(exchange.stepKinds == [.actual])
        #expect(exchange.verdict.outcome == .allowed)
        #expect(exchange.verdict.responseType == "basic")
        #expect(exchange.verdict.readableHeaders == ["x-custom"])
        let actual = try #require(exchange.finalActual)
        #expect(actual.requestHeader("Cookie") == "sid=1")
        #expect(actual.requestHeader("Origin") == appOrigin)
        #expect(actual.checks.isEmpty)
    }

    @Test(
        "Same-origin GET and HEAD send no Origin; other methods do",
        arguments: [
            ("GET", nil as String?), ("HEAD", nil), ("POST", appOrigin), ("PUT", appOrigin),
        ])
    func sameOriginOriginHeader(method: String, origin: String?) throws {
        let exchange = run(try makeRequest(url: "https://app.example/api", method: method), rawServer())
        #expect(exchange.finalActual?.requestHeader("Origin") == origin)
    }

    @Test("credentials omit sends no cookie even to the same origin")
    func omitSameOrigin() throws {
        let request = try makeRequest(url: "https://app.example/api", credentials: .omit, cookie: "sid=1")
        let exchange = run(request, rawServer())
        #expect(exchange.finalActual?.requestHeader("Cookie") == nil)
    }

    @Test("fetch of a URL with userinfo throws; XHR allows it")
    func userinfoURL() throws {
        let url = "https://user:pass@api.example/x"
        let fetchExchange = run(try makeRequest(url: url), rawServer())
        #expect(fetchExchange.verdict.failure == .urlHasCredentials(url))
        #expect(fetchExchange.steps.isEmpty)
        let xhrExchange = run(try makeRequest(url: url, api: .xhr), rawServer())
        #expect(xhrExchange.verdict.outcome == .allowed)
    }

    @Test(
        "A cross-origin request to a non-http(s) scheme fails before sending",
        arguments: ["ftp://api.example/f", "file:///etc/passwd"])
    func unsupportedScheme(url: String) throws {
        let exchange = run(try makeRequest(url: url), rawServer())
        #expect(exchange.verdict.outcome == .error)
        let scheme = String(url.prefix { $0 != ":" })
        #expect(exchange.verdict.failure == .schemeNotSupported(scheme))
        #expect(exchange.steps.isEmpty)
    }

    @Test("data: URLs never involve CORS")
    func dataURL() throws {
        let exchange = run(try makeRequest(url: "data:text/plain,hello", method: "PUT"), rawServer())
        #expect(exchange.verdict.outcome == .allowed)
        #expect(exchange.verdict.responseType == "basic")
        #expect(exchange.steps.isEmpty)
    }

    @Test("An https page fetching an http URL is blocked as mixed content; http://localhost is not")
    func mixedContent() throws {
        let blocked = run(try makeRequest(url: "http://api.example/x"), rawServer())
        #expect(blocked.verdict.failure == .mixedContent)
        #expect(blocked.steps.isEmpty)
        let local = run(try makeRequest(url: "http://localhost:8080/x"), rawServer())
        #expect(local.verdict.outcome == .allowed)
    }

    /// `verify` against Chromium 156: the mode message, then the rejection the script did not catch.
    @Test("Chromium prints its mode message, then the uncaught TypeError")
    func sameOriginModeConsole() throws {
        let exchange = run(try makeRequest(mode: .sameOrigin), rawServer(), browser: .chromium)
        #expect(
            exchange.verdict.console == [
                "Fetch API cannot load https://api.example/x. Request mode is \"same-origin\" but the URL's origin is not same as the request origin https://app.example.",
                "TypeError: Failed to fetch",
            ])
    }
}
