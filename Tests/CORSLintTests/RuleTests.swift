import CORSCore
import CORSLint
import Testing

/// Every rule fires on a minimal bad server, with the right severity, and its demonstration is real.
@Suite struct RuleTests {
    static let cases: [LintCase] = [
        LintCase(
            name: "reflect any origin with credentials",
            server: LintFixtures.policy(CORSPolicy(allowOrigins: .reflectAny, allowCredentials: true)),
            rule: .anyOriginWithCredentials, severity: .critical, demonstrated: true),
        LintCase(
            name: "a regex that accepts anything, with credentials",
            server: LintFixtures.list([.regex("example")]),
            rule: .anyOriginWithCredentials, severity: .critical, demonstrated: true),
        LintCase(
            name: "* on a public API", server: LintFixtures.policy(CORSPolicy(allowOrigins: .any)),
            rule: .anyOriginWithoutCredentials, severity: .info, demonstrated: true),
        LintCase(
            name: "* on a private-network API", server: LintFixtures.policy(CORSPolicy(allowOrigins: .any)),
            page: "http://portal.example.com", url: "http://10.0.0.5/admin", rule: .anyOriginWithoutCredentials,
            severity: .medium, demonstrated: true),
        LintCase(
            name: "null in the allow-list", server: LintFixtures.list([.exact("null")]),
            rule: .nullOriginAllowed, severity: .high, demonstrated: true),
        LintCase(
            name: "null without credentials", server: LintFixtures.list([.exact("null")], credentials: false),
            rule: .nullOriginAllowed, severity: .low, demonstrated: true),
        LintCase(
            name: "regex without $", server: LintFixtures.list([.regex(#"^https://app\.example\.com"#)]),
            rule: .unanchoredOriginEnd, severity: .high, demonstrated: true),
        LintCase(
            name: "regex with an unescaped dot", server: LintFixtures.list([.regex(#"^https://app.example\.com$"#)]),
            rule: .unescapedDot, severity: .high, demonstrated: true),
        LintCase(
            name: "suffix match without a dot", server: LintFixtures.list([.regex(#"example\.com$"#)]),
            rule: .suffixWithoutLabelBoundary, severity: .high, demonstrated: true),
        LintCase(
            name: "regex without ^ that no probe gets past",
            server: LintFixtures.list([.regex(#"https://app\.example\.com$"#)]),
            rule: .regexNotAnchored, severity: .low, demonstrated: false),
        LintCase(
            name: "http twin of the trusted origin", server: LintFixtures.list([.exact("http://app.example.com")]),
            rule: .insecureOriginTrusted, severity: .medium, demonstrated: true),
        LintCase(
            name: "wildcard subdomains", server: LintFixtures.list([.parse("https://*.example.com")]),
            rule: .anySubdomainTrusted, severity: .low, demonstrated: true),
        LintCase(
            name: "every github.io page", server: LintFixtures.list([.parse("https://*.github.io")]),
            rule: .sharedHostingOrigin, severity: .medium, demonstrated: true),
        LintCase(
            name: "localhost in a production list", server: LintFixtures.list([.exact("http://localhost:4200")]),
            rule: .sharedHostingOrigin, severity: .medium, demonstrated: true),
        LintCase(
            name: "raw * with credentials",
            server: LintFixtures.raw([
                HeaderField("Access-Control-Allow-Origin", "*"),
                HeaderField("Access-Control-Allow-Credentials", "true"),
            ]),
            rule: .wildcardOriginWithCredentials, severity: .medium, demonstrated: false),
        LintCase(
            name: "policy * with credentials",
            server: LintFixtures.policy(CORSPolicy(allowOrigins: .any, allowCredentials: true)),
            rule: .wildcardOriginWithCredentials, severity: .medium, demonstrated: false),
        LintCase(
            name: "two Access-Control-Allow-Origin lines",
            server: LintFixtures.raw([
                HeaderField("Access-Control-Allow-Origin", "*"), HeaderField("Access-Control-Allow-Origin", "*"),
            ]),
            rule: .multipleAllowOriginValues, severity: .medium, demonstrated: false),
        LintCase(
            name: "a comma list of origins",
            server: LintFixtures.raw([
                HeaderField("Access-Control-Allow-Origin", "https://app.example.com, https://admin.example.com")
            ]),
            rule: .multipleAllowOriginValues, severity: .medium, demonstrated: false),
        LintCase(
            name: "a pattern as the header value",
            server: LintFixtures.raw([HeaderField("Access-Control-Allow-Origin", "*.example.com")]),
            rule: .invalidAllowOriginValue, severity: .medium, demonstrated: false),
        LintCase(
            name: "an origin with a trailing slash",
            server: LintFixtures.raw([HeaderField("Access-Control-Allow-Origin", "https://app.example.com/")]),
            rule: .invalidAllowOriginValue, severity: .medium, demonstrated: false),
        LintCase(
            name: "an allow-list without Vary",
            server: LintFixtures.policy(
                CORSPolicy(allowOrigins: .list([.exact(LintFixtures.page)]), varyOrigin: false)),
            rule: .missingVaryOrigin, severity: .medium, demonstrated: false),
        LintCase(
            name: "a fixed origin without Vary",
            server: LintFixtures.raw([HeaderField("Access-Control-Allow-Origin", LintFixtures.page)]),
            rule: .missingVaryOrigin, severity: .info, demonstrated: false),
        LintCase(
            name: "request headers mirrored",
            server: LintFixtures.policy(
                CORSPolicy(allowOrigins: .list([.exact(LintFixtures.page)]), allowHeaders: .mirror)),
            rule: .requestHeadersMirrored, severity: .info, demonstrated: false),
        LintCase(
            name: "Allow-Methods * with credentials",
            server: LintFixtures.policy(
                CORSPolicy(
                    allowOrigins: .list([.exact(LintFixtures.page)]), allowMethods: ["*"], allowCredentials: true)),
            rule: .wildcardListWithCredentials, severity: .low, demonstrated: false),
        LintCase(
            name: "Expose-Headers * with credentials",
            server: LintFixtures.policy(
                CORSPolicy(
                    allowOrigins: .list([.exact(LintFixtures.page)]), exposeHeaders: ["*"], allowCredentials: true)
            ),
            rule: .wildcardListWithCredentials, severity: .low, demonstrated: false),
        LintCase(
            name: "Allow-Headers * and Authorization",
            server: LintFixtures.policy(
                CORSPolicy(allowOrigins: .list([.exact(LintFixtures.page)]), allowHeaders: .wildcard)),
            rule: .authorizationNotCoveredByWildcard, severity: .low, demonstrated: false),
        LintCase(
            name: "raw preflight with Allow-Headers *",
            server: LintFixtures.raw(
                [HeaderField("Access-Control-Allow-Origin", "*")],
                preflight: [
                    HeaderField("Access-Control-Allow-Origin", "*"), HeaderField("Access-Control-Allow-Headers", "*"),
                ]),
            rule: .authorizationNotCoveredByWildcard, severity: .low, demonstrated: false),
        LintCase(
            name: "a day of Max-Age",
            server: LintFixtures.policy(CORSPolicy(allowOrigins: .list([.exact(LintFixtures.page)]), maxAge: 86400)),
            rule: .maxAgeBeyondBrowserCaps, severity: .info, demonstrated: false),
        LintCase(
            name: "raw Max-Age over Chromium's cap",
            server: LintFixtures.raw(
                [HeaderField("Access-Control-Allow-Origin", LintFixtures.page), HeaderField("Vary", "Origin")],
                preflight: [
                    HeaderField("Access-Control-Allow-Origin", LintFixtures.page), HeaderField("Vary", "Origin"),
                    HeaderField("Access-Control-Max-Age", "10000"),
                ]),
            rule: .maxAgeBeyondBrowserCaps, severity: .info, demonstrated: false),
    ]

    @Test(arguments: cases)
    func ruleFiresWithItsSeverity(_ testCase: LintCase) throws {
        let request = try LintFixtures.request(page: testCase.page, url: testCase.url)
        let findings = PolicyLinter.findings(server: testCase.server, request: request)
        let finding = try #require(
            findings.first { $0.rule == testCase.rule },
            "found only \(findings.map(\.ruleID)) for \(testCase.name)")
        #expect(finding.severity == testCase.severity)
        #expect(finding.ruleID == testCase.rule.rawValue)
        #expect(!finding.title.isEmpty && !finding.explanation.isEmpty && !finding.fix.isEmpty)
        #expect((finding.demonstration != nil) == testCase.demonstrated)
    }

    @Test(arguments: cases.filter(\.demonstrated))
    func demonstrationReallyGetsInAndTheTrustedOriginStillDoes(_ testCase: LintCase) throws {
        let request = try LintFixtures.request(page: testCase.page, url: testCase.url)
        let findings = PolicyLinter.findings(server: testCase.server, request: request)
        let demo = try #require(findings.first { $0.rule == testCase.rule }?.demonstration)
        #expect(demo.request.page != request.page, "the attacker is not the trusted page")
        #expect(demo.outcome == .allowed)
        // Evaluate the demonstration's request again: the lint's claim is the evaluator's verdict.
        let again = CORSEvaluator.evaluate(demo.request, server: testCase.server, browser: demo.browser)
        #expect(again.verdict.outcome == .allowed)
        #expect(again.isCrossOrigin)
        #expect(again.finalActual?.includesCredentials == demo.sendsCredentials)
        if testCase.severity >= .high {
            #expect(demo.sendsCredentials, "a high or critical finding reads with the user's cookies")
        }
        var trusted = demo.request
        trusted.page = request.page
        let trustedExchange = CORSEvaluator.evaluate(trusted, server: testCase.server, browser: demo.browser)
        #expect(trustedExchange.verdict.outcome == .allowed, "the trusted origin still gets in")
    }

    @Test func severitiesAreOrdered() {
        #expect(LintSeverity.allCases.sorted() == [.info, .low, .medium, .high, .critical])
        #expect(LintSeverity.high > .medium)
    }

    @Test func everyRuleHasATestCase() {
        let covered = Set(Self.cases.map(\.rule))
        #expect(covered == Set(LintRule.allCases))
    }
}
