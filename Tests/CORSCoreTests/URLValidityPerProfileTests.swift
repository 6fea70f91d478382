import CORSCore
import Testing

/// A request URL that only some browsers parse (`xn--` host labels) loads, and the evaluated profile decides:
/// the script's call throws before anything is sent where that browser rejects it. Texts measured in Chromium 156
/// and Firefox 153; Safari's fetch text is WebKit's, its XHR text is not confirmed.
@Suite("URL validity per browser profile")
struct URLValidityPerProfileTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let url: String
        let api: RequestAPI
        let browser: BrowserProfile
        /// The first console line when the browser rejects the URL; nil when it sends the request.
        let console: String?
        var testDescription: String { "\(api) \(url) in \(browser)" }
    }

    static let invalidInChromium = "https://ü.xn--xn---3ra.example/"

    static let cases: [Case] = [
        Case(url: "https://xn--a.example/", api: .fetch, browser: .chromium, console: nil),
        Case(
            url: "https://xn--a.example/", api: .fetch, browser: .firefox,
            console: "TypeError: Window.fetch: https://xn--a.example/ is not a valid URL."),
        Case(
            url: "https://xn--a.example/", api: .fetch, browser: .safari,
            console: "TypeError: URL is not valid or contains user credentials."),
        Case(
            url: "https://xn--a.example/", api: .fetch, browser: .spec,
            console: "TypeError: Failed to execute 'fetch' on 'Window': Failed to parse URL from https://xn--a.example/"
        ),
        Case(url: "https://xn--a.example/", api: .xhr, browser: .chromium, console: nil),
        Case(
            url: "https://xn--a.example/", api: .xhr, browser: .firefox,
            console: "SyntaxError: XMLHttpRequest.open: 'https://xn--a.example/' is not a valid URL."),
        Case(
            url: "https://xn--a.example/", api: .xhr, browser: .safari,
            console: "SyntaxError: The string did not match the expected pattern."),
        Case(
            url: "  https://XN--A.example/x ", api: .fetch, browser: .firefox,
            console: "TypeError: Window.fetch:   https://XN--A.example/x  is not a valid URL."),
        Case(
            url: invalidInChromium, api: .fetch, browser: .chromium,
            console: "TypeError: Failed to execute 'fetch' on 'Window': Failed to parse URL from \(invalidInChromium)"),
        Case(
            url: invalidInChromium, api: .xhr, browser: .chromium,
            console: "SyntaxError: Failed to execute 'open' on 'XMLHttpRequest': Invalid URL"),
        Case(url: invalidInChromium, api: .fetch, browser: .firefox, console: nil),
        Case(
            url: invalidInChromium, api: .fetch, browser: .safari,
            console: "TypeError: URL is not valid or contains user credentials."),
        Case(url: "https://xn--zca.example/", api: .fetch, browser: .firefox, console: nil),
        Case(url: "https://xn--zca.example/", api: .xhr, browser: .safari, console: nil),
    ]

    @Test("The evaluated browser decides whether the URL parses", arguments: cases)
    func validityPerProfile(_ input: Case) throws {
        let request = BrowserRequest(
            page: try Origin.parse(appOrigin), url: try ParsedURL.parseForAnyBrowser(input.url), urlText: input.url,
            api: input.api)
        let exchange = run(request, rawServer(), browser: input.browser)
        if let console = input.console {
            #expect(exchange.verdict.outcome == .error)
            guard case .invalidURL(let reason) = exchange.verdict.failure else {
                Issue.record("expected invalidURL, got \(String(describing: exchange.verdict.failure))")
                return
            }
            #expect(reason.contains("label"))
            #expect(exchange.steps.isEmpty)
            #expect(exchange.verdict.consoleMessage == (input.browser == .spec ? nil : console))
            #expect(exchange.verdict.scriptResult.contains(console))
            #expect(exchange.preparationChecks.contains { $0.subject == "URL" && $0.status == .fail })
        } else {
            #expect(exchange.verdict.outcome == .allowed)
            #expect(exchange.verdict.failure == nil)
            #expect(exchange.finalActual != nil)
        }
    }

    @Test(
        "A URL loads when any browser parses it",
        arguments: [
            ("https://xn--a.example/", true), (invalidInChromium, true), ("https://xn--zca.example/", true),
            ("https://ü.xn--a.example/", false), ("https://xn--a.ß/", false), ("https://xn--zca.example:99999/", false),
        ])
    func loadsInSomeBrowser(url: String, loads: Bool) {
        #expect(((try? ParsedURL.parseForAnyBrowser(url)) != nil) == loads)
    }

    @Test("fetch() parses the URL before checking the method or credentials; XHR open() checks the method first")
    func orderOfScriptErrors() throws {
        let invalid = "https://u:p@xn--a.example/"
        func failure(_ api: RequestAPI, _ method: String, _ browser: BrowserProfile) throws -> CORSFailure? {
            let request = BrowserRequest(
                page: try Origin.parse(appOrigin), url: try ParsedURL.parseForAnyBrowser(invalid), urlText: invalid,
                api: api, method: method)
            return run(request, rawServer(), browser: browser).verdict.failure
        }
        #expect(try failure(.fetch, "GET", .chromium) == .urlHasCredentials(invalid))
        #expect(try failure(.xhr, "CONNECT", .firefox) == .forbiddenMethod("CONNECT"))
        guard case .invalidURL = try failure(.fetch, "CONNECT", .firefox) else {
            Issue.record("fetch() should reject the URL before the method")
            return
        }
        guard case .invalidURL = try failure(.xhr, "GET", .firefox) else {
            Issue.record("XHR open() should reject the URL")
            return
        }
    }

    @Test("A Location is resolved as the given profile parses URLs")
    func resolvingPerProfile() throws {
        let base = try ParsedURL.parse("https://api.example/x")
        #expect(try base.resolving("https://xn--a.example/y", profile: .chromium).host == "xn--a.example")
        #expect(throws: URLParseError.self) { try base.resolving("https://xn--a.example/y", profile: .firefox) }
        #expect(throws: URLParseError.self) { try base.resolving("//xn--a.example/y") }
        let onChromiumOnlyHost = try ParsedURL.parseForAnyBrowser("https://xn--a.example/x")
        #expect(try onChromiumOnlyHost.resolving("/y", profile: .chromium).description == "https://xn--a.example/y")
    }

    @Test("A redirect to a host only Chromium parses is followed in Chromium, refused elsewhere")
    func redirectToChromiumOnlyHost() throws {
        let server = rawServer(redirects: [try redirect(from: apiURL, to: "https://xn--a.example/y")])
        let chromium = run(try makeRequest(), server, browser: .chromium)
        #expect(chromium.finalActual?.request.url.description == "https://xn--a.example/y")
        let firefox = run(try makeRequest(), server, browser: .firefox)
        #expect(firefox.verdict.outcome == .blocked)
        #expect(firefox.finalActual?.request.url.description == apiURL)
    }
}
