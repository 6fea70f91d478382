import CORSCore
import CORSScenarios
import Foundation
import Testing

/// Every file in `BadInput/` is refused with the file, line, column and what was expected; generated inputs cover
/// sizes too large to commit.
@Suite struct BadInputCorpusTests {
    struct Entry: CustomTestStringConvertible, Sendable {
        let file: String
        let line: Int
        let column: Int
        let message: String
        var testDescription: String { file }

        init(_ file: String, _ line: Int, _ column: Int, _ message: String) {
            self.file = file
            self.line = line
            self.column = column
            self.message = message
        }
    }

    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("BadInput")

    static let entries: [Entry] = [
        Entry("binary-png.yaml", 1, 1, "byte 0x89 is not valid UTF-8: the file is not UTF-8 text"),
        Entry("comments-only.yaml", 1, 1, "the file is empty; expected a mapping with title, request and server"),
        Entry("duplicate-key.yaml", 5, 3, "duplicate keys: method"),
        Entry("empty.yaml", 1, 1, "the file is empty; expected a mapping with title, request and server"),
        Entry("json-missing-colon.json", 1, 10, "did not find expected ',' or '}'"),
        Entry("json-unclosed.json", 3, 1, "while parsing a flow mapping (at 2:13)"),
        Entry("latin1-text.yaml", 1, 11, "byte 0xE9 is not valid UTF-8"),
        Entry("middleware-config-lf.yaml", 8, 15, "config.methods must fit on one header line, but it contains an LF"),
        Entry("nul-byte.yaml", 1, 9, "a NUL byte: the file is not UTF-8 text"),
        Entry("origin-ipv6-unclosed.yaml", 3, 9, "request.page: the IPv6 address has no closing ']'"),
        Entry("origin-with-space.yaml", 3, 9, "the host contains the forbidden character ' '"),
        Entry(
            "policy-header-name-non-ascii.yaml", 9, 9,
            "header name 'X-é' in policy.response_headers is not an HTTP token"),
        Entry("policy-list-crlf.yaml", 8, 21, "policy.allow_headers must fit on one header line, but it contains a CR"),
        Entry("raw-control-char.yaml", 2, 14, "YAML cannot contain '\\x07' (U+0007)"),
        Entry("raw-del-char.yaml", 2, 13, "YAML cannot contain '\\x7f' (U+007F)"),
        Entry("redirect-from-invalid.yaml", 8, 13, "redirect 'from': expected an absolute URL with a scheme"),
        Entry("redirect-header-name-colon.yaml", 10, 11, "header name 'X:Y' in redirect headers is not an HTTP token"),
        Entry("request-header-name-above-latin1.yaml", 6, 7, "has U+20AC at index 5, above U+00FF"),
        Entry("request-header-value-euro.yaml", 6, 16, "the value of X-Price in request.headers has U+20AC at index 3"),
        Entry("response-header-name-space.yaml", 8, 9, "header name 'Access Control' in server.response.headers"),
        Entry(
            "response-header-value-crlf.yaml", 8, 38,
            "contains a CR (\\r) at byte 1; a response header value is one line"),
        Entry("response-header-value-nul.yaml", 8, 14, "contains a NUL (\\0) at byte 6"),
        Entry("undefined-alias.yaml", 5, 9, "YAML syntax: found undefined alias"),
        Entry("unknown-key-request.yaml", 5, 3, "unknown key 'header' in request; expected one of: page, url"),
        Entry("url-bad-ipv4.yaml", 4, 8, "'999.1.1.1' is not a valid IPv4 address"),
        Entry("url-bad-port.yaml", 4, 8, "request.url: the port is not a number"),
        Entry(
            "url-relative.yaml", 4, 8,
            "request.url: expected an absolute URL with a scheme, such as https://api.example.com/path"),
        Entry("wrong-type-headers-mapping.yaml", 8, 7, "server.response.headers must be a list, found a mapping"),
        Entry("wrong-type-huge-number.yaml", 7, 14, "policy.max_age must be a whole number"),
        Entry("wrong-type-status-text.yaml", 7, 13, "server.response.status must be a whole number, found 'ok'"),
        Entry("wrong-type-title-list.yaml", 1, 8, "title must be a single value, found a list"),
        Entry("wrong-type-with-credentials.yaml", 6, 21, "request.with_credentials must be true or false, found 'yes'"),
        Entry("yaml-bad-indent.yaml", 4, 7, "YAML syntax: mapping values are not allowed in this context"),
        Entry("yaml-tab-indent.yaml", 3, 1, "found character that cannot start any token"),
        Entry("yaml-unclosed-flow.yaml", 3, 7, "did not find expected ',' or '}'"),
        Entry("yaml-unterminated-quote.yaml", 4, 1, "found unexpected end of stream"),
    ]

