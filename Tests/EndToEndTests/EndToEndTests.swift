import Foundation
import Testing

/// The built `cors-explorer` binary, end to end: in a real terminal (tmux) and in plain mode.
///
/// One test at a time: the terminal tests wait on the clock, and competing for the CPU would make them slow and
/// flaky on a small CI machine.
@Suite("cors-explorer end to end", .serialized)
struct EndToEndTests {}

extension EndToEndTests {
    /// Footer text of the editors when no field is being edited.
    static let editorFooter = "? help · q quit · Tab pane"
    /// Footer text while a field is being edited.
    static let editingFooter = "Enter apply · Esc cancel"
    /// The browser's console message for the built-in scenario, as one sentence.
    static let welcomeConsole = "Method PUT is not allowed by Access-Control-Allow-Methods in preflight response."

    /// Whether the full explorer is drawn: both editors, and the footer.
    static func showsExplorer(_ screen: String) -> Bool {
        screen.contains("Request") && screen.contains("Server · CORS policy") && screen.contains(editorFooter)
            && !screen.contains("needs a terminal of at least")
    }

    /// Whether the browser's console message is shown in full, however it was wrapped.
    static func showsWelcomeVerdict(_ screen: String) -> Bool {
        guard let verdict = ScreenText.verdictBar(screen) else { return false }
        return verdict.contains("BLOCKED") && ScreenText.flattened(screen).contains(welcomeConsole)
    }

    /// Checks that the wrapper saved the same `stty -g` before and after the app.
    static func expectTerminalRestored(
        _ session: TmuxSession, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let before = session.folder.read("stty-before")?.trimmingWhitespace ?? ""
        let after = session.folder.read("stty-after")?.trimmingWhitespace
        #expect(!before.isEmpty, "stty -g before the app printed nothing", sourceLocation: sourceLocation)
        #expect(after == before, "the terminal settings were not restored", sourceLocation: sourceLocation)
    }
}
