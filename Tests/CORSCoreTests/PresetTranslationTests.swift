import CORSCore
import Testing

/// A policy translated into each preset: the same verdicts where the preset can say it, a note where it cannot.
@Suite struct PresetTranslationTests {
    static let policy = CORSPolicy(
        allowOrigins: .list([.exact(appOrigin)]), allowMethods: ["GET", "PUT"],
        allowHeaders: .list(["Content-Type", "X-Request-Id"]), exposeHeaders: ["X-Total"], allowCredentials: true,
        maxAge: 600)

    static func translated(_ policy: CORSPolicy, _ name: String) throws -> PresetTranslation {
        try #require(PresetTranslation(policy: policy, presetName: name, page: appOrigin))
    }

    static func outcome(_ server: ServerDefinition, page: String, method: String = "PUT") throws -> Outcome {
        let request = try makeRequest(
            page: page, method: method, headers: [("Content-Type", "application/json")], credentials: .include)
        return CORSEvaluator.evaluate(request, server: server, browser: .chromium).verdict.outcome
    }

    /// The page gets in and an attacker does not, with credentials and a preflight, whichever preset answers.
    @Test(arguments: MiddlewarePreset.names)
    func aPlainPolicyKeepsItsVerdicts(_ name: String) throws {
        let translation = try Self.translated(Self.policy, name)
        let configuration = translation.configuration
        #expect(configuration.preset.name == name)
        #expect(configuration.preset.configurationError == nil)
        let server = ServerDefinition(behavior: .middleware(configuration))
        let policyServer = ServerDefinition(behavior: .policy(Self.policy))
        #expect(try Self.outcome(server, page: appOrigin) == Self.outcome(policyServer, page: appOrigin))
        #expect(try Self.outcome(server, page: appOrigin) == .allowed, "\(name): \(translation.notes)")
        #expect(try Self.outcome(server, page: "https://evil.example") != .allowed, "\(name)")
    }

