import CORSCore
import CORSScenarios
import CORSServe
import Foundation
import Testing

@testable import CORSProbe

@Suite("The live probe against real servers")
struct LiveProbeTests {
    static let library = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("scenarios")

    static let scenarioFiles = ScenarioLoader.scenarioFiles(in: library.path).map {
        URL(fileURLWithPath: $0).lastPathComponent
    }

    /// A step without the server's reasoning (a raw server has its own notes).
    struct StepSummary: Equatable {
        var kind: StepKind
        var request: WireRequest
        var response: ServerResponse?
        var checks: [Check]
        var passed: Bool
    }

    static func summary(_ exchange: Exchange) -> [StepSummary] {
        exchange.steps.map {
            StepSummary(kind: $0.kind, request: $0.request, response: $0.response, checks: $0.checks, passed: $0.passed)
        }
    }

    /// Both transports in turn (a scenario's servers may use fixed ports): NIO, which probes http, and curl, which
    /// probes https and is checked here over plain http, where the library's servers listen.
    @Test(
        "probing a served library scenario, through NIO and through curl, explains it exactly as the evaluator does",
        arguments: scenarioFiles)
    func servedScenario(_ file: String) async throws {
        try await probeServed(file, throughCurl: false)
        try await probeServed(file, throughCurl: true)
    }

    /// The answer timeout is 60 s, not the CLI's 10: the whole suite runs in parallel with live servers and browsers
    /// whose tests wait synchronously, and a loaded run once kept a probe from being sent for 10 s.
    func probeServed(_ file: String, throughCurl: Bool) async throws {
        let scenario = try ScenarioLoader.load(path: Self.library.appendingPathComponent(file).path)
        guard let plan = try? ServePlan(scenario: scenario, ports: .everyOriginEphemeral) else { return }
        let server = try await ScenarioServer.start(plan)
        var connectTo: [String: ProbeClient.ConnectTarget] = [:]
        for bound in server.bound {
            connectTo["\(bound.origin.host):\(bound.origin.port)"] = ProbeClient.ConnectTarget(
                host: "127.0.0.1", port: bound.localPort)
        }
        let result: LiveProbe.Result
        do {
            if throughCurl {
                let curl = CurlTransport(timeout: .seconds(60), connectTo: connectTo)
                result = try await LiveProbe.run(scenario.request, browser: scenario.browser, client: curl)
            } else {
                let client = ProbeClient(timeout: .seconds(60), connectTo: connectTo)
                result = try await LiveProbe.run(scenario.request, browser: scenario.browser, client: client)
            }
        } catch {
            await server.stop()
            throw error
        }
        let arrived = server.arrived.filter(\.isScenarioTraffic)
        await server.stop()
        let expected = scenario.evaluate().first
        #expect(Self.summary(result.exchange) == Self.summary(expected))
        #expect(result.exchange.verdict == expected.verdict)
        let sent = expected.steps.filter { $0.kind != .preflightCacheHit }
        #expect(arrived.map(\.method) == sent.map(\.request.method))
        for (message, step) in zip(arrived, sent) {
            let body = step.kind == .actual ? expected.prepared?.body : nil
            #expect(message.headers == ProbeClient.wireHeaders(step.request, body: body))
        }
    }

    @Test("at least half the library is servable and probed")
    func coverage() throws {
        let servable = try Self.scenarioFiles.filter { file in
            let scenario = try ScenarioLoader.load(path: Self.library.appendingPathComponent(file).path)
            return (try? ServePlan(scenario: scenario, ports: .everyOriginEphemeral)) != nil
        }
        #expect(servable.count * 2 >= Self.scenarioFiles.count)
    }

    @Test("the recording loop sends only what the evaluator's exchange needs, and records redirects as redirects")
    func loop() async throws {
        let page = try Origin.parse("http://app.test")
        let request = BrowserRequest(
            page: page, url: try ParsedURL.parse("http://api.test/old"), method: "PUT")
        var sent: [String] = []
        let result = try await LiveProbe.run(request, browser: .chromium) { (wire, body) throws(ProbeError) in
            sent.append("\(wire.method) \(wire.url)")
            let cors = [
                HeaderField("Access-Control-Allow-Origin", "http://app.test"),
                HeaderField("Access-Control-Allow-Methods", "PUT"),
            ]
            if wire.method == "PUT" && wire.url.pathAndQuery == "/old" {
                return ServerResponse(status: 307, headers: [HeaderField("Location", "/new")] + cors)
            }
            return ServerResponse(status: wire.method == "OPTIONS" ? 204 : 200, headers: cors)
        }
        #expect(
            sent == [
                "OPTIONS http://api.test/old", "PUT http://api.test/old", "OPTIONS http://api.test/new",
                "PUT http://api.test/new",
            ])
        #expect(result.recording.redirects.map(\.location) == ["/new"])
        #expect(result.recording.redirects.first?.appliesToPreflight == false)
        #expect(result.exchange.verdict.outcome == .allowed)
        #expect(result.recording.notes.isEmpty)
    }

    @Test("a later preflight with a different answer keeps the first, and says so; a redirected preflight stops")
    func differingAnswers() async throws {
        let page = try Origin.parse("http://app.test")
        let request = BrowserRequest(page: page, url: try ParsedURL.parse("http://api.test/old"), method: "PUT")
        var preflights = 0
        let result = try await LiveProbe.run(request, browser: .chromium) { (wire, body) throws(ProbeError) in
            var headers = [
                HeaderField("Access-Control-Allow-Origin", "http://app.test"),
                HeaderField("Access-Control-Allow-Methods", "PUT"),
            ]
            if wire.method == "OPTIONS" {
                preflights += 1
                headers.append(HeaderField("X-Preflight", String(preflights)))
                return ServerResponse(status: 204, headers: headers)
            }
            if wire.url.pathAndQuery == "/old" {
                return ServerResponse(status: 302, headers: [HeaderField("Location", "/new")] + headers)
            }
            return ServerResponse(status: 200, headers: headers)
        }
        #expect(result.recording.messages.count == 4)
        #expect(
            result.recording.notes == [
                "the preflight to http://api.test/new got a different answer than the first; a scenario keeps one, "
                    + "the first"
            ])
        #expect(result.recording.preflight?.headers.last == HeaderField("X-Preflight", "1"))

        let redirected = try await LiveProbe.run(request, browser: .chromium) { (wire, body) throws(ProbeError) in
            ServerResponse(status: 301, headers: [HeaderField("Location", "/elsewhere")])
        }
        #expect(redirected.recording.messages.map(\.kind) == [.preflight])
        #expect(redirected.recording.redirects.first?.appliesToPreflight == true)
        #expect(redirected.exchange.verdict.outcome == .blocked)
    }
}
