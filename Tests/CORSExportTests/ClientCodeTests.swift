import CORSCore
import CORSExport
import CORSScenarios
import Foundation
import LiveServerSupport
import Testing

/// The fetch and XHR exports are valid JavaScript (`node --check`), and their strings hold exactly the values.
@Suite("fetch and XHR exports")
struct ClientCodeTests {
    static let node = Command.which("node")

    @Test(
        "every library scenario gives JavaScript node accepts", .enabled(if: node != nil, "node is not installed"),
        arguments: ExportFixtures.allNames)
    func syntax(_ name: String) async throws {
        let node = try #require(Self.node)
        let scenario = try ExportFixtures.scenario(name)
        let folder = try ScratchFolder.make("cors-export")
        defer { try? FileManager.default.removeItem(at: folder) }
        for kind in [ExportKind.fetch, .xhr, .express] {
            let file = folder.appendingPathComponent("\(kind.rawValue).js")
            try Exporter.export(scenario, as: kind).text.write(to: file, atomically: true, encoding: .utf8)
            let run = try await Command.run(node, ["--check", file.path])
            #expect(run.status == 0, "\(kind.rawValue): \(run.error)")
        }
    }

    @Test(
        "JavaScript strings hold exactly the header values and body", .enabled(if: node != nil, "node is not installed")
    )
    func strings() async throws {
        let node = try #require(Self.node)
        let tricky = "it's \"quoted\" \\ back\nline\u{2028}sep </script> ${x}"
        var request = BrowserRequest(
            page: try Origin.parse("http://app.example.com"), url: try ParsedURL.parse("http://api.example.com/x"))
        request.method = "POST"
        request.headers = [HeaderField("X-A", "1"), HeaderField("X-B", tricky)]
        request.body = tricky
        let scenario = Scenario(
            title: tricky, request: request, server: ServerDefinition(behavior: .policy(CORSPolicy())))
        // Run the fetch export with a fetch that prints what it was given.
        let stub = """
            globalThis.fetch = (url, init) => {
              console.log(JSON.stringify({ url, headers: init.headers, body: init.body }));
              return new Promise(() => {});
            };

            """
        let folder = try ScratchFolder.make("cors-export")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("fetch.js")
        try (stub + Exporter.export(scenario, as: .fetch).text).write(to: file, atomically: true, encoding: .utf8)
        let run = try await Command.run(node, [file.path])
        #expect(run.status == 0, "\(run.error)")
        let printed = try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any]
        #expect(printed?["url"] as? String == "http://api.example.com/x")
        #expect(printed?["body"] as? String == tricky)
        #expect((printed?["headers"] as? [[String]]) == [["X-A", "1"], ["X-B", tricky]])
    }

    @Test("a repeated request is said to be repeated", arguments: [ExportKind.curl, .fetch, .xhr])
    func repeated(_ kind: ExportKind) throws {
        let scenario = try ExportFixtures.scenario("walkthrough-06-max-age-cached.yaml")
        let after = try #require(scenario.repeatAfter)
        #expect(Exporter.export(scenario, as: kind).text.contains("again \(Int(after)) s later"))
    }

    @Test("XHR: withCredentials, the headers in order, and the upload listener")
    func xhrShape() throws {
        let scenario = try ExportFixtures.scenario("xhr-upload-listener-preflight.yaml")
        let text = Exporter.export(scenario, as: .xhr).text
        #expect(text.contains("xhr.upload.addEventListener('progress'"))
        let include = try ExportFixtures.scenario("walkthrough-10-credentials-exact-origin.yaml")
        #expect(Exporter.export(include, as: .xhr).text.contains("xhr.withCredentials = true;"))
        #expect(Exporter.export(include, as: .fetch).text.contains("credentials: 'include',"))
    }
}
