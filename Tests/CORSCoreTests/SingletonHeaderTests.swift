import CORSCore
import Testing

/// Responses that repeat a singleton field with different values: measured with `verify` against Chromium 156 and
/// Firefox 153 on actual, redirect and preflight responses.
@Suite("Repeated singleton response fields")
struct SingletonHeaderTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var lines: [String]
        var browser: BrowserProfile
        /// Whether the response is refused as a network error.
        var refused: Bool
        var testDescription: String { "\(browser) \(name): \(lines)" }
    }

    static let cases: [Case] = [
        Case(name: "Content-Length", lines: ["0", "0"], browser: .chromium, refused: false),
        Case(name: "Content-Length", lines: ["0", "1"], browser: .chromium, refused: true),
        Case(name: "Content-Length", lines: ["0, 1"], browser: .firefox, refused: true),
        Case(name: "Content-Length", lines: ["0, 0"], browser: .firefox, refused: false),
        Case(name: "Content-Length", lines: ["0", "1"], browser: .spec, refused: true),
        Case(name: "Content-Disposition", lines: ["inline", "INLINE"], browser: .chromium, refused: true),
        Case(name: "Content-Disposition", lines: ["inline, attachment"], browser: .chromium, refused: true),
        Case(name: "Content-Disposition", lines: ["inline, attachment"], browser: .firefox, refused: false),
        Case(name: "Content-Disposition", lines: ["inline", "attachment"], browser: .firefox, refused: true),
        Case(name: "Content-Disposition", lines: ["inline", "attachment"], browser: .spec, refused: false),
        Case(name: "Location", lines: ["/x", "/y"], browser: .chromium, refused: true),
        Case(name: "Location", lines: ["/x, /y"], browser: .chromium, refused: false),
        Case(name: "Location", lines: ["/x", "/X"], browser: .firefox, refused: true),
        Case(name: "Content-Type", lines: ["text/plain", "text/html"], browser: .chromium, refused: false),
    ]

    @Test("A 200 response with the field repeated", arguments: cases)
    func actualResponse(testCase: Case) throws {
        let headers = [("Access-Control-Allow-Origin", "*")] + testCase.lines.map { (testCase.name, $0) }
        let exchange = run(try makeRequest(), rawServer(actual: response(200, headers)), browser: testCase.browser)
        let name = testCase.name.asciiLowercased
        #expect(exchange.verdict.failure == (testCase.refused ? .conflictingHeaderValues(name) : nil))
    }

    @Test("A preflight answer with the field repeated fails the preflight", arguments: cases.filter(\.refused))
    func preflightResponse(testCase: Case) throws {
        let headers =
            [("Access-Control-Allow-Origin", "*"), ("Access-Control-Allow-Methods", "PUT")]
            + testCase.lines.map { (testCase.name, $0) }
        let request = try makeRequest(method: "PUT")
        let exchange = run(request, rawServer(preflight: response(204, headers)), browser: testCase.browser)
        #expect(exchange.verdict.failure == .conflictingHeaderValues(testCase.name.asciiLowercased))
        #expect(exchange.preflightCount == 1)
        #expect(exchange.finalActual == nil)
    }

    @Test("Chromium shows the failed request with its net error")
    func chromiumConsole() throws {
        let server = rawServer(actual: response(200, [("Content-Length", "0"), ("Content-Length", "1")]))
        let exchange = run(try makeRequest(method: "POST"), server, browser: .chromium)
        #expect(
            exchange.verdict.console == ["POST https://api.example/x net::ERR_RESPONSE_HEADERS_MULTIPLE_CONTENT_LENGTH"]
        )
        #expect(exchange.verdict.outcome == .blocked)
    }

    @Test("Firefox follows a Location repeated with one value once; Chromium likewise")
    func repeatedLocationOneValue() throws {
        let redirect = try redirect(
            from: apiURL, to: "/y", headers: [("Access-Control-Allow-Origin", "*"), ("Location", "/y")])
        for browser in [BrowserProfile.firefox, .chromium] {
            let exchange = run(try makeRequest(), rawServer(redirects: [redirect]), browser: browser)
            #expect(exchange.actualSteps.map(\.request.url.description) == [apiURL, "https://api.example/y"])
        }
    }
}
