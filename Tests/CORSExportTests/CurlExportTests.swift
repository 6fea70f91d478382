import CORSCore
import CORSExport
import CORSScenarios
import CORSServe
import Foundation
import LiveServerSupport
import Testing

/// The curl export run with bash against the scenario's own loopback server: what arrives is what the browser sends.
@Suite("curl exports", .serialized)
struct CurlExportTests {
    /// Library scenarios `serve` can run (http, no page-only tricks).
    static let servable: [String] = ExportFixtures.allNames.filter { name in
        guard let scenario = try? ExportFixtures.scenario(name) else { return false }
        return (try? ServePlan(scenario: scenario, ports: .everyOriginEphemeral)) != nil
    }

    @Test("the library has enough servable scenarios for this test")
    func enoughScenarios() {
        #expect(Self.servable.count >= 20)
    }

    @Test("the requests that arrive carry exactly the browser's headers", arguments: servable)
    func replay(_ name: String) async throws {
        let curl = try Command.tool("curl", install: "curl (apt-get install -y curl)")
        let scenario = try ExportFixtures.scenario(name)
        let exchange = scenario.evaluate().first
        let script = Exporter.export(scenario, as: .curl).text
        let server = try await ScenarioServer.start(try ServePlan(scenario: scenario, ports: .everyOriginEphemeral))
        let folder = try ScratchFolder.make("cors-export")
        defer { try? FileManager.default.removeItem(at: folder) }
        // A `curl` first on the PATH that sends every host of the scenario to its loopback listener.
        let connectTo = server.bound.map {
            "--connect-to '\($0.origin.host):\($0.origin.port):127.0.0.1:\($0.localPort)'"
        }
        let wrapper = "#!/bin/sh\nexec '\(curl)' -s --max-time 5 \(connectTo.joined(separator: " ")) \"$@\"\n"
        let wrapperURL = folder.appendingPathComponent("curl")
        try wrapper.write(to: wrapperURL, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: wrapperURL.path)
        let scriptURL = folder.appendingPathComponent("export.sh")
        try script.write(to: scriptURL, atomically: true, encoding: .utf8)
        let path = folder.path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        let run = try await Command.run("/bin/bash", [scriptURL.path], environment: ["PATH": path])
        let arrived = server.arrived.filter(\.isScenarioTraffic)
        await server.stop()
        #expect(run.status == 0, "\(run.error)")
        let sent = exchange.steps.filter { $0.kind != .preflightCacheHit }.map(\.request)
        #expect(arrived.count == sent.count, "\(arrived.map(\.method)) vs \(sent.map(\.method))")
        for (arrival, wire) in zip(arrived, sent) {
            #expect(arrival.method == wire.method)
            #expect(arrival.target == wire.url.pathAndQuery)
            let headers = arrival.headers.filter { $0.lowercasedName != "content-length" }
            #expect(headers == wire.headers, "\(wire.method) \(wire.url)")
            if let body = exchange.prepared?.body, wire.method != "GET", wire.method != "HEAD",
                wire.method != "OPTIONS"
            {
                #expect(arrival.headers.values(named: "Content-Length") == ["\(body.utf8.count)"])
            }
        }
    }

    @Test("a request refused before sending is a comment, not a command")
    func refusedBeforeSending() throws {
        let scenario = try ExportFixtures.scenario("rules-forbidden-method-trace.yaml")
        let exchange = scenario.evaluate().first
        #expect(exchange.steps.isEmpty)
        let script = Exporter.export(scenario, as: .curl).text
        #expect(!script.contains("\ncurl "))
        #expect(script.contains("# The browser sends nothing"))
    }

    @Test(
        "POSIX sh single quotes survive every character",
        arguments: ["it's", "a'b'c", "$(id) `id` \\ \"", "semi;colon & amp | pipe", "\u{1B}[31mred\u{7}"])
    func shellQuoting(_ value: String) async throws {
        var request = BrowserRequest(
            page: try Origin.parse("http://app.example.com"), url: try ParsedURL.parse("http://api.example.com/x"))
        request.headers = [HeaderField("X-Value", value)]
        let scenario = Scenario(
            title: "quoting", request: request,
            server: ServerDefinition(behavior: .policy(CORSPolicy(allowOrigins: .any, allowHeaders: .wildcard))))
        let script = Exporter.export(scenario, as: .curl).text
        // Print the arguments instead of sending them.
        let printing = "curl() { for a in \"$@\"; do printf '%s\\n' \"$a\"; done; }\n" + script
        #expect(!script.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 }, "raw controls")
        let run = try await Command.run("/bin/sh", ["-c", printing])
        #expect(run.output.split(separator: "\n").contains { $0 == "X-Value: \(value)" })
    }
}
