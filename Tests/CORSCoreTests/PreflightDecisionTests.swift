import CORSCore
import Testing

/// cors-rules.md §4 (when a preflight is sent) and §5 (what the preflight request looks like); §14.2 #16–17.
@Suite("Preflight decision and request")
struct PreflightDecisionTests {
    struct DecisionCase: Sendable, CustomTestStringConvertible {
        var label: String
        var api: RequestAPI = .fetch
        var method: String = "GET"
        var headers: [HeaderField] = []
        var body: String? = nil
        var uploadListener = false
        var preflight: Bool
        var testDescription: String { label }
    }

    static let decisionCases: [DecisionCase] = [
        DecisionCase(label: "plain GET", preflight: false),
        DecisionCase(label: "HEAD", method: "HEAD", preflight: false),
        DecisionCase(label: "lowercase get", method: "get", preflight: false),
        DecisionCase(label: "lowercase post with string body", method: "post", body: "hello", preflight: false),
        DecisionCase(
            label: "POST form-urlencoded", method: "POST",
            headers: [HeaderField("Content-Type", "application/x-www-form-urlencoded;charset=UTF-8")], body: "a=1",
            preflight: false),
        DecisionCase(
            label: "GET with the safelisted four",
            headers: [
                HeaderField("Accept", "*/*"), HeaderField("Accept-Language", "fr"),
                HeaderField("Content-Language", "fr"),
                HeaderField("Range", "bytes=0-"),
            ], preflight: false),
        DecisionCase(label: "PUT", method: "PUT", preflight: true),
        DecisionCase(label: "DELETE", method: "DELETE", preflight: true),
        DecisionCase(label: "PATCH", method: "PATCH", preflight: true),
        DecisionCase(label: "OPTIONS", method: "OPTIONS", preflight: true),
        DecisionCase(
            label: "POST application/json", method: "POST", headers: [HeaderField("Content-Type", "application/json")],
            body: "{}", preflight: true),
        DecisionCase(label: "GET with X-Foo", headers: [HeaderField("X-Foo", "1")], preflight: true),
        DecisionCase(
            label: "GET with Authorization", headers: [HeaderField("Authorization", "Bearer t")], preflight: true),
        DecisionCase(label: "XHR GET with upload listener", api: .xhr, uploadListener: true, preflight: true),
        DecisionCase(
            label: "XHR POST with upload listener", api: .xhr, method: "POST", body: "x", uploadListener: true,
            preflight: true),
        DecisionCase(label: "fetch ignores the upload-listener flag", uploadListener: true, preflight: false),
    ]

    @Test(
        "A cross-origin cors request preflights exactly when the method or a header is unsafe", arguments: decisionCases
    )
    func preflightDecision(testCase: DecisionCase) throws {
        let request = BrowserRequest(
            page: try Origin.parse(appOrigin), url: try ParsedURL.parse(apiURL), api: testCase.api,
            method: testCase.method, headers: testCase.headers, body: testCase.body,
            hasUploadListener: testCase.uploadListener)
        let exchange = run(request, rawServer(preflight: permissivePreflight))
        let prepared = try #require(exchange.prepared)
        #expect(prepared.isPreflightRequired == testCase.preflight)
        #expect(prepared.preflightReasons.isEmpty == !testCase.preflight)
        #expect(exchange.preflightCount == (testCase.preflight ? 1 : 0))
        #expect(exchange.stepKinds.first == (testCase.preflight ? .preflight : .actual))
    }

    @Test("Same-origin requests never preflight, whatever the method and headers")
    func sameOriginNeverPreflights() throws {
        let request = try makeRequest(
            url: "https://app.example/api", method: "PATCH",
            headers: [("X-Custom", "1"), ("Content-Type", "application/json")], body: "{}")
        let exchange = run(request, rawServer(preflight: nil, actual: response(200, [("X-Custom", "v")])))
        #expect(!exchange.isCrossOrigin)
        #expect(exchange.preflightCount == 0)
        #expect(exchange.stepKinds == [.actual])
        #expect(exchange.verdict.outcome == .allowed)
        #expect(exchange.verdict.responseType == "basic")
    }

    struct RequestHeadersCase: Sendable, CustomTestStringConvertible {
        var label: String
        var method: String = "GET"
        var headers: [HeaderField]
        var expected: String?
        var testDescription: String { label }
    }

