import CORSCore
import Testing

/// cors-rules.md §5 (preflight response checks), §13 (browser differences), §14.2 #1–39.
@Suite("Preflight response validation")
struct PreflightResponseTests {
    /// GET + `x-force-preflight`, the WPT status tests' request.
    func forcedRequest() throws -> BrowserRequest {
        try makeRequest(headers: [("X-Force-Preflight", "1")])
    }

    func statusServer(_ status: Int, extra: [(String, String)] = []) -> ServerDefinition {
        rawServer(
            preflight: response(
                status,
                [("Access-Control-Allow-Origin", "*"), ("Access-Control-Allow-Headers", "x-force-preflight")] + extra))
    }

    @Test("#18–22, 29: a 2xx preflight passes", arguments: [200, 201, 202, 204, 205, 206, 299])
    func okStatuses(status: Int) throws {
        for browser in BrowserProfile.allCases {
            let exchange = run(try forcedRequest(), statusServer(status), browser: browser)
            #expect(exchange.verdict.outcome == .allowed, "\(browser)")
            #expect(exchange.stepKinds == [.preflight, .actual], "\(browser)")
        }
    }

    @Test(
        "#23–34: a non-2xx preflight fails with the invalid-status failure",
        arguments: [
            300, 301, 302, 303, 304, 307, 308, 400, 401, 403, 404, 405, 417, 500, 501, 502, 503, 504, 505, 680, 790,
            199,
        ])
    func failingStatuses(status: Int) throws {
        for browser in BrowserProfile.allCases {
            let exchange = run(try forcedRequest(), statusServer(status), browser: browser)
            #expect(exchange.verdict.outcome == .blocked, "\(browser)")
            #expect(exchange.verdict.failure == .preflightInvalidStatus(status), "\(browser)")
            #expect(exchange.finalActual == nil, "\(browser)")
            #expect(exchange.preflight?.passed == false, "\(browser)")
        }
    }

    @Test(
        "#69: a preflight answered with a redirect fails; Chromium names the redirect, Safari the status",
        arguments: [
            (BrowserProfile.spec, CORSFailure.preflightRedirect(302)), (.chromium, .preflightRedirect(302)),
            (.firefox, .preflightRedirect(302)), (.safari, .preflightInvalidStatus(302)),
        ])
    func redirectedPreflight(browser: BrowserProfile, failure: CORSFailure) throws {
        let server = statusServer(302, extra: [("Location", "https://api.example/elsewhere")])
        let exchange = run(try forcedRequest(), server, browser: browser)
        #expect(exchange.verdict.failure == failure)
        #expect(exchange.preflightCount == 1)
        #expect(exchange.finalActual == nil)
    }

    @Test(
        "Check order: a 404 preflight without ACAO is an ACAO failure in Chromium and Firefox, a status failure in Safari",
        arguments: [
            (BrowserProfile.chromium, CORSFailure.missingAllowOrigin(preflight: true)),
            (.firefox, .missingAllowOrigin(preflight: true)), (.safari, .preflightInvalidStatus(404)),
        ])
    func statusVersusOriginOrder(browser: BrowserProfile, failure: CORSFailure) throws {
        let exchange = run(try forcedRequest(), rawServer(preflight: response(404)), browser: browser)
        #expect(exchange.verdict.failure == failure)
    }

    // MARK: ACAM / ACAH parsing

