import Foundation
import Testing

extension EndToEndTests {
    /// `cors-explorer matrix`: the grid as text and JSON, and status 2 for a malformed file.
    @Suite("matrix")
    struct MatrixCommand {
        @Test("the text grid names the scenario's own cell and its failing check")
        func text() async throws {
            let file = ExplorerBinary.scenario("walkthrough-04-custom-header-no-acah.yaml")
            let result = try await ExplorerProcess.run(["matrix", file, "--width", "80"])
            #expect(result.status == .exited(0), "standard error: \(result.error)")
            #expect(result.output.contains("ACAH lacks x-custom-header"))
            #expect(result.output.contains("the scenario's own request: row 1, GET, scenario headers"))
            #expect(!result.output.contains("\u{1B}"), "plain text has no escape sequences")
        }

        @Test("JSON has one cell per origin and column")
        func json() async throws {
            let file = ExplorerBinary.scenario("learner-22-reflect-any-with-credentials.yaml")
            let result = try await ExplorerProcess.run(["matrix", file, "--format", "json", "--browser", "firefox"])
            #expect(result.status == .exited(0), "standard error: \(result.error)")
            let object = try #require(
                try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
            #expect(object["browser"] as? String == "firefox")
            let origins = try #require(object["origins"] as? [[String: Any]])
            let columns = try #require(object["columns"] as? [[String: Any]])
            let rows = try #require(object["rows"] as? [[[String: Any]]])
            #expect(rows.count == origins.count)
            #expect(rows.allSatisfy { $0.count == columns.count })
            #expect(object["cell_count"] as? Int == origins.count * columns.count)
            let cell = try #require(object["scenario_cell"] as? [String: Int])
            #expect(rows[0][cell["column"] ?? -1]["outcome"] as? String == "allowed")
        }

        @Test("a malformed file exits with status 2")
        func malformed() async throws {
            let folder = try TemporaryFolder()
            defer { folder.remove() }
            try folder.write("title: broken\nrequest: [", to: "broken.yaml")
            let result = try await ExplorerProcess.run(["matrix", folder.path("broken.yaml")])
            #expect(result.status == .exited(2))
            #expect(result.error.contains("broken.yaml"))
        }
    }
}
