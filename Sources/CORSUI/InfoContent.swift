import CORSCore

/// What the detail pane says: the selected check or line, or else the scenario's lesson.
struct InfoContent {
    var title: String
    var lines: [(String, CellStyle)]

    init(state: AppState) {
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
}
