import Testing

@testable import CORSCore

/// An `EvaluationMemo` shared over many requests answers each exactly as a fresh one does.
@Suite struct EvaluationMemoTests {
    static let origins = [
        "https://app.example.com", "https://evil-example.com", "https://APP.EXAMPLE.COM", "http://app.example.com",
        "null", "https://example.com.attacker.net",
    ]

    static func request(_ origin: String) throws -> WireRequest {
        WireRequest(
            method: "GET", url: try ParsedURL.parse("https://api.example.com/items"),
            headers: [HeaderField("Origin", origin)])
    }

    static let servers: [ServerDefinition] = [
        ServerDefinition(
            behavior: .policy(
                CORSPolicy(allowOrigins: .list([.regex("example\\.com"), .regex("(unclosed"), .regex("^null$")])))),
        ServerDefinition(
            behavior: .middleware(
                MiddlewareConfiguration(
                    preset: .expressCORS(ExpressCORS(origin: .allowList([.regex("^https://app\\.example\\.com$")])))
                ))),
        ServerDefinition(
            behavior: .middleware(
                MiddlewareConfiguration(
                    preset: .flaskCORS(FlaskCORS(origins: ["https://app\\.example\\.com", "[bad"]))))),
    ]

    @Test(arguments: servers.indices)
    func aSharedCacheAnswersAsAFreshOne(server index: Int) throws {
        let server = Self.servers[index]
        let shared = EvaluationMemo()
        // Twice over, so the second round answers from compiled patterns only.
        for _ in 0..<2 {
            for origin in Self.origins {
                let request = try Self.request(origin)
                let fresh = PolicyResponder.reply(to: request, server: server)
                let cached = PolicyResponder.reply(to: request, server: server, memo: shared)
                #expect(cached == fresh, "\(origin)")
            }
        }
    }

    @Test func anUnanchoredRegexMatchesAnywhereAndABrokenOneMatchesNothing() throws {
        let shared = EvaluationMemo()
        let server = Self.servers[0]
        let allowed = try Self.origins.filter { origin in
            let reply = PolicyResponder.reply(to: try Self.request(origin), server: server, memo: shared)
            return reply.response.headers.contains { $0.name == "Access-Control-Allow-Origin" }
        }
        #expect(
            allowed == [
                "https://app.example.com", "https://evil-example.com", "http://app.example.com", "null",
                "https://example.com.attacker.net",
            ])
    }
}

/// The memo's text-only answers equal the functions they remember, the first time and when remembered.
@Suite struct EvaluationMemoAnswerTests {
    @Test(arguments: [
        ("https://app.example.com", true), ("null", false), ("https://*.example.com", true),
        ("app.example.com", false),
        ("https://app.example.com/", true), ("http://[::1]:8080", true), ("https://exa mple.com", false),
        ("https://a<b.example", false),
    ])
    func aURLCheckIsTheParser(value: String, parses: Bool) {
        let memo = EvaluationMemo()
        #expect(memo.parsesAsURL(value) == parses)
        #expect(memo.parsesAsURL(value) == parses)
        #expect(((try? ParsedURL.parse(value)) != nil) == parses)
    }

    @Test(arguments: [
        ["Access-Control-Allow-Headers: X-B, x-a, X-A"],
        ["Access-Control-Allow-Headers: x-a", "access-control-allow-headers: x-c, X-A"],
        ["Access-Control-Allow-Headers: x-a, b@d"], [], ["Access-Control-Allow-Headers: "],
    ])
    func aTokenListIsTheParserWithSortedLowercaseNames(lines: [String]) {
        let headers = lines.map { line in
            let parts = line.split(separator: ":", maxSplits: 1)
            return HeaderField(String(parts[0]), String(parts[1]).trimmingHTTPWhitespace)
        }
        let memo = EvaluationMemo()
        for _ in 0..<2 {
            let list = memo.tokenList("Access-Control-Allow-Headers", in: headers)
            let parsed = HeaderListParser.parse("Access-Control-Allow-Headers", in: headers)
            #expect(list.result == parsed)
            #expect(list.sortedLowercased == Array(Set(parsed.elements.map(\.asciiLowercased))).sorted())
        }
    }

    /// A single line is remembered by its value alone: the same value under another name parses the same.
    @Test func aRememberedValueDoesNotDependOnTheName() {
        let memo = EvaluationMemo()
        let methods = memo.tokenList(
            "Access-Control-Allow-Methods", in: [HeaderField("Access-Control-Allow-Methods", "PUT, x")])
        let headers = memo.tokenList(
            "Access-Control-Allow-Headers", in: [HeaderField("Access-Control-Allow-Headers", "PUT, x")])
        #expect(methods.result == .list(["PUT", "x"]) && headers.result == methods.result)
        #expect(memo.tokenList("Access-Control-Allow-Headers", in: []).result == .absent)
    }

    @Test(arguments: [
        ("GET, POST, PUT", "PUT", true), ("GET, POST", "PO", true), ("GET", "GETX", false), ("", "GET", false),
        ("x", "", true), ("caf\u{E9}", "\u{E9}", true), ("cafe\u{301}", "e", true),
    ])
    func aByteSearchFindsWhatPythonsInFinds(haystack: String, needle: String, found: Bool) {
        #expect(haystack.containsBytes(of: needle) == found)
    }

    @Test(arguments: [[], ["a"], ["a", "b"], ["x-long-header-name", "", "é", "z"]])
    func aJoinInOneBufferIsTheStandardJoin(elements: [String]) {
        #expect(elements.joinedIntoOneBuffer(separator: ", ") == elements.joined(separator: ", "))
        #expect(elements.joinedIntoOneBuffer(separator: "") == elements.joined())
    }

    @Test func anOriginIsSerializedOnceAndTheSame() throws {
        let memo = EvaluationMemo()
        for text in ["https://a.example:8443", "http://b.example", "null"] {
            let origin = try Origin.parse(text)
            #expect(memo.serialization(of: origin) == origin.serialized)
            #expect(memo.serialization(of: origin) == text)
        }
    }
}