    @Test("#35: an unparsable Access-Control-Allow-Headers fails the preflight", arguments: BrowserProfile.allCases)
    func unparsableAllowHeaders(browser: BrowserProfile) throws {
        let server = rawServer(
            preflight: response(
                200,
                [("Access-Control-Allow-Origin", "*"), ("Access-Control-Allow-Headers", "x-force-preflight,Bad value")])
        )
        let exchange = run(try forcedRequest(), server, browser: browser)
        #expect(
            exchange.verdict.failure == .invalidAllowHeaders(token: "Bad value", value: "x-force-preflight,Bad value"))
        #expect(exchange.finalActual == nil)
    }

    @Test("#36: an unparsable Access-Control-Allow-Methods fails even a GET", arguments: BrowserProfile.allCases)
    func unparsableAllowMethods(browser: BrowserProfile) throws {
        let server = rawServer(
            preflight: response(
                200,
                [
                    ("Access-Control-Allow-Origin", "*"), ("Access-Control-Allow-Methods", "Bad value"),
                    ("Access-Control-Allow-Headers", "x-force-preflight"),
                ]))
        let exchange = run(try forcedRequest(), server, browser: browser)
        #expect(exchange.verdict.failure == .invalidAllowMethods(token: "Bad value", value: "Bad value"))
    }

    @Test(
        "Firefox checks the method before parsing ACAH; Chromium parses both lists first",
        arguments: [
            (BrowserProfile.chromium, CORSFailure.invalidAllowHeaders(token: "a b", value: "a b")),
            (.spec, .invalidAllowHeaders(token: "a b", value: "a b")),
            (.firefox, .methodNotAllowed("PUT")),
        ])
    func methodVersusHeaderParseOrder(browser: BrowserProfile, failure: CORSFailure) throws {
        let server = rawServer(
            preflight: response(
                200,
                [
                    ("Access-Control-Allow-Origin", "*"), ("Access-Control-Allow-Methods", "DELETE"),
                    ("Access-Control-Allow-Headers", "a b"),
                ]))
        let exchange = run(try makeRequest(method: "PUT"), server, browser: browser)
        #expect(exchange.verdict.failure == failure)
    }

    @Test("#37: empty list elements are allowed (ACAM ,,PUT,GET)")
    func emptyMethodElements() throws {
        let server = rawServer(
            preflight: response(
                200, [("Access-Control-Allow-Origin", "*"), ("Access-Control-Allow-Methods", ",,PUT,GET")]))
        let exchange = run(try makeRequest(api: .xhr, method: "PUT"), server)
        #expect(exchange.verdict.outcome == .allowed)
    }

    @Test(
        "#38–39: ACAH matches case-insensitively and tolerates empty elements",
        arguments: [(",y-lol,x-PriNT, ,,,Y-PRINT", nil as String?), ("x-print", "y-print"), ("", "x-print")])
    func allowHeadersMatching(allowHeaders: String, missing: String?) throws {
        let request = try makeRequest(api: .xhr, headers: [("x-print", "1"), ("y-print", "2")])
        let server = rawServer(
            preflight: response(
                200, [("Access-Control-Allow-Origin", "*"), ("Access-Control-Allow-Headers", allowHeaders)]))
        let exchange = run(request, server)
        if let missing {
            #expect(exchange.verdict.failure == .headerNotAllowed(missing))
        } else {
            #expect(exchange.verdict.outcome == .allowed)
        }
    }

    @Test("Several ACAM lines are concatenated into one list")
    func multipleAllowMethodLines() throws {
        let server = rawServer(
            preflight: response(
                200,
                [
                    ("Access-Control-Allow-Origin", "*"), ("Access-Control-Allow-Methods", "GET"),
                    ("Access-Control-Allow-Methods", "DELETE, PUT"),
                ]))
        #expect(run(try makeRequest(method: "PUT"), server).verdict.outcome == .allowed)
    }

    @Test("The spec checks unsafe headers in sorted order, so the first missing sorted name is reported")
    func headerCheckOrderSpec() throws {
        let request = try makeRequest(headers: [("X-B", "1"), ("X-A", "1")])
        let server = rawServer(
            preflight: response(200, [("Access-Control-Allow-Origin", "*"), ("Access-Control-Allow-Headers", "x-c")]))
        #expect(run(request, server).verdict.failure == .headerNotAllowed("x-a"))
    }

    @Test("Without ACAH any unsafe header fails; safelisted headers never need listing")
    func absentAllowHeaders() throws {
        let server = rawServer(
            preflight: response(200, [("Access-Control-Allow-Origin", "*"), ("Access-Control-Allow-Methods", "PUT")]))
        let simple = try makeRequest(method: "PUT", headers: [("Accept-Language", "fr"), ("Content-Language", "de")])
        #expect(run(simple, server).verdict.outcome == .allowed)
        let custom = try makeRequest(method: "PUT", headers: [("X-Foo", "1")])
        #expect(run(custom, server).verdict.failure == .headerNotAllowed("x-foo"))
    }

    // MARK: Wildcards and credentials (#6–8, #14–15)

    struct StarCase: Sendable, CustomTestStringConvertible {
        var label: String
        var method: String
        var header: String
        var credentials: CredentialsMode
        var allowMethods: String
        var allowHeaders: String
        var failure: CORSFailure?
        var testDescription: String { label }
    }

    static let starCases: [StarCase] = [
        StarCase(
            label: "#6 SUPER + X-Test, ACAM *", method: "SUPER", header: "X-Test", credentials: .sameOrigin,
            allowMethods: "*", allowHeaders: "x-test", failure: nil),
        StarCase(
            label: "#7 OK + X-Test with credentials, ACAM * ACAH *", method: "OK", header: "X-Test",
            credentials: .include,
            allowMethods: "*", allowHeaders: "*", failure: .methodNotAllowed("OK")),
        StarCase(
            label: "#8 literal * method and * header with credentials", method: "*", header: "*", credentials: .include,
            allowMethods: "*", allowHeaders: "*", failure: nil),
        StarCase(
            label: "ACAH * without credentials covers X-Foo", method: "PUT", header: "X-Foo", credentials: .omit,
            allowMethods: "PUT", allowHeaders: "*", failure: nil),
        StarCase(
            label: "ACAH * with credentials is literal", method: "PUT", header: "X-Foo", credentials: .include,
            allowMethods: "PUT", allowHeaders: "*", failure: .headerNotAllowed("x-foo")),
        StarCase(
            label: "#15 Authorization listed next to *", method: "POST", header: "Authorization",
            credentials: .sameOrigin,
            allowMethods: "*", allowHeaders: "*, Authorization", failure: nil),
        StarCase(
            label: "Authorization with credentials and ACAH * fails", method: "POST", header: "Authorization",
            credentials: .include, allowMethods: "*", allowHeaders: "*", failure: .headerNotAllowed("authorization")),
    ]

    @Test("* in ACAM/ACAH is a wildcard only without credentials", arguments: starCases)
    func wildcards(testCase: StarCase) throws {
        let include = testCase.credentials == .include
        var allow: [(String, String)] = [("Access-Control-Allow-Origin", include ? appOrigin : "*")]
        if include { allow.append(("Access-Control-Allow-Credentials", "true")) }
        let server = rawServer(
            preflight: response(
                200,
                allow + [
                    ("Access-Control-Allow-Methods", testCase.allowMethods),
                    ("Access-Control-Allow-Headers", testCase.allowHeaders),
                ]),
            actual: response(200, allow))
        let request = try makeRequest(
            method: testCase.method, headers: [(testCase.header, "v")], credentials: testCase.credentials)
        for browser in BrowserProfile.allCases {
            let exchange = run(request, server, browser: browser)
            #expect(exchange.preflightCount == 1, "\(browser)")
            #expect(exchange.verdict.failure == testCase.failure, "\(browser)")
            #expect(exchange.verdict.outcome == (testCase.failure == nil ? .allowed : .blocked), "\(browser)")
        }
    }

    @Test(
        "#14: ACAH * covers Authorization in Chromium, Firefox and Safari but not in the spec",
        arguments: [
            (BrowserProfile.spec, false), (.chromium, true), (.firefox, true), (.safari, true),
        ])
    func authorizationUnderWildcard(browser: BrowserProfile, allowed: Bool) throws {
        let request = try makeRequest(method: "POST", headers: [("Authorization", "Bearer t")])
        let server = rawServer(preflight: permissivePreflight)
        let exchange = run(request, server, browser: browser)
        #expect(exchange.preflightCount == 1)
        if allowed {
            #expect(exchange.verdict.outcome == .allowed)
        } else {
            #expect(exchange.verdict.failure == .headerNotAllowed("authorization"))
        }
    }

    @Test(
        "Chromium's and Firefox's Authorization-wildcard deprecation warnings are word for word; Safari warns nothing")
    func authorizationWarnings() throws {
        let request = try makeRequest(method: "POST", headers: [("Authorization", "Bearer t")])
        let server = rawServer(preflight: permissivePreflight)
        #expect(run(request, server, browser: .safari).verdict.warnings == [])
        #expect(
            run(request, server, browser: .chromium).verdict.warnings == [
                "Authorization will not be covered by the wildcard symbol (*) in CORS `Access-Control-Allow-Headers` handling."
            ])
        #expect(
            run(request, server, browser: .firefox).verdict.warnings == [
                "Cross-Origin Request Warning: The Same Origin Policy will disallow reading the remote resource at https://api.example/x soon. (Reason: When the `Access-Control-Allow-Headers` is `*`, the `Authorization` header is not covered. To include the `Authorization` header, it must be explicitly listed in CORS header `Access-Control-Allow-Headers`)."
            ])
    }

    // MARK: The CORS check on the preflight

    @Test(
        "A credentialed preflight needs the exact origin and ACAC true",
        arguments: [
            (
                [("Access-Control-Allow-Origin", "*"), ("Access-Control-Allow-Credentials", "true")],
                CORSFailure.wildcardOriginWithCredentials(preflight: true)
            ),
            (
                [("Access-Control-Allow-Origin", "https://app.example")],
                .invalidAllowCredentials(value: "", preflight: true)
            ),
            (
                [("Access-Control-Allow-Origin", "https://app.example"), ("Access-Control-Allow-Credentials", "True")],
                .invalidAllowCredentials(value: "True", preflight: true)
            ),
        ])
    func credentialedPreflightOriginCheck(headers: [(String, String)], failure: CORSFailure) throws {
        let server = rawServer(preflight: response(204, headers + [("Access-Control-Allow-Methods", "PUT")]))
        let exchange = run(try makeRequest(method: "PUT", credentials: .include), server)
        #expect(exchange.verdict.failure == failure)
        #expect(exchange.finalActual == nil)
    }

    @Test("The forced-preflight method counts as allowed when the answer has no ACAM")
    func forcedPreflightWithoutAllowMethods() throws {
        let request = try makeRequest(api: .xhr, method: "POST", body: "x", uploadListener: true)
        let exchange = run(request, rawServer(preflight: response(200, [("Access-Control-Allow-Origin", "*")])))
        #expect(exchange.preflightCount == 1)
        #expect(exchange.verdict.outcome == .allowed)
        #expect(exchange.cache.entries.first?.methods == ["POST"])
    }
}
