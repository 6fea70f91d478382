import CORSCore
import CORSMatrix
import CORSScenarios
import Testing

@testable import CORSUI

/// The what-if matrix in the explorer: `M` shows and hides it, edits recompute it, PgUp/PgDn scroll it.
@Suite struct MatrixViewTests {
    static let finished = Duration.seconds(60)

    @Test func mKeyShowsAndHidesTheMatrix() throws {
        let state = try Fixtures.builtIn()
        #expect(!state.showsMatrix)
        let shown = expectTransition(from: state, on: .key(.character("M"))) {
            $0.matrix = AppState.matrix($0.scenario)
            $0.playback.mode = .finished
        }
        #expect(shown.render(at: .zero).text.contains("BLOCKED"), "the verdict shows without waiting for the lane")
        #expect(shown.matrix?.browser == state.scenario.browser)
        #expect(ScreenLayout(shown).matrix != nil && ScreenLayout(shown).info == nil)
        expectTransition(from: shown, on: .key(.character("M"))) { $0.matrix = nil }
        expectTransition(from: shown, on: .key(.escape)) { $0.matrix = nil }
    }

    @Test(arguments: [Key.character("b"), .character("R")])
    func reevaluatingRecomputesTheMatrix(key: Key) throws {
        var state = try Fixtures.state(named: "learner-22-reflect-any-with-credentials.yaml")
        press(.character("M"), in: &state)
        let before = try #require(state.matrix)
        press(key, in: &state)
        #expect(state.matrix == AppState.matrix(state.scenario))
        if key == .character("b") { #expect(state.matrix?.browser != before.browser) }
    }

    @Test func editingTheServerRecomputesTheMatrix() throws {
        var state = try Fixtures.state(named: "learner-22-reflect-any-with-credentials.yaml")
        press(.character("M"), in: &state)
        let reflecting = try #require(state.matrix)
        // Switching the server to raw headers freezes the answer for the page's origin: attackers are refused.
        press(.right, .character("m"), in: &state)
        let raw = try #require(state.matrix)
        #expect(raw == AppState.matrix(state.scenario))
        #expect(raw.passingCount < reflecting.passingCount)
    }

    @Test func aTextEditUpdatesTheMatrixWhenApplied() throws {
        var state = try Fixtures.builtIn()
        press(.character("M"), in: &state)
        let before = try #require(state.matrix)
        // Select the server's methods row and add PUT, which the built-in scenario's request needs.
        let methodsRow = try #require(state.serverRows.firstIndex { $0.id == .methods })
        press(.right, in: &state)
        for _ in 0..<methodsRow { press(.down, in: &state) }
        press(.enter, .end, in: &state)
        #expect(state.editing?.field == .methods)
        type(", PUT", in: &state)
        #expect(state.matrix == before, "a preview keystroke leaves the matrix alone")
        #expect(state.render(at: Self.finished).text.contains("as before this edit"))
        press(.enter, in: &state)
        #expect(state.editing == nil)
        let after = try #require(state.matrix)
        #expect(after == AppState.matrix(state.scenario))
        #expect(after.passingCount > before.passingCount)
    }

    @Test func pageKeysScrollTheMatrixWithinItsLines() throws {
        let state = try Fixtures.builtIn()
        var shown = state
        press(.character("M"), in: &shown)
        let limit = MatrixPane.maxScroll(shown)
        #expect(limit > 8, "at 80×24 the matrix needs scrolling")
        let down = expectTransition(from: shown, on: .key(.pageDown)) { $0.matrixScroll = 8 }
        expectTransition(from: down, on: .key(.pageUp)) { $0.matrixScroll = 0 }
        var bottom = down
        for _ in 0..<20 { press(.pageDown, in: &bottom) }
        #expect(bottom.matrixScroll == limit)
        #expect(bottom.render(at: Self.finished).text.contains("the scenario's own request"))
    }

    @Test func matrixAt80x24() throws {
        var state = try Fixtures.builtIn()
        press(.character("M"), in: &state)
        assertSnapshot(state.render(at: Self.finished).snapshot, named: "built-in-matrix-80x24")
        press(.pageDown, in: &state)
        assertSnapshot(state.render(at: Self.finished).snapshot, named: "built-in-matrix-80x24-scrolled")
    }

    @Test func matrixAt120x40() throws {
        var state = try Fixtures.state(
            named: "learner-22-reflect-any-with-credentials.yaml", size: Size(columns: 120, rows: 40))
        press(.character("M"), in: &state)
        assertSnapshot(state.render(at: Self.finished).snapshot, named: "learner-22-matrix-120x40")
    }

    @Test func matrixInASCII() throws {
        var state = try Fixtures.builtIn(display: DisplayOptions(usesColor: false, usesUnicode: false))
        press(.character("M"), in: &state)
        let text = state.render(at: Self.finished).text
        #expect(text.unicodeScalars.allSatisfy { $0.isASCII })
        #expect(text.contains("+"))
    }
}
