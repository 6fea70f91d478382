import CORSExport

/// The list of export kinds `x` opens: arrows choose, Enter writes `NAME-export.EXT`, Esc cancels.
public struct ExportChooser: Sendable, Equatable {
    /// The index of the highlighted kind in `ExportKind.allCases`.
    public internal(set) var selection = 0

    /// The highlighted kind.
    public var kind: ExportKind { ExportKind.allCases[selection] }

    /// Moves the highlight, stopping at either end.
    mutating func move(by offset: Int) {
        selection = min(max(selection + offset, 0), ExportKind.allCases.count - 1)
    }

    /// Draws the chooser over the middle of the screen, with a blank margin around its frame.
    func draw(into canvas: inout Canvas, glyphs: Glyphs) {
        let kinds = ExportKind.allCases
        let inner = BoxPainter.drawOverlay(
            into: &canvas, width: 64, height: kinds.count + 4, title: "Export as", glyphs: glyphs)
        // Keep the highlighted kind in view on short screens.
        let visible = max(inner.height - 2, 1)
        let first = min(max(selection - visible + 1, 0), max(kinds.count - visible, 0))
        for (offset, kind) in kinds.enumerated().dropFirst(first).prefix(visible) {
            let y = inner.y + offset - first
            let chosen = offset == selection
            let row = Rect(x: inner.x, y: y, width: inner.width, height: 1)
            if chosen { canvas.fill(row, style: CellStyle(.accent, reversed: true)) }
            canvas.put(
                kind.rawValue, column: inner.x + 1, row: y, style: CellStyle(.accent, bold: true, reversed: chosen),
                clip: row)
            let column = inner.x + 14
            canvas.put(
                DisplayText.truncated(kind.summary, to: inner.maxX - 1 - column), column: column, row: y,
                style: chosen ? CellStyle(.accent, reversed: true) : .plain, clip: row)
        }
        let hint = "Up/Down: choose   Enter: write NAME-export.EXT   Esc: cancel"
        canvas.put(
            DisplayText.truncated(hint, to: inner.width - 2), column: inner.x + 1, row: inner.maxY - 1,
            style: CellStyle(.muted), clip: inner)
    }
}
