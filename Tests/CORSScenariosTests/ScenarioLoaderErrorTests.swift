import CORSScenarios
import Testing

/// Malformed scenarios give a clear error with the line, the column and what was expected.
@Suite struct ScenarioLoaderErrorTests {
    struct BadInput: CustomTestStringConvertible, Sendable {
        let name: String
        let text: String
        let line: Int?
        let column: Int?
        let messageContains: String
        var testDescription: String { name }
    }

    static let valid = """
        title: ok
        request:
          page: https://app.example
          url: https://api.example/x
        server:
          response: {status: 200}
        """

    static let cases: [BadInput] = [
        BadInput(name: "empty file", text: "", line: 1, column: 1, messageContains: "the file is empty"),
        BadInput(
            name: "YAML syntax", text: "title: [unclosed\nrequest: {}", line: 2, column: 8,
            messageContains: "YAML syntax"),
        BadInput(
            name: "unknown top-level key", text: valid + "\ncolour: red", line: 7, column: 1,
            messageContains: "unknown key 'colour' at the top level"),
        BadInput(
            name: "unknown request key",
            text:
                "title: t\nrequest:\n  page: https://a.example\n  url: https://b.example\n  methd: PUT\nserver:\n  response: {}",
            line: 5, column: 3, messageContains: "unknown key 'methd' in request"),
        BadInput(
            name: "missing title",
            text: "request:\n  page: https://a.example\n  url: https://b.example\nserver: {response: {}}",
            line: 1, column: 1, messageContains: "missing 'title'"),
        BadInput(
            name: "invalid page origin",
            text: "title: t\nrequest:\n  page: app.example.com\n  url: https://b.example\nserver: {response: {}}",
            line: 3, column: 9, messageContains: "request.page"),
        BadInput(
            name: "invalid url port",
            text:
                "title: t\nrequest:\n  page: https://a.example\n  url: https://b.example:99999/\nserver: {response: {}}",
            line: 4, column: 8, messageContains: "port is larger than 65535"),
        BadInput(
            name: "wrong type for credentials",
            text:
                "title: t\nrequest:\n  page: https://a.example\n  url: https://b.example\n  credentials: yes-please\nserver: {response: {}}",
            line: 5, column: 16, messageContains: "omit | same-origin | include"),
        BadInput(
            name: "headers as a mapping",
            text:
                "title: t\nrequest:\n  page: https://a.example\n  url: https://b.example\n  headers: {X-A: b}\nserver: {response: {}}",
            line: 5, column: 12, messageContains: "must be a list"),
        BadInput(
            name: "url no browser parses",
            text: "title: t\nrequest:\n  page: https://a.example\n  url: https://xn--a.ß/\nserver: {response: {}}",
            line: 4, column: 8, messageContains: "the label 'xn--a' decodes to U+0080"),
        BadInput(
            name: "status out of range",
            text:
                "title: t\nrequest:\n  page: https://a.example\n  url: https://b.example\nserver:\n  response: {status: 42}",
            line: 6, column: 22, messageContains: "between 100 and 999"),
        BadInput(
            name: "policy and raw together",
            text:
                "title: t\nrequest:\n  page: https://a.example\n  url: https://b.example\nserver:\n  policy: {}\n  response: {}",
            line: 6, column: 3, messageContains: "both a policy and raw responses"),
        BadInput(
            name: "no server behaviour",
            text: "title: t\nrequest:\n  page: https://a.example\n  url: https://b.example\nserver: {redirects: []}",
            line: 5, column: 9, messageContains: "'policy', 'middleware' or raw"),
        BadInput(
            name: "unknown middleware",
            text: "title: t\nrequest:\n  page: https://a.example\n  url: https://b.example\nserver:\n  middleware: koa",
            line: 6, column: 15, messageContains: "must be one of express-cors | flask-cors"),
        BadInput(
            name: "unknown middleware config key",
            text:
                "title: t\nrequest:\n  page: https://a.example\n  url: https://b.example\nserver:\n  middleware: express-cors\n  config:\n    origins: true",
            line: 8, column: 5, messageContains: "unknown key 'origins' in server.config (express-cors)"),
        BadInput(
            name: "wrong type in middleware config",
            text:
                "title: t\nrequest:\n  page: https://a.example\n  url: https://b.example\nserver:\n  middleware: flask-cors\n  config: {supports_credentials: yes}",
            line: 7, column: 34, messageContains: "config.supports_credentials must be true or false"),
        BadInput(
            name: "unknown app key",
            text:
                "title: t\nrequest:\n  page: https://a.example\n  url: https://b.example\nserver:\n  middleware: nginx\n  app: {code: 500}",
            line: 7, column: 9, messageContains: "unknown key 'code' in server.app"),
        BadInput(
            name: "config without middleware",
            text:
                "title: t\nrequest:\n  page: https://a.example\n  url: https://b.example\nserver:\n  response: {}\n  config: {}",
            line: 7, column: 3, messageContains: "need server.middleware"),
        BadInput(
            name: "middleware and policy together",
            text:
                "title: t\nrequest:\n  page: https://a.example\n  url: https://b.example\nserver:\n  policy: {}\n  middleware: vapor",
            line: 7, column: 3, messageContains: "a middleware and a policy"),
        BadInput(
            name: "middleware refuses to start",
            text:
                "title: t\nrequest:\n  page: https://a.example\n  url: https://b.example\nserver:\n  middleware: tower-http\n  config: {allow_origin: '*', allow_credentials: true}",
            line: 7, column: 11, messageContains: "tower-http panics at startup"),
        BadInput(
            name: "bad regex",
            text:
                "title: t\nrequest:\n  page: https://a.example\n  url: https://b.example\nserver:\n  policy:\n    allow_origins: [{regex: '(('}]",
            line: 7, column: 29, messageContains: "not a valid regular expression"),
        BadInput(
            name: "xhr with omit",
            text:
                "title: t\nrequest:\n  page: https://a.example\n  url: https://b.example\n  api: xhr\n  credentials: omit\nserver: {response: {}}",
            line: 6, column: 16, messageContains: "XMLHttpRequest cannot omit credentials"),
        BadInput(
            name: "repeat without repeat_after", text: valid + "\nexpect:\n  repeat: {preflight: false}", line: 8,
            column: 3, messageContains: "needs repeat_after"),
        BadInput(
            name: "unknown browser in expect",
            text: valid + "\nexpect:\n  outcome: allowed\n  browsers:\n    opera: {outcome: blocked}", line: 10,
            column: 5, messageContains: "unknown key 'opera'"),
        BadInput(
            name: "a scalar where a mapping belongs", text: "just a string", line: 1, column: 1,
            messageContains: "must be a mapping"),
    ]

