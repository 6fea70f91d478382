import CORSCore
import Testing

/// cors-rules.md §6 (the CORS check) and §14.2 #40–52, with each browser's failure classification.
@Suite("CORS check (ACAO / ACAC)")
struct CORSCheckTests {
    struct AccessCase: Sendable, CustomTestStringConvertible {
        var id: String
        /// ACAO header lines; empty means absent.
        var origins: [String]
        var credentialsHeader: String? = nil
        var credentials: CredentialsMode = .sameOrigin
        var page: String = appOrigin
        var passes: Bool
        var testDescription: String {
            "#\(id) ACAO \(origins.map(\.debugDescription)) ACAC \(credentialsHeader ?? "-") \(credentials.rawValue)"
        }
    }

    static let o = appOrigin

    static let accessCases: [AccessCase] = [
        AccessCase(id: "40a", origins: ["*"], passes: true),
        AccessCase(id: "40b", origins: [" *  "], passes: true),
        AccessCase(id: "40c", origins: ["\t*"], passes: true),
        AccessCase(id: "41a", origins: [o], passes: true),
        AccessCase(id: "41b", origins: [" \(o) \t "], passes: true),
        AccessCase(id: "42a", origins: [o + "/"], passes: false),
        AccessCase(id: "42b", origins: [o + ":443"], passes: false),
        AccessCase(id: "42c", origins: ["HTTPS://APP.EXAMPLE"], passes: false),
        AccessCase(id: "42d", origins: ["https://App.example"], passes: false),
        AccessCase(id: "42e", origins: ["http://app.example"], passes: false),
        AccessCase(id: "42f", origins: [o + "?"], passes: false),
        AccessCase(id: "42g", origins: [o + "#"], passes: false),
        AccessCase(id: "42h", origins: ["https://api.app.example"], passes: false),
        AccessCase(id: "42i", origins: ["https://example"], passes: false),
        AccessCase(id: "42j", origins: ["//app.example"], passes: false),
        AccessCase(id: "42k", origins: ["app.example"], passes: false),
        AccessCase(id: "43a", origins: ["null"], passes: false),
        AccessCase(id: "43b", origins: [""], passes: false),
        AccessCase(id: "43c", origins: ["-"], passes: false),
        AccessCase(id: "43d", origins: ["**"], passes: false),
        AccessCase(id: "43e", origins: ["\"*\""], passes: false),
        AccessCase(id: "43f", origins: ["* *"], passes: false),
        AccessCase(id: "43g", origins: ["*.example.com"], passes: false),
        AccessCase(id: "43h", origins: ["http://*.example.com"], passes: false),
        AccessCase(id: "43i", origins: ["'*'"], passes: false),
        AccessCase(id: "43j", origins: ["*" + o], passes: false),
        AccessCase(id: "43k", origins: ["https://app\u{0}.example"], passes: false),
        AccessCase(id: "44", origins: ["*", "*"], passes: false),
        AccessCase(id: "45", origins: [o, o], passes: false),
        AccessCase(id: "46a", origins: [o + ", *"], passes: false),
        AccessCase(id: "46b", origins: ["* null"], passes: false),
        AccessCase(id: "47", origins: ["*"], credentialsHeader: "true", credentials: .include, passes: false),
        AccessCase(id: "48a", origins: [o], credentialsHeader: "true", credentials: .include, passes: true),
        AccessCase(id: "48b", origins: [o], credentialsHeader: " true\t", credentials: .include, passes: true),
        AccessCase(id: "49a", origins: [o], credentialsHeader: "TRUE", credentials: .include, passes: false),
        AccessCase(id: "49b", origins: [o], credentialsHeader: "True", credentials: .include, passes: false),
        AccessCase(id: "49c", origins: [o], credentialsHeader: "\"true\"", credentials: .include, passes: false),
        AccessCase(id: "49d", origins: [o], credentialsHeader: "1", credentials: .include, passes: false),
        AccessCase(id: "49e", origins: [o], credentialsHeader: "false", credentials: .include, passes: false),
        AccessCase(id: "49f", origins: [o], credentials: .include, passes: false),
        AccessCase(id: "50a", origins: ["*"], credentialsHeader: "true", credentials: .omit, passes: true),
        AccessCase(id: "50b", origins: [o], credentialsHeader: "nonsense", credentials: .omit, passes: true),
        AccessCase(id: "50c", origins: ["*"], credentialsHeader: "false", credentials: .sameOrigin, passes: true),
        AccessCase(id: "51a", origins: ["null"], page: "null", passes: true),
        AccessCase(id: "51b", origins: ["*"], page: "null", passes: true),
        AccessCase(id: "51c", origins: [o], page: "null", passes: false),
        AccessCase(
            id: "51d", origins: ["null"], credentialsHeader: "true", credentials: .include, page: "null", passes: true),
        AccessCase(id: "52", origins: [], page: "null", passes: false),
        AccessCase(id: "-", origins: [], passes: false),
    ]