    @Test(arguments: entries)
    func corpusFileGivesPositionedError(_ entry: Entry) {
        let path = Self.folder.appendingPathComponent(entry.file).path
        do {
            let scenario = try ScenarioLoader.load(path: path)
            Issue.record("\(entry.file) loaded as '\(scenario.title)'")
        } catch {
            #expect(error.file == path)
            #expect(error.line == entry.line, "\(error)")
            #expect(error.column == entry.column, "\(error)")
            #expect(error.message.contains(entry.message), "\(error)")
            #expect(error.description.hasPrefix("\(path):\(entry.line):\(entry.column): error: "))
            let controls = error.description.unicodeScalars.filter { $0.value < 0x20 || $0.value == 0x7F }
            #expect(controls.isEmpty, "the message is safe to print: \(error.description.debugDescription)")
        }
    }

    @Test func aURLReasonThatSaysWhatWasExpectedIsNotFollowedByASecondExpectation() {
        let path = Self.folder.appendingPathComponent("url-relative.yaml").path
        #expect(
            throws: ScenarioError(
                file: path, line: 4, column: 8,
                message: "request.url: expected an absolute URL with a scheme, such as https://api.example.com/path")
        ) { try ScenarioLoader.load(path: path) }
    }

    @Test func everyCorpusFileIsInTheTable() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).sorted()
        #expect(files == Self.entries.map(\.file).sorted())
    }

    static let head = "title: t\nrequest:\n  page: https://app.example\n  url: https://api.example/x\n"
    static let megabyte = String(repeating: "a", count: 1 << 20)

    @Test func megabyteRequestHeaderValueLoadsAndEvaluates() throws {
        let text = Self.head + "  headers:\n    - X-A: \(Self.megabyte)\nserver:\n  response: {}\n"
        let scenario = try ScenarioLoader.parse(text, file: "big.yaml")
        #expect(scenario.request.headers.first?.value.utf8.count == 1 << 20)
        let exchange = scenario.evaluate().first
        #expect(exchange.preflight != nil, "X-A is not safelisted: a preflight goes first")
        #expect(exchange.verdict.outcome == .blocked)
    }

    @Test func megabyteResponseValueEndingInLineFeedIsPositioned() {
        let text = Self.head + "server:\n  response:\n    headers:\n      - X-A: \"\(Self.megabyte)\\n\"\n"
        #expect(
            throws: ScenarioError(
                file: "big.yaml", line: 8, column: 14,
                message: "the value of X-A in server.response.headers contains an LF (\\n) at byte \(1 << 20); "
                    + "a response header value is one line without NUL (RFC 9110 field-value), so a server cannot send it"
            )
        ) { try ScenarioLoader.parse(text, file: "big.yaml") }
    }

    @Test func headerNameLongerThanYAMLKeyLimitIsPositioned() {
        // YAML limits implicit keys to 1024 characters; the parser says where.
        let text = Self.head + "  headers:\n    - X\(Self.megabyte): v\nserver:\n  response: {}\n"
        do {
            _ = try ScenarioLoader.parse(text, file: "big.yaml")
            Issue.record("a 1 MB header name is not a YAML key")
        } catch {
            #expect(error.line == 6)
            #expect(error.message.hasPrefix("YAML syntax"))
        }
    }

    @Test func megabyteURLAndDeepNestingAreErrorsOrLoads() throws {
        let url =
            "title: t\nrequest:\n  page: https://app.example\n  url: https://api.example/\(Self.megabyte)\n"
            + "server:\n  response: {}\n"
        #expect(try ScenarioLoader.parse(url, file: "url.yaml").request.url.pathAndQuery.utf8.count > 1 << 20)
        for deep in [String(repeating: "[", count: 100_000), String(repeating: "{a: ", count: 100_000)] {
            #expect(throws: ScenarioError.self) { try ScenarioLoader.parse(deep, file: "deep.yaml") }
        }
    }

    /// A script's invalid header name or value still loads: the evaluator shows the TypeError fetch() throws.
    @Test(arguments: ["X A: v", "X-A: \"a\\r\\nb\"", "X-A: \"a\\0b\""])
    func scriptHeaderTheBrowserRefusesLoadsAndThrows(_ header: String) throws {
        let text = Self.head + "  headers:\n    - \(header)\nserver:\n  response: {}\n"
        let exchange = try ScenarioLoader.parse(text, file: "throws.yaml").evaluate().first
        #expect(exchange.verdict.outcome == .error)
        #expect(exchange.verdict.consoleMessage?.hasPrefix("TypeError") == true)
    }

    /// U+0080–U+00FF fit a ByteString: fetch() sends them as one byte each.
    @Test func latin1RequestHeaderValueLoads() throws {
        let text = Self.head + "  headers:\n    - X-Name: \"café ÿ\"\nserver:\n  response: {}\n"
        let scenario = try ScenarioLoader.parse(text, file: "latin1.yaml")
        #expect(scenario.request.headers.first?.value == "café ÿ")
    }
}
