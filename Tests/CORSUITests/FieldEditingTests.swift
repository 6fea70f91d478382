import CORSCore
import CORSScenarios
import Testing

@testable import CORSUI

/// Typed text into scenario values: what each field accepts, and what it says when it does not.
@Suite struct FieldEditingTests {
    static func builtIn() throws -> Scenario { try Fixtures.builtInScenario() }

    static func policy(after text: String, in field: FieldID) throws -> CORSPolicy {
        var scenario = try builtIn()
        try FieldEditing.apply(text, to: field, in: &scenario)
        guard case .policy(let policy) = scenario.server.behavior else { throw InputError("not a policy") }
        return policy
    }

    static func error(applying text: String, to field: FieldID) throws -> InputError {
        var scenario = try builtIn()
        let before = scenario
        let error = try #require(throws: InputError.self) { try FieldEditing.apply(text, to: field, in: &scenario) }
        #expect(scenario == before, "a rejected value leaves the scenario as it was")
        return error
    }

    // MARK: Origins

    @Test(arguments: [
        ("*", OriginAllowance.any),
        (" * ", .any),
        ("reflect", .reflectAny),
        ("Reflect", .reflectAny),
        ("", .list([])),
        ("https://a.com", .list([.exact("https://a.com")])),
        ("https://a.com, http://b.com:8080", .list([.exact("https://a.com"), .exact("http://b.com:8080")])),
        ("https://a.com,,  ", .list([.exact("https://a.com")])),
        ("null", .list([.exact("null")])),
        ("https://*.example.com", .list([.subdomainWildcard(scheme: "https", baseHost: "example.com", port: nil)])),
        ("HTTP://*.Example.com:8080", .list([.subdomainWildcard(scheme: "http", baseHost: "example.com", port: 8080)])),
        (#"/^https://a\.com$/"#, .list([.regex(#"^https://a\.com$"#)])),
        (
            #"https://a.com, /^https://[a-z]{1,3}\.b\.com$/"#,
            .list([.exact("https://a.com"), .regex(#"^https://[a-z]{1,3}\.b\.com$"#)])
        ),
    ])
    func origins(_ text: String, _ expected: OriginAllowance) throws {
        #expect(try Self.policy(after: text, in: .origins).allowOrigins == expected)
    }

    @Test(arguments: [
        ("/(/", "Origins: /(/ is not a valid regular expression"),
        ("*, https://a.com", "Origins: * must be the only entry; it cannot be mixed with origins"),
        ("https://a.com, reflect", "Origins: reflect must be the only entry; it cannot be mixed with origins"),
    ])
    func badOrigins(_ text: String, _ message: String) throws {
        #expect(try Self.error(applying: text, to: .origins).message == message)
    }

    @Test func originsShowAsTheyAreTyped() throws {
        let text = #"https://a.com, https://*.b.com, /^https://c\.com$/"#
        let policy = try Self.policy(after: text, in: .origins)
        #expect(EditorForm.originsText(policy.allowOrigins) == text)
    }

    // MARK: Methods and headers lists

    @Test(arguments: [
        ("GET, POST, PUT", ["GET", "POST", "PUT"]),
        ("put", ["put"]),
        (" GET ,, DELETE ,", ["GET", "DELETE"]),
        ("*", ["*"]),
        ("", []),
    ])
    func methods(_ text: String, _ expected: [String]) throws {
        #expect(try Self.policy(after: text, in: .methods).allowMethods == expected)
        #expect(try Self.policy(after: text, in: .exposeHeaders).exposeHeaders == expected)
    }

    @Test(arguments: [
        ("*", HeaderAllowance.wildcard),
        (" * ", .wildcard),
        ("mirror", .mirror),
        ("MIRROR", .mirror),
        ("X-A, content-type", .list(["X-A", "content-type"])),
        ("", .list([])),
        ("*, X-A", .list(["*", "X-A"])),
    ])
    func allowHeaders(_ text: String, _ expected: HeaderAllowance) throws {
        #expect(try Self.policy(after: text, in: .allowHeaders).allowHeaders == expected)
    }

    // MARK: Numbers

    @Test(arguments: [("", nil), ("600", 600), (" 5 ", 5), ("0", 0), ("-1", -1), ("86400", 86400)] as [(String, Int?)])
    func maxAge(_ text: String, _ expected: Int?) throws {
        #expect(try Self.policy(after: text, in: .maxAge).maxAge == expected)
    }

    @Test(arguments: ["x", "1.5", "10s", "--1"])
    func badMaxAge(_ text: String) throws {
        #expect(
            try Self.error(applying: text, to: .maxAge).message
                == "Max-Age: expected a whole number of seconds (it may be negative), or nothing")
    }

    @Test(arguments: [("100", 100), ("204", 204), (" 404 ", 404), ("999", 999)])
    func statuses(_ text: String, _ expected: Int) throws {
        #expect(try Self.policy(after: text, in: .preflightStatus).preflightStatus == expected)
        #expect(try Self.policy(after: text, in: .actualStatus).actualStatus == expected)
    }

    @Test(arguments: ["99", "1000", "abc", "", "-200", "2 00"])
    func badStatuses(_ text: String) throws {
        #expect(
            try Self.error(applying: text, to: .preflightStatus).message
                == "Preflight status: expected a status code from 100 to 999")
        #expect(
            try Self.error(applying: text, to: .actualStatus).message
                == "Status: expected a status code from 100 to 999")
    }

    // MARK: Header lines

    @Test(arguments: [
        ("X-Request-Id: 42", HeaderField("X-Request-Id", "42")),
        ("X-A:value", HeaderField("X-A", "value")),
        ("X-A:    spaced", HeaderField("X-A", "spaced")),
        ("X-A:\t tabbed", HeaderField("X-A", "tabbed")),
        ("  X-A  : v", HeaderField("X-A", "v")),
        ("X-A: kept  ", HeaderField("X-A", "kept  ")),
        ("X-A:", HeaderField("X-A", "")),
        ("Date: Mon, 01 Jan 2024 10:00:00 GMT", HeaderField("Date", "Mon, 01 Jan 2024 10:00:00 GMT")),
        ("Link: <https://a.example/x>; rel=next", HeaderField("Link", "<https://a.example/x>; rel=next")),
        ("X-Émoji: café", HeaderField("X-Émoji", "café")),
    ])
    func headerLines(_ text: String, _ expected: HeaderField) throws {
        #expect(try FieldEditing.header(text, sentBy: .script) == expected)
        var scenario = try Self.builtIn()
        try FieldEditing.apply(text, to: .addRequestHeader, in: &scenario)
        #expect(scenario.request.headers.last == expected)
    }

    @Test(arguments: [
        ("no colon", "Header: expected Name: value, for example X-Request-Id: 42"),
        ("", "Header: expected Name: value, for example X-Request-Id: 42"),
        (": value", "Header: the name before ':' is empty"),
        ("   : value", "Header: the name before ':' is empty"),
    ])
    func badHeaderLines(_ text: String, _ message: String) throws {
        #expect(try Self.error(applying: text, to: .addRequestHeader).message == message)
        #expect(try Self.error(applying: text, to: .requestHeader(0)).message == message)
        #expect(try Self.error(applying: text, to: .addPolicyResponseHeader).message == message)
    }

    // MARK: Request fields

    @Test func requestFields() throws {
        var scenario = try Self.builtIn()
        try FieldEditing.apply(" null ", to: .page, in: &scenario)
        #expect(scenario.request.page == .opaque)
        try FieldEditing.apply("https://app.example.com:8443/ignored/path", to: .page, in: &scenario)
        #expect(scenario.request.page.serialized == "https://app.example.com:8443")
        try FieldEditing.apply(" https://api.example.com/a?b=1 ", to: .url, in: &scenario)
        #expect(scenario.request.urlText == "https://api.example.com/a?b=1")
        #expect(scenario.request.url.pathAndQuery == "/a?b=1")
        try FieldEditing.apply("patch", to: .method, in: &scenario)
        #expect(scenario.request.method == "patch")
        try FieldEditing.apply("", to: .body, in: &scenario)
        #expect(scenario.request.body == nil)
        try FieldEditing.apply("sid=1", to: .cookie, in: &scenario)
        #expect(scenario.request.cookie == "sid=1")
        try FieldEditing.apply("X-B: 2", to: .requestHeader(0), in: &scenario)
        #expect(scenario.request.headers.first == HeaderField("X-B", "2"))
    }

    @Test(arguments: [(FieldID.page, "not a url", "Page: "), (.page, "", "Page: "), (.url, "/relative", "URL: ")])
    func badRequestFields(_ field: FieldID, _ text: String, _ prefix: String) throws {
        let message = try Self.error(applying: text, to: field).message
        #expect(message.hasPrefix(prefix))
        #expect(message.contains("expected"))
    }

    // MARK: Raw responses

    @Test func rawStatuses() throws {
        var scenario = try Self.builtIn()
        scenario.server.behavior = .raw(preflight: nil, response: ServerResponse(status: 200))
        try FieldEditing.apply("204", to: .rawPreflightStatus, in: &scenario)
        #expect(scenario.server.behavior == .raw(preflight: ServerResponse(status: 204), response: ServerResponse()))
        try FieldEditing.apply("X-A: 1", to: .addRawPreflightHeader, in: &scenario)
        try FieldEditing.apply("500", to: .rawResponseStatus, in: &scenario)
        try FieldEditing.apply("X-B: 2", to: .addRawResponseHeader, in: &scenario)
        #expect(
            scenario.server.behavior
                == .raw(
                    preflight: ServerResponse(status: 204, headers: [HeaderField("X-A", "1")]),
                    response: ServerResponse(status: 500, headers: [HeaderField("X-B", "2")])))
        try FieldEditing.apply(" None ", to: .rawPreflightStatus, in: &scenario)
        guard case .raw(nil, _) = scenario.server.behavior else {
            Issue.record("none removes the preflight answer")
            return
        }
        var bad = scenario
        #expect(throws: InputError("Response status: expected a status code from 100 to 999")) {
            try FieldEditing.apply("abc", to: .rawResponseStatus, in: &bad)
        }
        #expect(throws: InputError("OPTIONS status: expected a status code from 100 to 999")) {
            try FieldEditing.apply("42", to: .rawPreflightStatus, in: &bad)
        }
    }

    // MARK: Initial text, options, header lists

    @Test(arguments: [
        (FormRow(id: .preflightStatus, label: "", value: "204 No Content", kind: .text), "204"),
        (FormRow(id: .rawResponseStatus, label: "", value: "599", kind: .text), "599"),
        (FormRow(id: .maxAge, label: "", value: "(none)", kind: .text), ""),
        (FormRow(id: .body, label: "", value: "(none)", kind: .text), ""),
        (FormRow(id: .addRequestHeader, label: "", value: "+ add a header", kind: .add), ""),
        (FormRow(id: .requestHeader(0), label: "", value: "X-A: (none)", kind: .header), "X-A: (none)"),
        (FormRow(id: .method, label: "", value: "PUT", kind: .text), "PUT"),
    ])
    func initialText(_ row: FormRow, _ expected: String) {
        #expect(FieldEditing.initialText(for: row) == expected)
    }

    @Test func choicesCycle() throws {
        var scenario = try Self.builtIn()
        var modes: [RequestMode] = []
        for _ in 0..<3 {
            #expect(try FieldEditing.cycle(.mode, in: &scenario))
            modes.append(scenario.request.mode)
        }
        #expect(modes == [.noCORS, .sameOrigin, .cors])
        var credentials: [CredentialsMode] = []
        for _ in 0..<3 {
            #expect(try FieldEditing.cycle(.credentials, in: &scenario))
            credentials.append(scenario.request.credentials)
        }
        #expect(credentials == [.include, .omit, .sameOrigin])
        #expect(try !FieldEditing.cycle(.uploadListener, in: &scenario))
        #expect(try !FieldEditing.cycle(.method, in: &scenario))
    }

    @Test func headerListEdits() throws {
        var scenario = try Self.builtIn()
        let headers = scenario.request.headers
        #expect(FieldEditing.moveHeader(.requestHeader(0), by: 1, in: &scenario))
        #expect(scenario.request.headers == [headers[1], headers[0]])
        #expect(FieldEditing.moveHeader(.requestHeader(1), by: 1, in: &scenario), "at the end: nothing moves")
        #expect(scenario.request.headers == [headers[1], headers[0]])
        #expect(FieldEditing.deleteHeader(.requestHeader(0), in: &scenario))
        #expect(scenario.request.headers == [headers[0]])
        #expect(!FieldEditing.deleteHeader(.method, in: &scenario))
        #expect(!FieldEditing.deleteHeader(.rawResponseHeader(0), in: &scenario), "no raw headers under a policy")
        #expect(FieldEditing.moved(.requestHeader(1), by: -1) == .requestHeader(0))
        #expect(FieldEditing.moved(.rawPreflightHeader(0), by: 1) == .rawPreflightHeader(1))
        #expect(FieldEditing.moved(.origins, by: 1) == .origins)
    }

    /// The editor refuses what the loader refuses, so a saved scenario always loads again.
    @Test(arguments: [
        (FieldID.addRequestHeader, "X-A: ✓", "above U+00FF: headers are ByteStrings"),
        (.addRequestHeader, "X-✓: 1", "header name 'X-✓' has U+2713"),
    ])
    func headerTextTheLoaderRefusesIsRefused(_ field: FieldID, _ text: String, _ message: String) throws {
        var scenario = try Self.builtIn()
        let before = scenario
        #expect {
            try FieldEditing.apply(text, to: field, in: &scenario)
        } throws: { error in
            (error as? InputError)?.message.contains(message) == true
        }
        #expect(scenario == before)
    }

    @Test func aResponseHeaderNameMustBeAToken() throws {
        #expect(throws: InputError.self) { try FieldEditing.header("X A: v", sentBy: .server) }
        #expect(try FieldEditing.header("X A: v", sentBy: .script) == HeaderField("X A", "v"))
    }
}
