import CORSCore
import CORSLint
import CORSScenarios
import Foundation
import Testing

/// The lint on the library's scenarios about risky policies.
@Suite struct ScenarioLibraryLintTests {
    static let scenarioDirectory: String = {
        let testFile = URL(fileURLWithPath: #filePath)
        return testFile.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("scenarios").path
    }()

    static func findings(_ name: String) throws -> [LintFinding] {
        let scenario = try ScenarioLoader.load(path: scenarioDirectory + "/" + name)
        return PolicyLinter.findings(server: scenario.server, request: scenario.request, browser: scenario.browser)
    }

    @Test func reflectAnyWithCredentialsIsCritical() throws {
        let findings = try Self.findings("learner-22-reflect-any-with-credentials.yaml")
        #expect(findings.map(\.rule) == [.anyOriginWithCredentials])
        let demo = try #require(findings.first?.demonstration)
        #expect(demo.attackerOrigin == "https://evil.com")
        #expect(demo.sendsCredentials)
        #expect(demo.summary.contains("can read responses with the user's cookies"))
    }

    @Test func unanchoredRegexLetsLookAlikesIn() throws {
        let findings = try Self.findings("learner-23-unanchored-origin-regex.yaml")
        let first = try #require(findings.first)
        #expect(first.rule == .suffixWithoutLabelBoundary)
        #expect(first.severity == .high)
        #expect(first.demonstration?.attackerOrigin == "https://attackerexample.com")
        #expect(first.demonstration?.sendsCredentials == true)
        // The same regex also accepts any subdomain, and any scheme.
        #expect(findings.contains { $0.rule == .anySubdomainTrusted })
        #expect(findings.contains { $0.rule == .insecureOriginTrusted })
        #expect(!findings.contains { $0.rule == .unescapedDot }, "the dots are escaped")
    }

    @Test func patternInTheHeaderIsInvalid() throws {
        let findings = try Self.findings("trap-acao-wildcard-subdomain.yaml")
        #expect(findings.map(\.rule) == [.invalidAllowOriginValue])
        #expect(findings.first?.severity == .medium)
        #expect(findings.first?.explanation.contains("*.example.com") == true)
    }

    @Test(arguments: [
        ("learner-07-wildcard-with-credentials.yaml", LintRule.wildcardOriginWithCredentials),
        ("learner-12-duplicate-acao-proxy-and-app.yaml", .multipleAllowOriginValues),
        ("learner-20-stale-preflight-cache.yaml", .maxAgeBeyondBrowserCaps),
        ("learner-21-missing-vary-origin.yaml", .missingVaryOrigin),
        ("rules-opaque-origin-null-allowed.yaml", .nullOriginAllowed),
        ("rules-authorization-acah-star.yaml", .authorizationNotCoveredByWildcard),
    ])
    func libraryScenarioGivesItsFinding(_ name: String, _ rule: LintRule) throws {
        let findings = try Self.findings(name)
        #expect(findings.contains { $0.rule == rule }, "\(findings.map(\.ruleID))")
    }
}
