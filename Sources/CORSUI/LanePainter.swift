/// Draws the lane: the two lifelines, the messages between them (moving while they travel), and each line's mark.
struct LanePainter {
    let state: AppState
    let view: LaneView
    let glyphs: Glyphs

    func paint(into canvas: inout Canvas, heading: Rect) {
        let area = view.area
        canvas.put(" Browser", column: heading.x, row: heading.y, style: CellStyle(.muted, bold: true))
        canvas.put("Server ", column: heading.maxX - 7, row: heading.y, style: CellStyle(.muted, bold: true))
        let focused = state.focus == .exchange
        if focused {
            canvas.put(
                "exchange", column: heading.x + (heading.width - 8) / 2, row: heading.y,
                style: CellStyle(.accent, bold: true))
        }
        for row in area.y..<area.maxY {
            canvas.put(String(glyphs.vertical), column: area.x + 1, row: row, style: .muted)
            canvas.put(String(glyphs.vertical), column: area.maxX - 2, row: row, style: .muted)
        }
        let selected = focused ? state.selectedLaneLine : nil
        for (screenRow, row) in view.visibleRows {
            let line = state.lane.lines[row.line]
            paint(line, row: row, at: screenRow, into: &canvas)
            if row.line == selected {
                canvas.restyle(
                    Rect(x: area.x + 2, y: screenRow, width: area.width - 4, height: 1),
                    style: CellStyle(bold: true, reversed: true))
            }
        }
    }

    private func paint(_ line: LaneLine, row: LaneView.Row, at y: Int, into canvas: inout Canvas) {
        let clip = Rect(x: view.textStart, y: y, width: view.textEnd - view.textStart, height: 1)
        if case .arrow(let toServer) = line.kind {
            paintArrow(line, index: row.line, toServer: toServer, at: y, clip: clip, into: &canvas)
            return
        }
        var x = view.textStart + line.indent
        let style = CellStyle(line.role, bold: line.isBold)
        if row.isFirst {
            let (mark, markStyle) = Marker.text(for: line, display: state.display, glyphs: glyphs)
            x = canvas.put(mark, column: x, row: y, style: markStyle, clip: clip)
        } else {
            x += Marker.text(for: line, display: state.display, glyphs: glyphs).text.width
        }
        let text = line.wraps ? row.text : DisplayText.truncated(row.text, to: max(clip.maxX - x, 0))
        canvas.put(text, column: x, row: y, style: style, clip: clip)
    }

    /// `GET /path ──────▶` toward the server, or `◀────── 200 OK` back; while travelling, the line grows from its
    /// sender with a dot at its head.
    private func paintArrow(
        _ line: LaneLine, index: Int, toServer: Bool, at y: Int, clip: Rect, into canvas: inout Canvas
    ) {
        let progress = view.frame.travelling.flatMap { $0.line == index ? $0.progress : nil }
        let style = CellStyle(.accent, bold: true)
        if toServer {
            // A long request line gives way to at least a short arrow.
            let text = DisplayText.truncated(line.text, to: max(clip.width - 3, 1))
            let start = canvas.put(text + " ", column: view.textStart, row: y, style: style, clip: clip)
            let length = max(view.textEnd - start, 1)
            let drawn = progress.map { max(1, Int(Double(length) * $0)) } ?? length
            let shaft = String(repeating: glyphs.horizontal, count: max(drawn - 1, 0))
            let head = progress == nil ? glyphs.arrowRight : glyphs.traveller
            canvas.put(shaft + head, column: start, row: y, style: style, clip: clip)
        } else {
            let label = " " + line.trailing
            let labelStart = view.textEnd - label.width
            let length = max(labelStart - view.textStart, 1)
            let drawn = progress.map { max(1, Int(Double(length) * $0)) } ?? length
            let head = progress == nil ? glyphs.arrowLeft : glyphs.traveller
            let shaft = String(repeating: glyphs.horizontal, count: max(drawn - 1, 0))
            canvas.put(head + shaft, column: labelStart - drawn, row: y, style: style, clip: clip)
            canvas.put(label, column: labelStart, row: y, style: style, clip: clip)
        }
    }

}
