import CORSCore
import CORSScenarios
import Foundation
import Testing

/// `ScenarioWriter` output reads back, through `ScenarioLoader`, to the scenario it was written from.
@Suite struct ScenarioWriterTests {
    /// One hand-built scenario to write and read back.
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let scenario: Scenario
        var testDescription: String { name }
    }

    /// Writes `scenario`, reads the text back and returns both, with the text attached to any failure.
    static func roundTrip(_ scenario: Scenario) throws -> (text: String, scenario: Scenario) {
        let text = ScenarioWriter.yaml(scenario)
        do {
            return (text, try ScenarioLoader.parse(text, file: "x.yaml"))
        } catch {
            Issue.record("the written file does not load: \(error)\n\(text)")
            throw error
        }
    }

    static func expectRoundTrip(_ original: Scenario) throws {
        var expected = original
        expected.expectation = nil
        let (text, read) = try roundTrip(original)
        #expect(read == expected, "written as:\n\(text)")
    }

    static func request(
        page: String = "https://app.example.com", url: String = "https://api.example.com/data"
    ) throws -> BrowserRequest {
        BrowserRequest(page: try Origin.parse(page), url: try ParsedURL.parse(url), urlText: url)
    }

    static func scenario(
        _ title: String = "t", request: BrowserRequest? = nil, policy: CORSPolicy = CORSPolicy(),
        redirects: [ServerRedirect] = []
    ) throws -> Scenario {
        Scenario(
            title: title, request: try request ?? Self.request(),
            server: ServerDefinition(behavior: .policy(policy), redirects: redirects))
    }

    // MARK: The library

    @Test(arguments: ScenarioLibraryTests.files.map { ($0 as NSString).lastPathComponent })
    func libraryScenarioRoundTrips(_ name: String) throws {
        let scenario = try ScenarioLoader.load(path: ScenarioLibraryTests.scenarioDirectory + "/" + name)
        #expect(scenario.expectation != nil)
        try Self.expectRoundTrip(scenario)
    }

    @Test func builtInScenarioRoundTrips() throws {
        try Self.expectRoundTrip(try BuiltInScenario.scenario())
    }

    // MARK: The shape of the file

    @Test func startsWithTheCommentAndLeavesDefaultsOut() throws {
        let text = ScenarioWriter.yaml(try Self.scenario())
        #expect(
            text == """
                # Written by cors-explorer.
                title: "t"
                request:
                  page: "https://app.example.com"
                  url: "https://api.example.com/data"
                server:
                  policy: {}

                """)
    }

    @Test func writesKeysInTheDocumentedOrder() throws {
        var request = try Self.request()
        request.api = .xhr
        request.method = "put"
        request.headers = [HeaderField("X-A", "1")]
        request.credentials = .include
        request.body = "b"
        request.hasUploadListener = true
        request.cookie = "c=1"
        var scenario = try Self.scenario(request: request)
        scenario.lesson = "l"
        scenario.browser = .safari
        scenario.repeatAfter = 30
        let keys = ScenarioWriter.yaml(scenario).split(separator: "\n").compactMap { line -> String? in
            guard !line.hasPrefix("#"), !line.hasPrefix("    "), let colon = line.firstIndex(of: ":") else {
                return nil
            }
            return line[..<colon].trimmingCharacters(in: .whitespaces)
        }
        #expect(
            keys == [
                "title", "lesson", "browser", "repeat_after", "request", "page", "url", "api", "method", "headers",
                "credentials", "body", "upload_listener", "cookie", "server", "policy",
            ])
        #expect(ScenarioWriter.yaml(scenario).contains("repeat_after: 30\n"))
    }

    @Test func escapesHostileText() throws {
        var request = try Self.request()
        request.headers = [HeaderField("X-A", "a\"b\\c\u{1}\u{7F}\u{85}\u{2028}é")]
        let text = ScenarioWriter.yaml(try Self.scenario(request: request))
        #expect(text.contains(#"- "X-A": "a\"b\\c\x01\x7F\x85\u2028é""#))
    }

    // MARK: Hand-built cases

    static let hostileStrings = [
        "null", "~", "true", "False", "yes", "204", "0x10", "6e2", "-1", "*", "&anchor", "!tag", "- x", "#", "# x",
        "a # b", ": ", "a: b", "key:", "? x", "{a: b}", "[a]", "'single'", "\"double\"", "%YAML", "@x", "`x", "|",
        ">", "<<", ",", " leading", "trailing ", "  ", "", "a\nb", "line\r\nbreak", "tab\there", "bell\u{7}",
        "nul\u{0}byte", "esc\u{1B}[0m", "del\u{7F}", "nel\u{85}", "ls\u{2028}ps\u{2029}", "bom\u{FEFF}",
        "nonchar\u{FFFE}\u{FFFF}", "back\\slash", "\\n", "émoji 🍪 漢字", "\u{A0}nbsp", "...", "---", "a\n---\nb",
    ]

    static let cases: [Case] = {
        do { return try makeCases() } catch {
            Issue.record("cannot build the cases: \(error)")
            return []
        }
    }()

    static func makeCases() throws -> [Case] {
        var cases: [Case] = []
        func add(_ name: String, _ scenario: Scenario) { cases.append(Case(name: name, scenario: scenario)) }

        // Hostile text in every free-text place, as far as a scenario file may hold it (docs/scenarios.md, "Header
        // text"): a script's header is a ByteString (nothing above U+00FF); a server's header name is a token and
        // its values, like list items, are one line without NUL.
        for (index, text) in hostileStrings.enumerated() {
            let byteString = String(String.UnicodeScalarView(text.unicodeScalars.filter { $0.value <= 0xFF }))
            let oneLine = String(
                String.UnicodeScalarView(text.unicodeScalars.filter { !"\r\n\0".unicodeScalars.contains($0) }))
            var request = try Self.request()
            request.method = text.isEmpty ? "x" : text
            request.headers = [HeaderField(byteString, byteString), HeaderField("X-\(index)", byteString)]
            request.body = text
            request.cookie = text
            var policy = CORSPolicy()
            policy.allowOrigins = .list([.exact(text), .exact("*")])
            policy.allowMethods = [oneLine]
            policy.allowHeaders = .list([oneLine, "mirror"])
            policy.exposeHeaders = [oneLine, oneLine]
            policy.responseHeaders = [HeaderField("X-Hostile", oneLine)]
            let redirect = ServerRedirect(
                from: try ParsedURL.parse("https://api.example.com/old"), location: text,
                headers: [HeaderField("X-Hostile", oneLine)])
            var scenario = try Self.scenario(text.isEmpty ? "x" : text, request: request, policy: policy)
            scenario.server.redirects = [redirect]
            // The loader drops the newlines a folded `lesson: >` block ends with, whatever the quoting.
            scenario.lesson = text.last?.isNewline == true ? text + "." : text
            let shown = text.unicodeScalars.map { $0.escaped(asASCII: true) }.joined()
            add("hostile text \(index): \"\(shown)\"", scenario)
        }

        // Raw responses.
        var raw = try Self.scenario()
        raw.server.behavior = .raw(preflight: nil, response: ServerResponse())
        add("raw, no preflight, default response", raw)
        raw.server.behavior = .raw(
            preflight: nil, response: ServerResponse(status: 500, headers: [HeaderField("X-A", "1")]))
        add("raw, no preflight", raw)
        raw.server.behavior = .raw(preflight: ServerResponse(), response: ServerResponse())
        add("raw, bare preflight", raw)
        raw.server.behavior = .raw(
            preflight: ServerResponse(
                status: 204,
                headers: [
                    HeaderField("Access-Control-Allow-Origin", "https://app.example.com"),
                    HeaderField("access-control-allow-origin", "*"),
                    HeaderField("ACCESS-CONTROL-ALLOW-METHODS", " PUT , , DELETE "),
                    HeaderField("X-Empty", ""),
                ]),
            response: ServerResponse(
                status: 299,
                headers: [
                    HeaderField("Vary", "Origin"), HeaderField("vary", "Cookie"), HeaderField("Vary", "Origin"),
                ]))
        add("raw, duplicates and casing", raw)
        raw.server.redirects = [
            ServerRedirect(
                from: try ParsedURL.parse("https://api.example.com/a?x=1#frag"), location: "//other.example/b",
                status: 399, headers: [HeaderField("Cache-Control", "no-store"), HeaderField("X-A", "1")],
                addsCORSHeaders: false, appliesToPreflight: false),
            ServerRedirect(from: try ParsedURL.parse("http://api.example.com:8080/"), location: "/c", status: 300),
            ServerRedirect(
                from: try ParsedURL.parse("https://api.example.com/d"), location: "https://x.example/",
                appliesToPreflight: false),
        ]
        add("raw with redirects", raw)

        // Policies: one field at a time, then everything at once.
        let policyVariants: [(String, (inout CORSPolicy) -> Void)] = [
            ("origins *", { $0.allowOrigins = .any }),
            ("origins reflect", { $0.allowOrigins = .reflectAny }),
            ("origins exact * in a list", { $0.allowOrigins = .list([.exact("*")]) }),
            ("origins reflect in a list", { $0.allowOrigins = .list([.exact("reflect"), .exact("null")]) }),
            (
                "origins wildcards",
                {
                    $0.allowOrigins = .list([
                        .subdomainWildcard(scheme: "https", baseHost: "example.com", port: nil),
                        .subdomainWildcard(scheme: "http", baseHost: "app.example.com", port: 8443),
                    ])
                }
            ),
            (
                "origins regex",
                {
                    $0.allowOrigins = .list([
                        .regex(#"^https://preview-[0-9]+\.example\.dev$"#), .regex("example\\.com$"),
                        .regex("a: b # \"c\""), .exact("https://app.example.com"),
                    ])
                }
            ),
            (
                "long origin list",
                { $0.allowOrigins = .list((0..<20).map { .exact("https://app\($0).example.com") }) }
            ),
            ("methods empty", { $0.allowMethods = [] }),
            ("methods *", { $0.allowMethods = ["*"] }),
            ("methods * in a longer list", { $0.allowMethods = ["*", "PUT"] }),
            ("methods list", { $0.allowMethods = ["put", "PATCH", "GET"] }),
            ("headers *", { $0.allowHeaders = .wildcard }),
            ("headers mirror", { $0.allowHeaders = .mirror }),
            ("headers list", { $0.allowHeaders = .list(["X-A", "content-type"]) }),
            ("headers * among others", { $0.allowHeaders = .list(["*", "Authorization"]) }),
            ("expose *", { $0.exposeHeaders = ["*"] }),
            ("expose list", { $0.exposeHeaders = ["X-Total-Count", "ETag"] }),
            ("credentials", { $0.allowCredentials = true }),
            ("max age 0", { $0.maxAge = 0 }),
            ("max age negative", { $0.maxAge = -1 }),
            ("max age large", { $0.maxAge = 86_400 }),
            ("preflight status", { $0.preflightStatus = 200 }),
            ("not routed", { $0.optionsRouted = false }),
            ("unrouted status", { $0.unroutedStatus = 405 }),
            ("actual status", { $0.actualStatus = 500 }),
            ("no headers on actual", { $0.headersOnActual = false }),
            ("no headers on errors", { $0.headersOnErrors = false }),
            ("no vary", { $0.varyOrigin = false }),
            ("response headers empty", { $0.responseHeaders = [] }),
            ("response headers default", { $0.responseHeaders = [HeaderField("Content-Type", "application/json")] }),
            (
                "response headers other",
                {
                    $0.responseHeaders = [
                        HeaderField("content-type", "application/json"), HeaderField("X-Total-Count", "3"),
                        HeaderField("X-Total-Count", "3"),
                    ]
                }
            ),
        ]
        var everything = CORSPolicy()
        for (name, change) in policyVariants {
            var policy = CORSPolicy()
            change(&policy)
            add("policy: \(name)", try Self.scenario(policy: policy))
            change(&everything)
        }
        add("policy: every field", try Self.scenario(policy: everything))
        add(
            "policy with redirects",
            try Self.scenario(
                policy: everything,
                redirects: [
                    ServerRedirect(
                        from: try ParsedURL.parse("https://api.example.com/old"), location: "/new", status: 308,
                        addsCORSHeaders: false),
                    ServerRedirect(from: try ParsedURL.parse("https://api.example.com/x"), location: "/y"),
                ]))

        // Requests.
        var xhr = try Self.request(url: "HTTPS://API.example.com:443/upload?q=1#top")
        xhr.api = .xhr
        xhr.method = "POST"
        xhr.credentials = .include
        xhr.hasUploadListener = true
        xhr.body = "hello"
        xhr.cookie = "session=abc123"
        add("xhr with credentials and an upload listener", try Self.scenario(request: xhr))
        xhr.credentials = .sameOrigin
        xhr.hasUploadListener = false
        add("xhr, same-origin credentials, no listener", try Self.scenario(request: xhr))
        for mode in RequestMode.allCases {
            for credentials in CredentialsMode.allCases {
                var request = try Self.request(page: "null", url: "http://[::1]:8080/x")
                request.mode = mode
                request.credentials = credentials
                add("fetch \(mode.rawValue) \(credentials.rawValue)", try Self.scenario(request: request))
            }
        }
        var methods = try Self.request(page: "file:///home/me/index.html", url: "https://api.example.com/%7Ex")
        methods.method = "get"
        methods.body = ""
        methods.cookie = ""
        add("lowercase get, empty body and cookie, file page", try Self.scenario(request: methods))

        // Top level.
        for browser in BrowserProfile.allCases {
            var scenario = try Self.scenario("browser \(browser.rawValue)")
            scenario.browser = browser
            add("browser \(browser.rawValue)", scenario)
        }
        for seconds in [0, 2.5, 0.1, 1e-7, 30, 600.25, 1e20, 123_456.789] {
            var scenario = try Self.scenario()
            scenario.repeatAfter = seconds
            add("repeat after \(seconds)", scenario)
        }
        var lesson = try Self.scenario("A title: with \"quotes\"\nand a second line")
        lesson.lesson = "First line.\n\nSecond paragraph, with a # and a trailing space "
        add("multi-line lesson and title", lesson)
        var long = try Self.request()
        long.headers = [HeaderField(String(repeating: "X", count: 1_500), String(repeating: "v", count: 2_000))]
        add("a header name longer than a YAML implicit key", try Self.scenario(request: long))
        return cases
    }

    @Test(arguments: cases)
    func handBuiltScenarioRoundTrips(_ testCase: Case) throws {
        try Self.expectRoundTrip(testCase.scenario)
    }

    @Test func aLessonLosesItsTrailingNewlines() throws {
        var scenario = try Self.scenario()
        scenario.lesson = "Ends with a line break\n\u{2028}"
        #expect(try Self.roundTrip(scenario).scenario.lesson == "Ends with a line break")
    }

    @Test func aURLWithoutItsTextIsWrittenSerialized() throws {
        var scenario = try Self.scenario(request: try Self.request(url: "HTTPS://API.Example.com:443/a b"))
        scenario.request.urlText = nil
        // The loader always keeps the text it read, so the serialization comes back as `urlText`.
        let read = try Self.roundTrip(scenario).scenario.request
        #expect(read.url == scenario.request.url)
        #expect(read.urlText == "https://api.example.com/a%20b")
    }

    @Test func dropsTheExpectBlock() throws {
        var scenario = try Self.scenario()
        scenario.expectation = ScenarioExpectation()
        let text = ScenarioWriter.yaml(scenario)
        #expect(!text.contains("expect"))
        #expect(try ScenarioLoader.parse(text, file: "x.yaml").expectation == nil)
    }

    @Test func emptyResponseHeadersAreNotTheDefault() throws {
        var policy = CORSPolicy()
        policy.responseHeaders = []
        #expect(ScenarioWriter.yaml(try Self.scenario(policy: policy)).contains("response_headers: []\n"))
        #expect(!ScenarioWriter.yaml(try Self.scenario()).contains("response_headers"))
    }

    @Test func rawPreflightNilAndPresentDiffer() throws {
        var scenario = try Self.scenario()
        scenario.server.behavior = .raw(preflight: nil, response: ServerResponse())
        let withoutPreflight = try Self.roundTrip(scenario)
        #expect(!withoutPreflight.text.contains("preflight"))
        #expect(withoutPreflight.scenario.server.behavior == .raw(preflight: nil, response: ServerResponse()))
        scenario.server.behavior = .raw(preflight: ServerResponse(), response: ServerResponse())
        let withPreflight = try Self.roundTrip(scenario)
        #expect(withPreflight.scenario.server.behavior == .raw(preflight: ServerResponse(), response: ServerResponse()))
    }
}
