/// Where each part of the screen goes for a state's terminal size.
///
/// 80×24 is the smallest full layout. From 120 columns the detail pane sits beside the lane; below that it
/// takes the bottom of the lane while the lane has the keyboard or the lint findings are shown. Taller terminals give the editors more rows.
struct ScreenLayout: Equatable {
    /// Whether the terminal is below 80×24.
    var isTooSmall: Bool
    var title: Rect
    var request: Rect
    var server: Rect
    /// The lane, including its "Browser … Server" heading row.
    var lane: Rect
    var info: Rect?
    /// The what-if matrix pane, which takes the lane's place (and the detail pane's) while `M` shows it.
    var matrix: Rect?
    var verdict: Rect
    var footer: Rect

    init(_ state: AppState) {
        let size = state.size
        let width = size.columns
        let height = size.rows
        isTooSmall = !size.contains(.minimum)
        title = Rect(x: 0, y: 0, width: width, height: 1)
        // While the lane has the keyboard on a short terminal, the editors shrink to give the lane and its detail
        // pane the room.
        let editorHeight: Int
        if height >= 40 {
            editorHeight = 14
        } else if state.focus == .exchange {
            editorHeight = height >= 30 ? 6 : 4
        } else {
            editorHeight = height >= 30 ? 11 : 8
        }
        request = Rect(x: 0, y: 1, width: width / 2, height: editorHeight)
        server = Rect(x: width / 2, y: 1, width: width - width / 2, height: editorHeight)
        footer = Rect(x: 0, y: height - 1, width: width, height: 1)
        // The verdict bar keeps its console lines, except on a short terminal while the lane (which holds the
        // whole console text) has the keyboard.
        let verdictHeight = height >= 30 ? 5 : state.focus == .exchange ? 2 : 4
        verdict = Rect(x: 0, y: footer.y - verdictHeight, width: width, height: verdictHeight)
        let laneTop = request.maxY
        let laneArea = Rect(x: 0, y: laneTop, width: width, height: verdict.y - laneTop)
        if state.showsMatrix {
            lane = laneArea
            info = nil
            matrix = laneArea
        } else if width >= 120 {
            let infoWidth = max(40, width / 3)
            lane = Rect(x: 0, y: laneArea.y, width: width - infoWidth, height: laneArea.height)
            info = Rect(x: width - infoWidth, y: laneArea.y, width: infoWidth, height: laneArea.height)
        } else if state.focus == .exchange || state.showsLint {
            let infoHeight = height >= 30 ? 8 : 7
            lane = Rect(x: 0, y: laneArea.y, width: width, height: laneArea.height - infoHeight)
            info = Rect(x: 0, y: lane.maxY, width: width, height: infoHeight)
        } else {
            lane = laneArea
            info = nil
        }
    }

    /// The lane's rows of lines, below its heading.
    var laneContent: Rect { Rect(x: lane.x, y: lane.y + 1, width: lane.width, height: lane.height - 1) }

    /// The pane under a cell, if any.
    func pane(at column: Int, row: Int) -> Pane? {
        if request.contains(column: column, row: row) { return .request }
        if server.contains(column: column, row: row) { return .server }
        if lane.contains(column: column, row: row) || (info?.contains(column: column, row: row) ?? false) {
            return .exchange
        }
        return nil
    }

    /// The index of the editor row drawn at screen row `row`, if any.
    func editorRow(at row: Int, in pane: Pane, state: AppState) -> Int? {
        let box = pane == .request ? request : server
        let rows = pane == .request ? state.requestRows : state.serverRows
        let selected = pane == .request ? state.requestRow : state.serverRow
        let top = Self.firstVisibleRow(selected: selected, count: rows.count, visible: box.height - 2)
        let index = top + row - (box.y + 1)
        return row > box.y && row < box.maxY - 1 && rows.indices.contains(index) ? index : nil
    }

    /// The first row to show of a scrolling list so that the selection stays in view, near the middle.
    static func firstVisibleRow(selected: Int, count: Int, visible: Int) -> Int {
        guard count > visible, visible > 0 else { return 0 }
        return min(max(selected - (visible - 1) / 2, 0), count - visible)
    }
}
