import CORSCore
import CORSLint

/// What the detail pane says: the lint findings when shown, the selected check or line, or else the lesson.
struct InfoContent {
    var title: String
    var lines: [(String, CellStyle)]

    init(state: AppState) {
        if state.showsLint {
            (title, lines) = Self.lint(state.findings)
            return
        }
        let lane = state.lane
        if state.focus == .exchange, let index = state.selectedLaneLine {
            let line = lane.lines[index]
            if let check = line.check {
                title = check.subject
                let glyphs = Glyphs.forDisplay(state.display)
                let (mark, style) = Marker.text(
                    for: LaneLine(
                        kind: .check, text: "", status: check.status,
                        failureMeansPreflight: line.failureMeansPreflight, beat: 0),
                    display: DisplayOptions(usesColor: false, usesUnicode: state.display.usesUnicode), glyphs: glyphs)
                lines = [
                    (mark, style),
                    ("Expected: " + check.expected, .plain),
                    ("Found: " + check.found, .plain),
                    (check.explanation, .plain),
                    (check.specLink, .accent),
                ]
                return
            }
            if let first = line.detail.first {
                title = first
                lines = line.detail.dropFirst().map { ($0, CellStyle.plain) }
                return
            }
        }
        if let lesson = state.scenario.lesson {
            title = "Lesson"
            // Line breaks in the lesson separate paragraphs; each is wrapped on its own.
            lines = lesson.split(separator: "\n", omittingEmptySubsequences: false).map { (String($0), .plain) }
        } else {
            title = "Details"
            lines = [("Tab to the exchange and pick a line with ↑↓ to see why it passed or failed.", .muted)]
        }
        if state.focus != .exchange, state.scenario.lesson != nil {
            lines.append(("", .plain))
            lines.append(("Tab to the exchange and pick a line with ↑↓ for its details.", .muted))
        }
    }

    /// The lines wrapped to `width` cells.
    func wrappedRows(width: Int) -> [(String, CellStyle)] {
        lines.flatMap { text, style in DisplayText.wrapped(text, width: width).map { ($0, style) } }
    }

    /// The first lint row shown for a wanted scroll position: at most the last full page.
    static func lintTop(_ scroll: Int, rowCount: Int, visible: Int) -> Int {
        min(max(scroll, 0), max(rowCount - visible, 0))
    }

    /// The findings, most severe first: severity and title, and the attacker origin that gets in (as the evaluator
    /// found); then their fixes. `cors-explorer lint` prints the full explanations.
    private static func lint(_ findings: [LintFinding]) -> (String, [(String, CellStyle)]) {
        guard !findings.isEmpty else {
            return (
                "Lint · no findings",
                [
                    ("None of the attacker origins the lint tried gets in, and no header rule fires.", .plain),
                    ("L or Esc: back to the details.", .muted),
                ]
            )
        }
        var lines: [(String, CellStyle)] = []
        for finding in findings {
            lines.append((finding.severity.rawValue.uppercased() + " · " + finding.title, style(finding.severity)))
            if let demo = finding.demonstration {
                let who = demo.request.page.isOpaque ? "null (a sandboxed page)" : demo.attackerOrigin
                let how = demo.sendsCredentials ? "Gets in with the user's cookies: " : "Gets in, without cookies: "
                lines.append((how + who, .plain))
            }
        }
        // Every finding first, so that a small pane still lists them all; then the fixes.
        for finding in findings {
            lines.append(("Fix (\(finding.ruleID)): " + finding.fix, .muted))
        }
        let count = findings.count == 1 ? "1 finding" : "\(findings.count) findings"
        return ("Lint · " + count, lines)
    }

    /// The style of a severity: failure for high and critical, warning for medium, muted below.
    static func style(_ severity: LintSeverity) -> CellStyle {
        switch severity {
        case .critical, .high: return .failure
        case .medium: return .warning
        case .low, .info: return CellStyle(.muted, bold: true)
        }
    }
}
