import CORSCore
import CORSLint
import Testing

/// `PolicyLinter.probeOrigins`: the attacker origins the lint tries, for other tools (the what-if matrix) to reuse.
@Suite struct ProbeOriginTests {
    @Test func theProbesAreTheLintsAttackersWithoutTheTrustedOrigins() throws {
        let extra = "https://admin.example.com"
        let server = LintFixtures.list([
            .exact(extra), .subdomainWildcard(scheme: "https", baseHost: "example.org", port: nil),
        ])
        let probes = PolicyLinter.probeOrigins(server: server, request: try LintFixtures.request())
        let serialized = probes.map(\.serialized)
        #expect(!serialized.contains(LintFixtures.page))
        #expect(!serialized.contains(extra))
        #expect(Set(serialized).count == serialized.count, "no repeats")
        for expected in [
            "https://evil.com", "https://evilexample.com", "https://example.com.evil.net", "https://examplexcom",
            "https://evil.example.com", "https://evil.example.org", "http://app.example.com",
            "https://attacker.github.io",
            "http://localhost:3000",
        ] {
            #expect(serialized.contains(expected), "\(expected) in \(serialized)")
        }
    }

    @Test func aNonHTTPAPIHasNoProbes() throws {
        let request = try LintFixtures.request(url: "data:text/plain,hi")
        #expect(PolicyLinter.probeOrigins(server: LintFixtures.list([]), request: request).isEmpty)
    }
}
