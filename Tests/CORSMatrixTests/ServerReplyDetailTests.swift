import CORSCore
import CORSScenarios
import Testing

/// At `.verdict` detail a server answers exactly as at `.full` and builds no notes.
@Suite struct ServerReplyDetailTests {
    static let files = ScenarioLoader.scenarioFiles(in: MatrixTests.scenarioDirectory)

    /// Origins each scenario's server is asked from: the page's, an unlisted one, `null` and none.
    static func origins(_ scenario: Scenario) -> [String?] {
        [scenario.request.page.serialized, "https://attacker.example", "null", nil]
    }

    /// The preflight and the actual request of the scenario's request, sent from `origin` (nil: no `Origin`).
    static func requests(_ scenario: Scenario, origin: String?) -> [WireRequest] {
        let request = scenario.request
        let originField = origin.map { [HeaderField("Origin", $0)] } ?? []
        var preflightHeaders = originField + [HeaderField("Access-Control-Request-Method", request.method)]
        let names = request.headers.map { $0.name.lowercased() }.sorted()
        if !names.isEmpty {
            preflightHeaders.append(HeaderField("Access-Control-Request-Headers", names.joined(separator: ",")))
        }
        return [
            WireRequest(method: "OPTIONS", url: request.url, headers: preflightHeaders),
            WireRequest(method: request.method, url: request.url, headers: request.headers + originField),
        ]
    }

    /// Every request a full evaluation sends under each profile (redirect hops included).
    static func evaluatedRequests(_ scenario: Scenario) -> [WireRequest] {
        BrowserProfile.allCases.flatMap { browser in
            CORSEvaluator.evaluate(scenario.request, server: scenario.server, browser: browser).steps
                .filter { $0.response != nil }.map(\.request)
        }
    }

    @Test(arguments: files)
    func verdictRepliesAnswerAsFullOnesWithoutNotes(path: String) throws {
        let scenario = try ScenarioLoader.load(path: path)
        let wires =
            Self.origins(scenario).flatMap { Self.requests(scenario, origin: $0) } + Self.evaluatedRequests(scenario)
        for wire in wires {
            let full = PolicyResponder.reply(to: wire, server: scenario.server)
            let lean = PolicyResponder.reply(to: wire, server: scenario.server, detail: .verdict)
            #expect(lean.response == full.response, "\(wire.method) \(wire.headers)")
            #expect(lean.notes.isEmpty, "\(wire.method) \(wire.headers)")
            // Every server explains its answer at full detail, so a lost note shows here.
            #expect(!full.notes.isEmpty, "\(wire.method) \(wire.headers)")
        }
    }

    @Test(arguments: files)
    func verdictExchangesCarryNoServerNotes(path: String) throws {
        let scenario = try ScenarioLoader.load(path: path)
        for browser in BrowserProfile.allCases {
            let full = CORSEvaluator.evaluate(scenario.request, server: scenario.server, browser: browser)
            let lean = CORSEvaluator.evaluate(
                scenario.request, server: scenario.server, browser: browser, detail: .verdict)
            #expect(lean.steps.allSatisfy { $0.serverNotes.isEmpty }, "\(browser)")
            #expect(lean.steps.map(\.response) == full.steps.map(\.response), "\(browser)")
            #expect(full.steps.filter { $0.response != nil }.allSatisfy { !$0.serverNotes.isEmpty }, "\(browser)")
        }
    }
}
