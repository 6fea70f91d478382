import CORSCore
import CORSExport
import CORSScenarios
import Testing

@testable import CORSUI

/// `x`: the export chooser opens, moves, exports the edited scenario with Enter, and Esc cancels.
@Suite struct ExportChooserTests {
    @Test("x opens the chooser on the first kind")
    func opens() throws {
        let state = try Fixtures.builtIn()
        expectTransition(from: state, on: .key(.character("x"))) { $0.exportChooser = ExportChooser() }
    }

    @Test("arrows move the highlight and stop at the ends; other keys do nothing while it is open")
    func moves() throws {
        var state = try Fixtures.builtIn()
        press(.character("x"), in: &state)
        state = expectTransition(from: state, on: .key(.up))
        state = expectTransition(from: state, on: .key(.down)) { $0.exportChooser?.selection = 1 }
        state = expectTransition(from: state, on: .key(.character("j"))) { $0.exportChooser?.selection = 2 }
        state = expectTransition(from: state, on: .key(.character("b")))
        state = expectTransition(from: state, on: .key(.end)) {
            $0.exportChooser?.selection = ExportKind.allCases.count - 1
        }
        expectTransition(from: state, on: .key(.down))
    }

    @Test("Enter exports the edited scenario as the highlighted kind and closes the chooser")
    func enterExports() throws {
        var state = try Fixtures.builtIn()
        press(.character("b"), in: &state)
        let edited = state.scenario
        press(.character("x"), .down, .down, .down, .down, in: &state)
        #expect(state.exportChooser?.kind == .nginx)
        expectTransition(from: state, on: .key(.enter), returns: .export(edited, .nginx)) {
            $0.exportChooser = nil
            $0.message = nil
        }
    }

    @Test(arguments: [Key.escape, .character("q"), .character("x")])
    func escapeCancels(_ key: Key) throws {
        var state = try Fixtures.builtIn()
        press(.character("x"), .down, in: &state)
        expectTransition(from: state, on: .key(key)) {
            $0.exportChooser = nil
            $0.message = "Export cancelled"
        }
    }

    @Test("the chooser at 80x24")
    func snapshot() throws {
        var state = try Fixtures.builtIn()
        press(.character("x"), .down, .down, in: &state, at: RenderTests.finished)
        assertSnapshot(state.render(at: RenderTests.finished).snapshot, named: "export-chooser-80x24")
    }

    @Test("every kind is in view at 80x24, the last one too when highlighted")
    func lastKindInView() throws {
        var state = try Fixtures.builtIn()
        press(.character("x"), .end, in: &state, at: RenderTests.finished)
        let text = state.render(at: RenderTests.finished).text
        for kind in ExportKind.allCases { #expect(text.contains(kind.rawValue + " ")) }
    }
}
