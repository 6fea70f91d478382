import CORSCore
import CORSExport
import CORSScenarios
import Foundation
import LiveServerSupport
import Testing

@testable import CORSServe

/// The fetch export run by headless Chromium on the page origin, against the scenario's loopback server: the
/// requests that arrive carry the CORS headers and the script's headers the evaluator predicts.
@Suite("fetch export in Chromium", .serialized)
struct FetchInChromiumTests {
    static let chromium = BrowserKind.chromium.installedProgram

    static let scenarios = [
        "walkthrough-03-acao-correct.yaml", "walkthrough-04-custom-header-no-acah.yaml",
        "walkthrough-05-put-no-acam.yaml", "rules-content-type-json-preflight.yaml",
        "learner-05-header-not-in-acah.yaml",
    ]

    @Test(.enabled(if: chromium != nil, "chromium is not installed"), .timeLimit(.minutes(1)), arguments: scenarios)
    func sameRequests(_ name: String) async throws {
        let scenario = try ExportFixtures.scenario(name)
        let exchange = scenario.evaluate(as: .chromium).first
        let plan = try ServePlan(scenario: scenario, ports: .ephemeral)
        let server = try await ScenarioServer.start(plan)
        let folder = try ScratchFolder.make("cors-export")
        let script = Exporter.export(scenario, as: .fetch, options: ExportOptions(browser: .chromium)).text
        try "<!doctype html><title>export</title><script>\n\(script)</script>\n".write(
            to: folder.appendingPathComponent("index.html"), atomically: true, encoding: .utf8)
        // The page origin is served by python's http.server with the exported script in its page.
        let port = try await FreePort.next()
        let page = try await LiveServer.start(
            executable: try Command.tool("python3", install: "python3"),
            arguments: ["-m", "http.server", String(port), "--bind", "127.0.0.1", "--directory", folder.path],
            port: port, folder: folder)
        let bound =
            server.bound.filter { $0.origin.role != .page } + [BoundOrigin(origin: plan.page, localPort: port)]
        let session = try BrowserSession(.chromium, url: plan.page.serialized + "/index.html", bound: bound)
        let expected = exchange.steps.filter { $0.kind != .preflightCacheHit }.map(\.request)
        for _ in 0..<200 where server.arrived.filter(\.isScenarioTraffic).count < expected.count {
            try await Task.sleep(for: .milliseconds(50))
        }
        // A moment more, so that a request the evaluator does not predict would show up too.
        try await Task.sleep(for: .milliseconds(300))
        let arrived = server.arrived.filter(\.isScenarioTraffic)
        await session.close()
        await page.stop()
        await server.stop()
        #expect(arrived.map(\.method) == expected.map(\.method), "\(name)")
        let compared =
            ["origin", "access-control-request-method", "access-control-request-headers", "content-type"]
            + scenario.request.headers.map(\.lowercasedName)
        for (arrival, wire) in zip(arrived, expected) {
            #expect(arrival.target == wire.url.pathAndQuery)
            for header in Set(compared) {
                #expect(
                    arrival.headers.values(named: header) == wire.headers.values(named: header),
                    "\(name): \(wire.method) \(header)")
            }
        }
    }
}
