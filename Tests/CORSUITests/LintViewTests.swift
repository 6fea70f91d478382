import CORSCore
import CORSLint
import CORSScenarios
import Testing

@testable import CORSUI

/// The lint in the explorer: findings follow the edited server, and `L` / Esc show and hide them.
@Suite struct LintViewTests {
    @Test func findingsAreComputedWithTheState() throws {
        let state = try Fixtures.state(named: "learner-22-reflect-any-with-credentials.yaml")
        #expect(state.findings.map(\.rule) == [.anyOriginWithCredentials])
        let builtIn = try Fixtures.builtIn()
        #expect(builtIn.findings.isEmpty)
    }

    @Test func editingTheServerRecomputesTheFindings() throws {
        var state = try Fixtures.state(named: "learner-22-reflect-any-with-credentials.yaml")
        // Switching the server to raw headers freezes the answer for the page's origin: nobody else gets in.
        press(.right, .character("m"), in: &state)
        guard case .raw = state.scenario.server.behavior else {
            Issue.record("m switches the server to raw headers")
            return
        }
        #expect(!state.findings.contains { $0.rule == .anyOriginWithCredentials })
        press(.character("m"), in: &state)
        #expect(state.findings.map(\.rule) == [.anyOriginWithCredentials])
    }

    @Test func lKeyTogglesAndEscapeHides() throws {
        var state = try Fixtures.builtIn()
        #expect(!state.showsLint)
        #expect(ScreenLayout(state).info == nil, "at 80×24 with an editor focused, no detail pane")
        press(.character("L"), in: &state)
        #expect(state.showsLint)
        #expect(ScreenLayout(state).info != nil, "the lint opens the detail pane")
        #expect(state.render(at: .seconds(60)).text.contains("Lint · no findings"))
        press(.character("L"), in: &state)
        #expect(!state.showsLint)
        press(.character("L"), .escape, in: &state)
        #expect(!state.showsLint)
    }
}

/// The lint pane scrolls with ↑↓ (PgUp/PgDn, Home/End) while the exchange pane has the keyboard.
@Suite struct LintScrollTests {
    static func shown() throws -> AppState {
        var state = try Fixtures.state(named: "learner-23-unanchored-origin-regex.yaml")
        state.playback.mode = .finished
        press(.character("L"), .tab, .tab, in: &state)
        #expect(state.focus == .exchange)
        return state
    }

    @Test func downScrollsAndStopsAtTheLastPage() throws {
        let state = try Self.shown()
        let down = expectTransition(from: state, on: .key(.down)) { $0.lintScroll = 1 }
        #expect(down.render(at: .seconds(60)).text.contains("↑ more"))
        var end = down
        press(.end, in: &end)
        let last = end.lintScroll
        #expect(last > 1)
        expectTransition(from: end, on: .key(.down))
        #expect(!end.render(at: .seconds(60)).lines[19].contains("↓ more"), "nothing below the last page")
        assertSnapshot(end.render(at: .seconds(60)).snapshot, named: "learner-23-80x24-lint-end")
        var top = end
        press(.home, in: &top)
        #expect(top.lintScroll == 0)
        expectTransition(from: top, on: .key(.up))
    }

    @Test func hidingTheLintForgetsTheScroll() throws {
        var state = try Self.shown()
        press(.down, in: &state)
        expectTransition(from: state, on: .key(.character("L"))) {
            $0.showsLint = false
            $0.lintScroll = 0
        }
    }
}
