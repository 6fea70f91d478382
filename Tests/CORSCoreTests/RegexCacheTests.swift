import CORSCore
import Testing

/// A `RegexCache` shared over many requests answers each exactly as a fresh one does.
@Suite struct RegexCacheTests {
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
        let shared = RegexCache()
        // Twice over, so the second round answers from compiled patterns only.
        for _ in 0..<2 {
            for origin in Self.origins {
                let request = try Self.request(origin)
                let fresh = PolicyResponder.reply(to: request, server: server)
                let cached = PolicyResponder.reply(to: request, server: server, regexes: shared)
                #expect(cached == fresh, "\(origin)")
            }
        }
    }

    @Test func anUnanchoredRegexMatchesAnywhereAndABrokenOneMatchesNothing() throws {
        let shared = RegexCache()
        let server = Self.servers[0]
        let allowed = try Self.origins.filter { origin in
            let reply = PolicyResponder.reply(to: try Self.request(origin), server: server, regexes: shared)
            return reply.response.headers.contains { $0.name == "Access-Control-Allow-Origin" }
        }
        #expect(
            allowed == [
                "https://app.example.com", "https://evil-example.com", "http://app.example.com", "null",
                "https://example.com.attacker.net",
            ])
    }
}
