import CORSCore
import CORSScenarios
import Testing

@testable import CORSUI

/// The server editor's presets: switching policy → raw → each preset → back, editing an option, refusals, `w`.
@Suite struct PresetEditorTests {
    static let finished = Duration.seconds(60)

    /// The built-in scenario with the server editor's `Server` row selected.
    static func onServerKind() throws -> AppState {
        var state = try HandleTests.builtIn()
        state.focus = .server
        state.serverRow = 0
        return state
    }

    static func configuration(_ state: AppState) throws -> MiddlewareConfiguration {
        guard case .middleware(let configuration) = state.scenario.server.behavior else {
            throw InputError("the server is not a preset")
        }
        return configuration
    }

    /// The built-in scenario switched to `name` (policy → raw → presets in order).
    static func switched(to name: String) throws -> AppState {
        var state = try onServerKind()
        press(.enter, in: &state)
        for preset in MiddlewarePreset.names {
            press(.enter, in: &state)
            if preset == name { break }
        }
        #expect(try configuration(state).preset.name == name)
        return state
    }

    @Test func enterCyclesPolicyRawEachPresetAndBackToThePolicy() throws {
        let state = try Self.onServerKind()
        let policy = try HandleTests.policy(state)
        var current = state
        press(.enter, in: &current)
        #expect(current.serverRows.first?.value == "raw headers")
        var seen: [String] = []
        for name in MiddlewarePreset.names {
            let translation = try #require(
                PresetTranslation(
                    policy: policy, presetName: name, page: state.scenario.request.page.serialized,
                    requestedHeaders: ["content-type", "x-request-id"]))
            let before = current
            current = expectTransition(from: before, on: .key(.enter)) {
                $0.scenario.server.behavior = .middleware(translation.configuration)
                if let previous = seen.last, case .middleware(let left) = before.scenario.server.behavior {
                    $0.serverMemory.savedPresets[previous] = left
                }
                $0.message =
                    translation.notes.isEmpty
                    ? "\(name): translated from the policy"
                    : "From the policy: " + translation.notes.joined(separator: "; ")
                $0.reevaluate()
            }
            #expect(current.serverRows.first == FormRow(id: .serverKind, label: "Server", value: name, kind: .choice))
            #expect(current.render(at: Self.finished).text.contains("Server · \(name) preset"))
            seen.append(name)
        }
        #expect(current.serverMemory.savedPresets.count == MiddlewarePreset.names.count - 1)
        press(.enter, in: &current)
        #expect(current.scenario == state.scenario, "back to the policy the user had")
        #expect(current.message == "CORS policy")
        #expect(current.exchange == state.exchange)
    }

    @Test func aTranslationThatLosesSomethingSaysSoInTheStatusLine() throws {
        var state = try Self.onServerKind()
        state.scenario.server.behavior = .policy(
            CORSPolicy(allowOrigins: .list([.regex(#"^https://app\.example\.com$"#)])))
        state.reevaluate()
        press(.enter, in: &state)
        for _ in MiddlewarePreset.names.prefix(6) { press(.enter, in: &state) }
        #expect(try Self.configuration(state).preset.name == "vapor")
        #expect(
            state.message
                == "From the policy: Vapor has no wildcard or regex origins: "
                + #"/^https://app\.example\.com$/ left out, so the origins they match are refused except the page's "#
                + "origin https://app.example.com, listed in their place; Vapor's .any([...]) sends no Vary: Origin")
    }

    @Test func eachOptionIsARowWithTheMiddlewaresOwnName() throws {
        let state = try Self.switched(to: "express-cors")
        let values = state.serverRows.map(\.value)
        #expect(values.contains("origin: [\"https://app.example.com\"]"))
        #expect(values.contains("methods: \"GET,POST\""))
        #expect(values.contains("preflightContinue: false (default)"))
        #expect(values.contains("optionsSuccessStatus: 204 (default)"))
        #expect(values.contains("maxAge: 600"))
        let credentials = try HandleTests.row(.presetOption(.config, "credentials"), in: state)
        #expect(credentials.kind == .toggle)
        let maxAge = try HandleTests.row(.presetOption(.config, "maxAge"), in: state)
        #expect(maxAge.hint == "maxAge: seconds; 0 sends nothing; empty: the default, none")
    }

    @Test func editingAnOptionChangesThePresetAndTheExchange() throws {
        var state = try HandleTests.selecting(.presetOption(.config, "methods"), in: Self.switched(to: "express-cors"))
        #expect(state.exchange.verdict.outcome == .blocked, "PUT is not in methods")
        press(.enter, in: &state)
        #expect(state.editing?.text.text == "\"GET,POST\"")
        press(.end, in: &state)
        press(.backspace, in: &state)
        type(",PUT\"", in: &state)
        press(.enter, in: &state)
        #expect(state.editing == nil)
        guard case .expressCORS(let options) = try Self.configuration(state).preset else {
            Issue.record("still express")
            return
        }
        #expect(options.methods == "GET,POST,PUT")
        #expect(state.exchange.verdict.outcome == .allowed)
        #expect(state.serverRows.contains { $0.value == "  ACAM: GET,POST,PUT" }, "the Sends rows follow")
    }

    @Test func anInvalidOptionValueIsAnInlineErrorAndChangesNothing() throws {
        let state = try HandleTests.selecting(
            .presetOption(.config, "optionsSuccessStatus"), in: Self.switched(to: "express-cors"))
        var editing = state
        press(.enter, in: &editing)
        press(.end, .backspace, .backspace, .backspace, in: &editing)
        type("2000", in: &editing)
        let after = expectTransition(from: editing, on: .key(.enter)) {
            $0.message = "config.optionsSuccessStatus must be between 100 and 999, found 2000"
            $0.messageIsError = true
        }
        #expect(after.scenario == state.scenario)
        #expect(after.render(at: Self.finished).text.contains("must be between 100 and 999"))
    }

    @Test func aToggleTheMiddlewareRefusesAtStartUpIsAnError() throws {
        var state = try HandleTests.selecting(
            .presetOption(.config, "allow_origin"), in: Self.switched(to: "tower-http"))
        press(.enter, in: &state)
        press(.control("u"), in: &state)
        type("*", in: &state)
        press(.enter, in: &state)
        state = try HandleTests.selecting(.presetOption(.config, "allow_credentials"), in: state)
        let after = expectTransition(from: state, on: .key(.enter)) {
            $0.message =
                "tower-http panics at startup: Access-Control-Allow-Credentials: true cannot be combined with "
                + "allow_origin Any (*)"
            $0.messageIsError = true
        }
        #expect(after.scenario == state.scenario)
    }

    @Test func mTurnsAPresetIntoRawHeadersAndBackAsTheUserLeftIt() throws {
        var state = try HandleTests.selecting(
            .presetOption(.config, "credentials"), in: Self.switched(to: "express-cors"))
        press(.enter, in: &state)
        let edited = state.scenario
        let sent = try #require(state.exchange.preflight?.response)
        press(.character("m"), in: &state)
        guard case .raw(let preflight?, _) = state.scenario.server.behavior else {
            Issue.record("m switches to raw headers")
            return
        }
        #expect(preflight == sent)
        #expect(state.message == "Raw headers: starting from exactly what the express-cors sent; m switches back")
        press(.character("m"), in: &state)
        #expect(state.scenario == edited)
        #expect(state.message == "express-cors: as you left it")
    }

    @Test func nginxLinesAreHeaderRows() throws {
        var state = try Self.switched(to: "nginx")
        let lines = MiddlewareOptionEditor.headers(.config, in: try Self.configuration(state))
        #expect(lines.first == HeaderField("Access-Control-Allow-Origin", "https://app.example.com"))
        state = try HandleTests.selecting(.presetHeader(.config, "add_header", 0), in: state)
        press(.character("a"), in: &state)
        #expect(state.editing?.field == .addPresetHeader(.config, "add_header"))
        type("X-Debug: 1", in: &state)
        press(.enter, in: &state)
        #expect(
            MiddlewareOptionEditor.headers(.config, in: try Self.configuration(state)).last
                == HeaderField("X-Debug", "1"))
        state = try HandleTests.selecting(.addPresetHeader(.config, "add_header"), in: state)
        press(.enter, in: &state)
        #expect(state.editing?.text.text == "", "the add row starts empty")
        press(.escape, in: &state)
        state = try HandleTests.selecting(.presetHeader(.config, "add_header", 0), in: state)
        press(.character("d"), in: &state)
        #expect(MiddlewareOptionEditor.headers(.config, in: try Self.configuration(state)).count == lines.count)
    }

    /// `w` saves the edited preset, and the file reads back to the same scenario.
    @Test func writingAnEditedPresetRoundTrips() throws {
        for name in MiddlewarePreset.names {
            var state = try Self.switched(to: name)
            state = try HandleTests.selecting(.presetOption(.app, "status"), in: state)
            press(.enter, in: &state)
            type("201", in: &state)
            press(.enter, in: &state)
            #expect(try Self.configuration(state).app.status == 201, "\(name)")
            var saved = state
            let command = saved.handle(.key(.character("w")), at: .zero)
            #expect(command == .save(state.scenario))
            let text = ScenarioWriter.yaml(state.scenario)
            let loaded = try ScenarioLoader.parse(text, file: "\(name).yaml")
            #expect(loaded.server == state.scenario.server, "\(text)")
            #expect(loaded.request == state.scenario.request, "\(text)")
        }
    }

    @Test func sendsRowsShowWhatChanges() throws {
        let policy = try Self.onServerKind()
        let express = try Self.switched(to: "express-cors")
        let policySends = policy.serverRows.filter { if case .sent = $0.id { true } else { false } }.map(\.value)
        let expressSends = express.serverRows.filter { if case .sent = $0.id { true } else { false } }.map(\.value)
        #expect(policySends.first == "preflight: 204 No Content")
        #expect(policySends.contains("  ACAM: GET, POST"))
        #expect(expressSends.contains("  ACAM: GET,POST"))
        #expect(expressSends.contains("  Vary: Origin, Access-Control-Request-Headers") == false)
        #expect(policySends != expressSends)
    }

    // MARK: Snapshots

    @Test func presetEditorAt80x24() throws {
        var state = try Self.switched(to: "express-cors")
        state = try HandleTests.selecting(.presetOption(.config, "maxAge"), in: state)
        assertSnapshot(state.render(at: Self.finished).snapshot, named: "express-80x24")
    }

    @Test func presetEditorAt120x40() throws {
        var state = try Self.switched(to: "flask-cors")
        state.size = Size(columns: 120, rows: 40)
        state = try HandleTests.selecting(.presetOption(.config, "supports_credentials"), in: state)
        assertSnapshot(state.render(at: Self.finished).snapshot, named: "flask-120x40")
    }
}