    @Test(arguments: cases)
    func malformedScenarioGivesPositionedError(_ input: BadInput) {
        do {
            _ = try ScenarioLoader.parse(input.text, file: "bad.yaml")
            Issue.record("expected an error for \(input.name)")
        } catch {
            #expect(error.file == "bad.yaml")
            #expect(error.line == input.line, "\(error)")
            #expect(error.column == input.column, "\(error)")
            #expect(error.message.contains(input.messageContains), "\(error)")
            #expect(error.description.hasPrefix("bad.yaml"))
        }
    }

    @Test func validMinimalScenarioLoads() throws {
        let scenario = try ScenarioLoader.parse(Self.valid, file: "ok.yaml")
        #expect(scenario.title == "ok")
        #expect(scenario.request.method == "GET")
        #expect(scenario.browser == .chromium)
    }

    @Test func blockLessonsLoseOnlyTheirFinalNewline() throws {
        let folded = try ScenarioLoader.parse("lesson: >\n  one\n  two\n" + Self.valid, file: "f.yaml")
        #expect(folded.lesson == "one two")
        let literal = try ScenarioLoader.parse("lesson: |\n  one\n  two\n" + Self.valid, file: "l.yaml")
        #expect(literal.lesson == "one\ntwo")
    }

    @Test func builtInWelcomeScenarioLoadsAndMeetsItsExpectation() throws {
        let scenario = try BuiltInScenario.scenario()
        let results = ExpectationChecker.check(scenario)
        #expect(!results.isEmpty && results.allSatisfy(\.passed), "\(results)")
        #expect(scenario.evaluate().first.preflight != nil)
    }

    @Test func jsonScenarioLoads() throws {
        let json = """
            {"title": "json", "request": {"page": "null", "url": "https://api.example/x", "method": "patch",
             "headers": [{"X-A": "1"}, {"x-a": "2"}]},
             "server": {"response": {"headers": [{"Access-Control-Allow-Origin": "null"}]}}}
            """
        let scenario = try ScenarioLoader.parse(json, file: "s.json")
        #expect(scenario.request.page == .opaque)
        #expect(scenario.request.method == "patch")
        #expect(scenario.request.headers.count == 2)
    }

    @Test func missingFileAndBinaryFileAreClearErrors() throws {
        #expect(throws: ScenarioError.self) { try ScenarioLoader.load(path: "/nonexistent/nowhere.yaml") }
        let path = FileManagerHelper.temporaryFile(contents: [0x00, 0xFF, 0x10, 0x00])
        do {
            _ = try ScenarioLoader.load(path: path)
            Issue.record("a binary file must not load")
        } catch {
            #expect(error.message.contains("not UTF-8 text"))
        }
    }
}
