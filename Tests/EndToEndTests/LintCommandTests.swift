import Foundation
import Testing

extension EndToEndTests {
    /// `cors-explorer lint`: its exit status says whether a finding is high or critical, or a file is malformed.
    @Suite("lint")
    struct LintCommand {
        @Test(
            "the exit status follows the most severe finding",
            arguments: [
                ("learner-22-reflect-any-with-credentials.yaml", 1, "any-origin-with-credentials"),
                ("learner-23-unanchored-origin-regex.yaml", 1, "suffix-without-label-boundary"),
                ("trap-acao-wildcard-subdomain.yaml", 0, "invalid-allow-origin-value"),
                ("walkthrough-03-acao-correct.yaml", 0, "no findings"),
            ])
        func exitStatus(_ file: String, _ status: Int32, _ expected: String) async throws {
            let result = try await ExplorerProcess.run(["lint", ExplorerBinary.scenario(file)])
            #expect(result.status == .exited(status), "standard error: \(result.error)")
            #expect(result.output.contains(expected))
            #expect(!result.output.contains("\u{1B}"), "plain text has no escape sequences")
        }

        @Test("JSON output carries the demonstration")
        func json() async throws {
            let file = ExplorerBinary.scenario("learner-22-reflect-any-with-credentials.yaml")
            let result = try await ExplorerProcess.run(["lint", "--format", "json", file])
            #expect(result.status == .exited(1))
            let object = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any]
            let files = try #require(object?["files"] as? [[String: Any]])
            let finding = try #require((files.first?["findings"] as? [[String: Any]])?.first)
            #expect(finding["rule"] as? String == "any-origin-with-credentials")
            #expect(finding["severity"] as? String == "critical")
            let demo = try #require(finding["demonstration"] as? [String: Any])
            #expect(demo["attacker_origin"] as? String == "https://evil.com")
            #expect(demo["outcome"] as? String == "allowed")
        }

        @Test("a malformed file exits with status 2")
        func malformed() async throws {
            let folder = try TemporaryFolder()
            defer { folder.remove() }
            try folder.write("title: broken\nrequest: [", to: "broken.yaml")
            let result = try await ExplorerProcess.run(["lint", folder.path("broken.yaml")])
            #expect(result.status == .exited(2))
            #expect(result.error.contains("broken.yaml"))
        }
    }
}