    @Test func aPresetWithoutRegexOriginsSaysSoAndUsesThePage() throws {
        var policy = Self.policy
        policy.allowOrigins = .list([.regex(#"^https://app\.example$"#)])
        let vapor = try Self.translated(policy, "vapor")
        #expect(
            vapor.configuration.preset
                == .vapor(
                    VaporCORS(
                        allowedOrigin: .any([appOrigin]), allowedMethods: ["GET", "PUT"],
                        allowedHeaders: ["Content-Type", "X-Request-Id"], allowCredentials: true, cacheExpiration: 600,
                        exposedHeaders: ["X-Total"])))
        #expect(
            vapor.notes == [
                "Vapor has no wildcard or regex origins: /^https://app\\.example$/ left out, so the origins they match "
                    + "are refused except the page's origin \(appOrigin), listed in their place",
                "Vapor's .any([...]) sends no Vary: Origin",
            ])
        let express = try Self.translated(policy, "express-cors")
        #expect(express.notes.isEmpty, "express takes RegExp origins")
    }

    /// The page's origin stands in for a left-out entry only when the entry matches it: a page the policy refuses
    /// stays refused.
    @Test(arguments: ["vapor", "hummingbird", "tower-http", "spring", "aspnet-core", "rs-cors"])
    func aLeftOutPatternThatMissesThePageKeepsThePageOut(_ name: String) throws {
        var policy = Self.policy
        policy.allowOrigins = .list([.regex(#"^https://other\.example$"#)])
        let translation = try Self.translated(policy, name)
        let server = ServerDefinition(behavior: .middleware(translation.configuration))
        #expect(try Self.outcome(server, page: appOrigin) != .allowed, "\(name): \(translation.notes)")
        #expect(translation.notes.contains { $0.contains("left out, so the origins they match are refused") })
        #expect(!translation.notes.contains { $0.contains("except the page's origin") })
    }

    /// flask-cors reads origins with `re.match` (anchored at the start, ignoring case); the policy's regex is searched
    /// anywhere, and an exact origin with regex characters in it is compared literally.
    @Test func flaskOriginsMatchWhatThePolicyMatches() throws {
        var policy = Self.policy
        policy.allowOrigins = .list([.regex(#"app\.example$"#)])
        let translation = try Self.translated(policy, "flask-cors")
        let server = ServerDefinition(behavior: .middleware(translation.configuration))
        #expect(try Self.outcome(server, page: appOrigin) == .allowed, "\(translation.notes)")
        #expect(try Self.outcome(server, page: "https://evil.example") != .allowed)
        guard case .flaskCORS(let options) = translation.configuration.preset else {
            Issue.record("flask-cors")
            return
        }
        #expect(options.origins == [#".*(?:app\.example$)"#])
        #expect(try Self.flaskOrigins(.exact("https://a(b).example")) == [#"^https://a\(b\)\.example$"#])
    }

    static func flaskOrigins(_ pattern: OriginPattern) throws -> [String] {
        var policy = Self.policy
        policy.allowOrigins = .list([pattern])
        guard case .flaskCORS(let options) = try Self.translated(policy, "flask-cors").configuration.preset else {
            return []
        }
        return options.origins
    }

    /// A policy's `Access-Control-Allow-Headers: *` covers every name but Authorization (and nothing with
    /// credentials): flask-cors and Spring, which echo the names, say what they allow.
    @Test func wildcardHeadersAreNotAuthorization() throws {
        var policy = Self.policy
        policy.allowCredentials = false
        policy.allowHeaders = .wildcard
        let flask = try Self.translated(policy, "flask-cors")
        guard case .flaskCORS(let options) = flask.configuration.preset else {
            Issue.record("flask-cors")
            return
        }
        #expect(options.allowHeaders == ["(?!authorization$).*"])
        let spring = try Self.translated(policy, "spring")
        #expect(spring.notes.contains { $0.hasPrefix("allowedHeaders \"*\" echoes the requested headers") })
    }

    @Test func wildcardWithCredentialsBecomesWhatEachMiddlewareAllows() throws {
        var policy = Self.policy
        policy.allowOrigins = .any
        for name in MiddlewarePreset.names {
            let translation = try Self.translated(policy, name)
            #expect(translation.configuration.preset.configurationError == nil, "\(name) starts")
        }
        let spring = try Self.translated(policy, "spring")
        #expect(spring.notes.first?.contains("allowedOriginPatterns") == true)
        let aspNet = try Self.translated(policy, "aspnet-core")
        #expect(aspNet.notes.first?.contains("SetIsOriginAllowed") == true)
    }

    @Test func aWildcardSubdomainBecomesAnAnchoredRegexWhereThereIsNoWildcard() throws {
        var policy = Self.policy
        policy.allowOrigins = .list([OriginPattern.parse("https://*.example.com")])
        let express = try Self.translated(policy, "express-cors")
        let server = ServerDefinition(behavior: .middleware(express.configuration))
        #expect(try Self.outcome(server, page: "https://app.example.com") == .allowed)
        #expect(try Self.outcome(server, page: "https://example.com.evil.test") != .allowed)
        #expect(try Self.outcome(server, page: "https://evilexample.com") != .allowed)
    }

    /// Server behaviour a middleware decides for itself is named; nginx keeps it (`options_return`, the app).
    @Test func unroutedOptionsIsNotedOrKept() throws {
        var policy = Self.policy
        policy.optionsRouted = false
        policy.unroutedStatus = 405
        let express = try Self.translated(policy, "express-cors")
        #expect(
            express.notes == [
                "the policy does not route OPTIONS (405, no CORS headers), so its preflights fail; express cors "
                    + "answers them: this is the fix, not a copy of the bug"
            ])
        let nginx = try Self.translated(policy, "nginx")
        #expect(nginx.notes.isEmpty)
        #expect(nginx.configuration.app.optionsStatus == 405)
        guard case .nginx(let options) = nginx.configuration.preset else {
            Issue.record("nginx")
            return
        }
        #expect(options.optionsReturn == nil)
        let server = ServerDefinition(behavior: .middleware(nginx.configuration))
        #expect(
            try Self.outcome(server, page: appOrigin) == Self.outcome(.init(behavior: .policy(policy)), page: appOrigin)
        )
    }

    @Test func anUnknownPresetIsNil() {
        #expect(PresetTranslation(policy: Self.policy, presetName: "django", page: appOrigin) == nil)
    }
}
