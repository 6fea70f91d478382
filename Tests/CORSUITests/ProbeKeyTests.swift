import CORSCore
import CORSScenarios
import Testing

@testable import CORSUI

@Suite("P: a live probe of the current request")
struct ProbeKeyTests {
    static func state() throws -> AppState {
        var state = try Fixtures.builtIn(size: Size(columns: 120, rows: 40))
        state.playback.mode = .finished
        return state
    }

    @Test("P asks the loop to probe the request as the profile sends it; a second P while it runs does not")
    func start() throws {
        let state = try Self.state()
        let request = state.scenario.request
        let probing = expectTransition(
            from: state, on: .key(.character("P")), returns: .probe(request, state.scenario.browser)
        ) {
            $0.isProbing = true
            $0.message = "Probing \(request.method) \(request.url) from \(request.page.serialized)…"
        }
        expectTransition(from: probing, on: .key(.character("P"))) {
            $0.message = "The probe is still at work."
        }
        var moved = probing
        press(.down, in: &moved)
        #expect(moved.render(at: .zero).text.contains("Probing the real server with the request…"))
    }

    @Test("the recorded answers replace the server with a raw one, and R brings the scenario back")
    func recorded() throws {
        var state = try Self.state()
        _ = state.handle(.key(.character("P")), at: .zero)
        let server = ServerDefinition(
            behavior: .raw(
                preflight: nil,
                response: ServerResponse(
                    status: 200,
                    headers: [HeaderField("Access-Control-Allow-Origin", state.scenario.request.page.serialized)])))
        let before = state.scenario
        state.finishProbe(.recorded(server, account: "GET 200"))
        #expect(!state.isProbing)
        #expect(state.scenario.server == server)
        #expect(state.scenario.request == before.request)
        #expect(state.exchange == CORSEvaluator.evaluate(before.request, server: server, browser: before.browser))
        #expect(state.message == "Probe: GET 200; the server is now the real answers (R: back)")
        #expect(!state.messageIsError)
        #expect(state.render(at: .zero).text.contains("Probe: GET 200"))
        _ = state.handle(.key(.character("R")), at: .zero)
        #expect(state.scenario == before)
    }

    @Test("after a probe, m returns to the server the user had, as after a switch to raw headers")
    func backWithM() throws {
        var state = try Self.state()
        let before = state.scenario.server
        _ = state.handle(.key(.character("P")), at: .zero)
        let server = ServerDefinition(behavior: .raw(preflight: nil, response: ServerResponse(status: 200)))
        state.finishProbe(.recorded(server, account: "GET 200"))
        _ = state.handle(.key(.character("m")), at: .zero)
        #expect(state.scenario.server == before)
    }

    @Test("a failed probe is shown as an error and changes nothing else")
    func failed() throws {
        var state = try Self.state()
        _ = state.handle(.key(.character("P")), at: .zero)
        let before = state.scenario
        state.finishProbe(.failed("connection refused by api.example.com:80: nothing listens there"))
        #expect(!state.isProbing)
        #expect(state.scenario == before)
        #expect(state.message == "Probe failed: connection refused by api.example.com:80: nothing listens there")
        #expect(state.messageIsError)
    }
}