    static let requestHeadersCases: [RequestHeadersCase] = [
        RequestHeadersCase(
            label: "#16 eight unsafe names sorted by bytes",
            headers: [
                HeaderField("x-test-header1", "v"), HeaderField("x-test-header2", "v"),
                HeaderField("X-test-header3", "v"),
                HeaderField("x-test-header-b", "v"), HeaderField("x-test-header-D", "v"),
                HeaderField("x-test-header-C", "v"),
                HeaderField("x-TEST-header-a", "v"), HeaderField("Content-Type", "x/x"), HeaderField("Accept", "*/*"),
                HeaderField("Accept-Language", "fr"), HeaderField("Content-Language", "fr"),
            ],
            expected:
                "content-type,x-test-header-a,x-test-header-b,x-test-header-c,x-test-header-d,x-test-header1,x-test-header2,x-test-header3"
        ),
        RequestHeadersCase(
            label: "spec example: content-type,x-test-header-d,x-test-header1,x-test-header3",
            headers: [
                HeaderField("x-test-header1", "v"), HeaderField("X-test-header3", "v"),
                HeaderField("x-test-header-D", "v"),
                HeaderField("Content-Type", "bad"),
            ], expected: "content-type,x-test-header-d,x-test-header1,x-test-header3"),
        RequestHeadersCase(
            label: "byte order: - before _ before letters",
            headers: [
                HeaderField("xb", "1"), HeaderField("x_b", "1"), HeaderField("x-b", "1"), HeaderField("X-A", "1"),
            ],
            expected: "x-a,x-b,x_b,xb"),
        RequestHeadersCase(
            label: "duplicates collapse to one lowercase name",
            headers: [HeaderField("X-Foo", "1"), HeaderField("x-foo", "2"), HeaderField("X-FOO", "3")],
            expected: "x-foo"),
        RequestHeadersCase(
            label: "#17 PUT with only safelisted headers has no Access-Control-Request-Headers", method: "PUT",
            headers: [
                HeaderField("Accept", "*/*"), HeaderField("Accept-Language", "fr"),
                HeaderField("Content-Language", "fr"),
            ],
            expected: nil),
        RequestHeadersCase(label: "PUT without headers", method: "PUT", headers: [], expected: nil),
        RequestHeadersCase(
            label: "forbidden headers never appear",
            headers: [HeaderField("X-B", "1"), HeaderField("Cookie", "a=b"), HeaderField("Sec-Foo", "1")],
            expected: "x-b"),
    ]

