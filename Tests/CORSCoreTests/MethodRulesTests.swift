import CORSCore
import Testing

/// cors-rules.md §2 (methods) and the method rows of §14.2 (#1–13).
@Suite("Method rules")
struct MethodRulesTests {
    @Test(
        "CONNECT, TRACE and TRACK are forbidden in any case; nothing else is",
        arguments: [
            ("CONNECT", true), ("connect", true), ("Trace", true), ("TRACK", true), ("tRaCk", true),
            ("GET", false), ("PATCH", false), ("TRACEX", false), ("OPTIONS", false), ("chicken", false),
        ])
    func forbiddenMethods(method: String, forbidden: Bool) {
        #expect(MethodRules.isForbidden(method) == forbidden)
    }

    @Test(
        "Only DELETE, GET, HEAD, OPTIONS, POST and PUT are uppercased",
        arguments: [
            ("get", "GET"), ("Delete", "DELETE"), ("head", "HEAD"), ("options", "OPTIONS"), ("pOsT", "POST"),
            ("put", "PUT"), ("patch", "patch"), ("Patch", "Patch"), ("patcH", "patcH"), ("chicken", "chicken"),
            ("PATCH", "PATCH"),
        ])
    func normalization(method: String, normalized: String) {
        #expect(MethodRules.normalize(method) == normalized)
    }

    @Test(
        "Safelisted methods compare byte for byte after normalization",
        arguments: [
            ("GET", true), ("HEAD", true), ("POST", true), ("get", false), ("PUT", false), ("PATCH", false),
            ("OPTIONS", false), ("DELETE", false),
        ])
    func safelisted(method: String, safelisted: Bool) {
        #expect(MethodRules.isSafelisted(method) == safelisted)
    }

    @Test(
        "Access-Control-Request-Method carries the normalized method, exact case",
        arguments: [
            ("patch", "patch"), ("put", "PUT"), ("Delete", "DELETE"), ("patcH", "patcH"), ("CHICKEN", "CHICKEN"),
        ])
    func requestMethodHeader(method: String, sent: String) throws {
        let exchange = run(try makeRequest(method: method), rawServer(preflight: permissivePreflight))
        let preflight = try #require(exchange.preflight)
        #expect(preflight.requestHeader("Access-Control-Request-Method") == sent)
        #expect(exchange.finalActual?.request.method == sent)
    }

    struct MethodCase: Sendable, CustomTestStringConvertible {
        var id: Int
        var method: String
        var credentials: CredentialsMode
        var allowMethods: String?
        var allowed: Bool
        var testDescription: String { "#\(id) \(method) \(credentials.rawValue) ACAM=\(allowMethods ?? "(absent)")" }
    }

