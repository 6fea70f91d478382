import CORSCore
import CORSLint
import Testing

/// Well-configured servers give no finding.
@Suite struct CleanPolicyTests {
    static let cleanServers: [(String, ServerDefinition)] = [
        (
            "an exact list with credentials",
            LintFixtures.policy(
                CORSPolicy(
                    allowOrigins: .list([.exact(LintFixtures.page), .exact("https://admin.example.com")]),
                    allowMethods: ["GET", "POST", "PUT"], allowHeaders: .list(["Content-Type", "Authorization"]),
                    exposeHeaders: ["X-Request-Id"], allowCredentials: true, maxAge: 600))
        ),
        (
            "an anchored, escaped regex",
            LintFixtures.list([.regex(#"^https://(app|admin)\.example\.com$"#)])
        ),
        (
            "raw headers that echo the page with Vary",
            LintFixtures.raw([
                HeaderField("Access-Control-Allow-Origin", LintFixtures.page),
                HeaderField("Access-Control-Allow-Credentials", "true"), HeaderField("Vary", "Origin"),
            ])
        ),
        ("no CORS at all", LintFixtures.raw([HeaderField("Content-Type", "application/json")])),
    ]

    @Test(arguments: cleanServers.map(\.0))
    func noFinding(_ name: String) throws {
        let server = try #require(Self.cleanServers.first { $0.0 == name }?.1)
        let findings = PolicyLinter.findings(server: server, request: try LintFixtures.request())
        #expect(findings.isEmpty, "\(findings.map(\.ruleID))")
    }

    @Test func findingsAreSortedMostSevereFirst() throws {
        let server = LintFixtures.policy(
            CORSPolicy(allowOrigins: .reflectAny, allowHeaders: .wildcard, allowCredentials: true, maxAge: 90000))
        let findings = PolicyLinter.findings(server: server, request: try LintFixtures.request())
        #expect(findings.map(\.severity) == findings.map(\.severity).sorted(by: >))
        #expect(findings.first?.rule == .anyOriginWithCredentials)
        #expect(PolicyLinter.highestSeverity(of: findings) == .critical)
        #expect(PolicyLinter.highestSeverity(of: []) == nil)
    }

    @Test func anyOriginSubsumesThePatternRules() throws {
        let server = LintFixtures.policy(CORSPolicy(allowOrigins: .reflectAny, allowCredentials: true))
        let rules = PolicyLinter.findings(server: server, request: try LintFixtures.request()).map(\.rule)
        #expect(rules == [.anyOriginWithCredentials])
    }
}