    @Test(
        "Access-Control-Request-Headers: lowercase, byte-sorted, comma without space, omitted when empty",
        arguments: requestHeadersCases)
    func requestHeadersValue(testCase: RequestHeadersCase) throws {
        let request = BrowserRequest(
            page: try Origin.parse(appOrigin), url: try ParsedURL.parse(apiURL), method: testCase.method,
            headers: testCase.headers)
        let exchange = run(request, rawServer(preflight: permissivePreflight))
        let preflight = try #require(exchange.preflight)
        #expect(preflight.requestHeader("Access-Control-Request-Headers") == testCase.expected)
        #expect(
            preflight.request.headers.contains(named: "Access-Control-Request-Headers") == (testCase.expected != nil))
        #expect(
            exchange.prepared?.unsafeHeaderNames == (testCase.expected?.split(separator: ",").map(String.init) ?? []))
    }

    @Test(
        "The preflight is OPTIONS to the same URL with Accept */*, ACRM and Origin", arguments: BrowserProfile.allCases)
    func preflightRequestShape(browser: BrowserProfile) throws {
        let request = try makeRequest(
            url: "https://api.example:8443/items/7?full=1#top", method: "PUT", headers: [("X-Foo", "1")])
        let exchange = run(request, rawServer(preflight: permissivePreflight), browser: browser)
        let preflight = try #require(exchange.preflight)
        #expect(preflight.request.method == "OPTIONS")
        #expect(preflight.request.requestLine == "OPTIONS /items/7?full=1 HTTP/1.1")
        #expect(preflight.requestHeader("Host") == "api.example:8443")
        #expect(preflight.requestHeader("Accept") == "*/*")
        #expect(preflight.requestHeader("Access-Control-Request-Method") == "PUT")
        #expect(preflight.requestHeader("Access-Control-Request-Headers") == "x-foo")
        #expect(preflight.requestHeader("Origin") == appOrigin)
        #expect(preflight.requestHeader("X-Foo") == nil)
        #expect(exchange.stepKinds == [.preflight, .actual])
    }

    @Test("A credentialed preflight never carries Cookie or Authorization; the actual request does")
    func preflightHasNoCredentials() throws {
        let request = try makeRequest(
            method: "PUT", headers: [("Authorization", "Bearer t")], credentials: .include, cookie: "sid=1")
        let allow = [("Access-Control-Allow-Origin", appOrigin), ("Access-Control-Allow-Credentials", "true")]
        let server = rawServer(
            preflight: response(
                204,
                allow + [("Access-Control-Allow-Methods", "PUT"), ("Access-Control-Allow-Headers", "authorization")]),
            actual: response(200, allow))
        let exchange = run(request, server)
        let preflight = try #require(exchange.preflight)
        #expect(preflight.requestHeader("Cookie") == nil)
        #expect(preflight.requestHeader("Authorization") == nil)
        #expect(preflight.requestHeader("Access-Control-Request-Headers") == "authorization")
        #expect(!preflight.includesCredentials)
        let actual = try #require(exchange.finalActual)
        #expect(actual.requestHeader("Cookie") == "sid=1")
        #expect(actual.requestHeader("Authorization") == "Bearer t")
        #expect(actual.includesCredentials)
        #expect(exchange.verdict.outcome == .allowed)
    }

    @Test(
        "Cookies go with a cross-origin request only with credentials include",
        arguments: [(CredentialsMode.include, true), (.sameOrigin, false), (.omit, false)])
    func cookiesOnlyWithInclude(credentials: CredentialsMode, sent: Bool) throws {
        let request = try makeRequest(credentials: credentials, cookie: "sid=1")
        let allow = [("Access-Control-Allow-Origin", appOrigin), ("Access-Control-Allow-Credentials", "true")]
        let exchange = run(request, rawServer(actual: response(200, allow)))
        let actual = try #require(exchange.finalActual)
        #expect((actual.requestHeader("Cookie") == "sid=1") == sent)
        #expect(actual.includesCredentials == sent)
    }

    @Test("A string body defaults to text/plain;charset=UTF-8 and stays simple")
    func stringBodyContentType() throws {
        let exchange = run(try makeRequest(method: "POST", body: "hello"), rawServer())
        #expect(exchange.preflightCount == 0)
        #expect(exchange.finalActual?.requestHeader("Content-Type") == "text/plain;charset=UTF-8")
    }

    @Test("fetch rejects a body on GET or HEAD before sending", arguments: ["GET", "HEAD", "get"])
    func fetchBodyOnGet(method: String) throws {
        let exchange = run(try makeRequest(method: method, body: "x"), rawServer())
        #expect(exchange.verdict.failure == .bodyOnGetOrHead(MethodRules.normalize(method)))
        #expect(exchange.steps.isEmpty)
    }

    @Test("XHR ignores a body on GET: no Content-Type is added, no preflight")
    func xhrIgnoresBodyOnGet() throws {
        let exchange = run(try makeRequest(api: .xhr, body: "x"), rawServer())
        #expect(exchange.verdict.outcome == .allowed)
        #expect(exchange.prepared?.body == nil)
        #expect(exchange.finalActual?.requestHeader("Content-Type") == nil)
    }

    @Test("XHR rewrites the charset of an author Content-Type to UTF-8 for a string body")
    func xhrRewritesCharset() throws {
        let request = try makeRequest(
            api: .xhr, method: "POST", headers: [("Content-Type", "text/plain;charset=latin1")], body: "x")
        let exchange = run(request, rawServer())
        #expect(exchange.finalActual?.requestHeader("Content-Type") == "text/plain;charset=UTF-8")
        #expect(exchange.preflightCount == 0)
    }

    @Test("A preflight from an opaque page carries Origin: null")
    func opaquePagePreflightOrigin() throws {
        let exchange = run(try makeRequest(page: "null", method: "PUT"), rawServer(preflight: permissivePreflight))
        #expect(exchange.preflight?.requestHeader("Origin") == "null")
        #expect(exchange.finalActual?.requestHeader("Origin") == "null")
        #expect(exchange.verdict.outcome == .allowed)
    }
}