    func server(_ testCase: AccessCase) -> ServerDefinition {
        var headers = testCase.origins.map { ("Access-Control-Allow-Origin", $0) }
        if let credentials = testCase.credentialsHeader {
            headers.append(("Access-Control-Allow-Credentials", credentials))
        }
        return rawServer(actual: response(200, headers))
    }

    @Test("ACAO/ACAC table: the same pass/fail in every profile", arguments: accessCases)
    func accessTable(testCase: AccessCase) throws {
        let request = try makeRequest(page: testCase.page, credentials: testCase.credentials)
        for browser in BrowserProfile.allCases {
            let exchange = run(request, server(testCase), browser: browser)
            #expect(exchange.preflightCount == 0, "\(browser)")
            #expect(exchange.verdict.outcome == (testCase.passes ? .allowed : .blocked), "\(browser)")
            #expect(exchange.verdict.responseType == (testCase.passes ? "cors" : "error"), "\(browser)")
            #expect(exchange.verdict.status == (testCase.passes ? 200 : 0), "\(browser)")
        }
    }

    @Test("#51: an opaque page sends Origin: null and ACAO null lets it read")
    func opaquePageOriginNull() throws {
        let exchange = run(
            try makeRequest(page: "null"), rawServer(actual: response(200, [("Access-Control-Allow-Origin", "null")])))
        #expect(exchange.finalActual?.requestHeader("Origin") == "null")
        #expect(exchange.verdict.outcome == .allowed)
    }

    @Test("The actual response's status does not matter to CORS", arguments: [201, 400, 401, 404, 500, 501, 699])
    func actualStatusPassesThrough(status: Int) throws {
        let exchange = run(
            try makeRequest(), rawServer(actual: response(status, [("Access-Control-Allow-Origin", "*")])))
        #expect(exchange.verdict.outcome == .allowed)
        #expect(exchange.verdict.status == status)
    }

    // MARK: Classification per browser

    struct ClassificationCase: Sendable, CustomTestStringConvertible {
        var label: String
        var origins: [String]
        var credentialsHeader: String?
        var include: Bool
        var chromium: CORSFailure
        var firefox: CORSFailure
        var safari: CORSFailure
        var testDescription: String { label }
    }

