/// The lane's lines as screen rows at one moment: wrapped, scrolled, and with the animation applied.
struct LaneView {
    /// One screen row of a lane line.
    struct Row: Equatable {
        /// The lane line it belongs to.
        var line: Int
        /// The part of the line's text on this row.
        var text: String
        /// Whether this is the line's first row (where its mark goes).
        var isFirst: Bool
    }

    let area: Rect
    let frame: LaneFrame
    /// Every row of the lines shown so far.
    let rows: [Row]
    /// The index in ``rows`` of the first row on screen.
    let top: Int

    /// Columns for a line's text: after the browser's lifeline, before the server's.
    var textStart: Int { area.x + 3 }
    var textEnd: Int { area.maxX - 3 }

    init(state: AppState, area: Rect, at now: Duration) {
        self.area = area
        let lane = state.lane
        let frame = state.playback.frame(of: lane, at: now)
        self.frame = frame
        let glyphs = Glyphs.forDisplay(state.display)
        let width = area.width - 6
        var rows: [Row] = []
        for (index, line) in lane.lines.enumerated() where frame.shows(line) {
            let prefix = line.indent + Marker.text(for: line, display: state.display, glyphs: glyphs).text.width
            if line.wraps {
                for (part, text) in DisplayText.wrapped(line.text, width: max(1, width - prefix)).enumerated() {
                    rows.append(Row(line: index, text: text, isFirst: part == 0))
                }
            } else {
                rows.append(Row(line: index, text: line.text, isFirst: true))
            }
        }
        self.rows = rows
        let visible = max(area.height, 1)
        let anchor: Int?
        let isAnimating = state.playback.isAnimating(lane, at: now)
        if state.focus == .exchange, let selected = state.selectedLaneLine {
            anchor = rows.firstIndex { $0.line == selected }
        } else if isAnimating {
            anchor = nil
        } else {
            anchor = rows.firstIndex {
                let line = lane.lines[$0.line]
                return line.status == .fail && !line.failureMeansPreflight
            }
        }
        if let anchor {
            top = min(max(anchor - visible / 3, 0), max(rows.count - visible, 0))
        } else if isAnimating {
            top = max(rows.count - visible, 0)
        } else {
            top = 0
        }
    }

    /// The rows on screen, with their screen row numbers.
    var visibleRows: [(screenRow: Int, row: Row)] {
        rows.indices.dropFirst(top).prefix(area.height).map { (area.y + $0 - top, rows[$0]) }
    }

    /// The lane line drawn at screen row `row`, if any.
    func line(atRow row: Int) -> Int? {
        visibleRows.first { $0.screenRow == row }?.row.line
    }
}