    @Test(
        "WPT method rows: case-sensitive ACAM, * only without credentials",
        arguments: [
            MethodCase(id: 1, method: "DELETE", credentials: .sameOrigin, allowMethods: "DELETE", allowed: true),
            MethodCase(id: 2, method: "DELETE", credentials: .sameOrigin, allowMethods: nil, allowed: false),
            MethodCase(id: 3, method: "patcH", credentials: .sameOrigin, allowMethods: "patcH", allowed: true),
            MethodCase(id: 6, method: "SUPER", credentials: .sameOrigin, allowMethods: "*", allowed: true),
            MethodCase(id: 9, method: "put", credentials: .include, allowMethods: "PUT", allowed: true),
            MethodCase(id: 10, method: "PUT", credentials: .include, allowMethods: "put", allowed: false),
            MethodCase(id: 11, method: "patch", credentials: .include, allowMethods: "PATCH", allowed: false),
            MethodCase(id: 12, method: "patch", credentials: .include, allowMethods: "patch", allowed: true),
            MethodCase(id: 0, method: "PUT", credentials: .include, allowMethods: "*", allowed: false),
            MethodCase(id: 0, method: "*", credentials: .include, allowMethods: "*", allowed: true),
            MethodCase(id: 0, method: "PATCH", credentials: .omit, allowMethods: "*", allowed: true),
            MethodCase(id: 0, method: "PUT", credentials: .sameOrigin, allowMethods: "", allowed: false),
        ])
    func preflightMethodMatching(testCase: MethodCase) throws {
        let include = testCase.credentials == .include
        var headers: [(String, String)] = [("Access-Control-Allow-Origin", include ? appOrigin : "*")]
        if include { headers.append(("Access-Control-Allow-Credentials", "true")) }
        if let methods = testCase.allowMethods { headers.append(("Access-Control-Allow-Methods", methods)) }
        var actualHeaders: [(String, String)] = [("Access-Control-Allow-Origin", include ? appOrigin : "*")]
        if include { actualHeaders.append(("Access-Control-Allow-Credentials", "true")) }
        let server = rawServer(preflight: response(200, headers), actual: response(200, actualHeaders))
        let exchange = run(try makeRequest(method: testCase.method, credentials: testCase.credentials), server)

        #expect(exchange.preflightCount == 1)
        #expect(exchange.verdict.outcome == (testCase.allowed ? .allowed : .blocked))
        if !testCase.allowed {
            #expect(exchange.verdict.failure == .methodNotAllowed(MethodRules.normalize(testCase.method)))
            #expect(exchange.finalActual == nil)
        }
    }

    @Test("#4: an unknown method whose preflight gets a bare 404 is blocked after one preflight")
    func chickenWithoutPreflightAnswer() throws {
        let exchange = run(try makeRequest(method: "chicken"), rawServer(preflight: nil))
        #expect(exchange.preflightCount == 1)
        #expect(exchange.preflight?.requestHeader("Access-Control-Request-Method") == "chicken")
        #expect(exchange.verdict.outcome == .blocked)
        #expect(exchange.finalActual == nil)
    }

    @Test("#5: GET needs no ACAM entry even when the list holds only a lowercase get")
    func safelistedMethodIgnoresList() throws {
        let preflight = response(
            200,
            [
                ("Access-Control-Allow-Origin", "*"), ("Access-Control-Allow-Methods", "get"),
                ("Access-Control-Allow-Headers", "x-test"),
            ])
        let exchange = run(try makeRequest(headers: [("X-Test", "1")]), rawServer(preflight: preflight))
        #expect(exchange.preflightCount == 1)
        #expect(exchange.verdict.outcome == .allowed)
    }

    @Test("#13: a lowercase get is normalized to GET and needs no preflight even with credentials")
    func lowercaseGetIsSimple() throws {
        let server = rawServer(
            actual: response(
                200, [("Access-Control-Allow-Origin", appOrigin), ("Access-Control-Allow-Credentials", "true")]))
        let exchange = run(try makeRequest(method: "get", credentials: .include), server)
        #expect(exchange.preflightCount == 0)
        #expect(exchange.finalActual?.request.method == "GET")
        #expect(exchange.verdict.outcome == .allowed)
    }

    @Test("A forbidden method throws before anything is sent", arguments: ["TRACE", "connect", "Track"])
    func forbiddenMethodRejected(method: String) throws {
        let exchange = run(try makeRequest(method: method), rawServer(preflight: permissivePreflight))
        #expect(exchange.verdict.outcome == .error)
        #expect(exchange.verdict.failure == .forbiddenMethod(method))
        #expect(exchange.steps.isEmpty)
        #expect(exchange.verdict.status == nil)
    }

    @Test(
        "A method that is not a token throws before anything is sent", arguments: ["IN VALID", "GET\u{0}", "(x)", ""])
    func invalidMethodRejected(method: String) throws {
        let exchange = run(try makeRequest(method: method), rawServer())
        #expect(exchange.verdict.outcome == .error)
        #expect(exchange.verdict.failure == .invalidMethod(method))
        #expect(exchange.steps.isEmpty)
    }
}