    static let classificationCases: [ClassificationCase] = [
        ClassificationCase(
            label: "absent", origins: [], credentialsHeader: nil, include: false,
            chromium: .missingAllowOrigin(preflight: false), firefox: .missingAllowOrigin(preflight: false),
            safari: .missingAllowOrigin(preflight: false)),
        ClassificationCase(
            label: "* with credentials", origins: ["*"], credentialsHeader: "true", include: true,
            chromium: .wildcardOriginWithCredentials(preflight: false),
            firefox: .wildcardOriginWithCredentials(preflight: false),
            safari: .wildcardOriginWithCredentials(preflight: false)),
        ClassificationCase(
            label: "two lines * and *", origins: ["*", "*"], credentialsHeader: nil, include: false,
            chromium: .multipleAllowOriginValues(value: "*, *", lineCount: 2, preflight: false),
            firefox: .multipleAllowOriginValues(value: "*, *", lineCount: 2, preflight: false),
            safari: .multipleAllowOriginValues(value: "*, *", lineCount: 2, preflight: false)),
        ClassificationCase(
            label: "one line '<o>, *'", origins: [appOrigin + ", *"], credentialsHeader: nil, include: false,
            chromium: .multipleAllowOriginValues(value: appOrigin + ", *", lineCount: 1, preflight: false),
            firefox: .allowOriginMismatch(value: appOrigin + ", *", preflight: false),
            safari: .multipleAllowOriginValues(value: appOrigin + ", *", lineCount: 1, preflight: false)),
        ClassificationCase(
            label: "null for a tuple origin", origins: ["null"], credentialsHeader: nil, include: false,
            chromium: .allowOriginMismatch(value: "null", preflight: false),
            firefox: .allowOriginMismatch(value: "null", preflight: false),
            safari: .allowOriginMismatch(value: "null", preflight: false)),
        ClassificationCase(
            label: "*.example.com is not a URL", origins: ["*.example.com"], credentialsHeader: nil, include: false,
            chromium: .invalidAllowOriginValue(value: "*.example.com", preflight: false),
            firefox: .allowOriginMismatch(value: "*.example.com", preflight: false),
            safari: .allowOriginMismatch(value: "*.example.com", preflight: false)),
        ClassificationCase(
            label: "bare host", origins: ["app.example"], credentialsHeader: nil, include: false,
            chromium: .invalidAllowOriginValue(value: "app.example", preflight: false),
            firefox: .allowOriginMismatch(value: "app.example", preflight: false),
            safari: .allowOriginMismatch(value: "app.example", preflight: false)),
        ClassificationCase(
            label: "empty value", origins: [""], credentialsHeader: nil, include: false,
            chromium: .invalidAllowOriginValue(value: "", preflight: false),
            firefox: .allowOriginMismatch(value: "", preflight: false),
            safari: .allowOriginMismatch(value: "", preflight: false)),
        ClassificationCase(
            label: "other origin", origins: ["https://other.example"], credentialsHeader: nil, include: false,
            chromium: .allowOriginMismatch(value: "https://other.example", preflight: false),
            firefox: .allowOriginMismatch(value: "https://other.example", preflight: false),
            safari: .allowOriginMismatch(value: "https://other.example", preflight: false)),
        ClassificationCase(
            label: "trailing slash", origins: [appOrigin + "/"], credentialsHeader: nil, include: false,
            chromium: .allowOriginMismatch(value: appOrigin + "/", preflight: false),
            firefox: .allowOriginMismatch(value: appOrigin + "/", preflight: false),
            safari: .allowOriginMismatch(value: appOrigin + "/", preflight: false)),
        ClassificationCase(
            label: "ACAC TRUE", origins: [appOrigin], credentialsHeader: "TRUE", include: true,
            chromium: .invalidAllowCredentials(value: "TRUE", preflight: false),
            firefox: .invalidAllowCredentials(value: "TRUE", preflight: false),
            safari: .invalidAllowCredentials(value: "TRUE", preflight: false)),
        ClassificationCase(
            label: "ACAC absent", origins: [appOrigin], credentialsHeader: nil, include: true,
            chromium: .invalidAllowCredentials(value: "", preflight: false),
            firefox: .invalidAllowCredentials(value: "", preflight: false),
            safari: .invalidAllowCredentials(value: "", preflight: false)),
    ]

    @Test("Each browser classifies ACAO/ACAC failures its own way", arguments: classificationCases)
    func classification(testCase: ClassificationCase) throws {
        var headers = testCase.origins.map { ("Access-Control-Allow-Origin", $0) }
        if let credentials = testCase.credentialsHeader {
            headers.append(("Access-Control-Allow-Credentials", credentials))
        }
        let request = try makeRequest(credentials: testCase.include ? .include : .sameOrigin)
        let server = rawServer(actual: response(200, headers))
        #expect(run(request, server, browser: .chromium).verdict.failure == testCase.chromium)
        #expect(run(request, server, browser: .spec).verdict.failure == testCase.chromium)
        #expect(run(request, server, browser: .firefox).verdict.failure == testCase.firefox)
        #expect(run(request, server, browser: .safari).verdict.failure == testCase.safari)
    }

    @Test("The same failures on a preflight are marked as preflight failures")
    func preflightFlag() throws {
        let request = try makeRequest(method: "PUT")
        let server = rawServer(preflight: response(204, [("Access-Control-Allow-Origin", "https://other.example")]))
        #expect(
            run(request, server).verdict.failure
                == .allowOriginMismatch(value: "https://other.example", preflight: true))
    }

    @Test("The ACAO and ACAC checks appear on the actual step with pass/fail status")
    func checksRecorded() throws {
        let request = try makeRequest(credentials: .include)
        let server = rawServer(actual: response(200, [("Access-Control-Allow-Origin", appOrigin)]))
        let actual = try #require(run(request, server).finalActual)
        let origin = try #require(actual.checks.first { $0.subject == "Access-Control-Allow-Origin" })
        let credentials = try #require(actual.checks.first { $0.subject == "Access-Control-Allow-Credentials" })
        #expect(origin.status == .pass)
        #expect(credentials.status == .fail)
        #expect(!actual.passed)
    }
}
