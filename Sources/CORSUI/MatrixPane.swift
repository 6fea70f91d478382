import CORSMatrix

/// Draws the what-if matrix (`M`) into the lane's place: the grid and its legend, scrolled by PgUp and PgDn, with
/// readable cells in the success colour and failing ones in the failure colour.
struct MatrixPane {
    let matrix: WhatIfMatrix
    let scroll: Int
    let glyphs: Glyphs
    let asciiOnly: Bool
    /// Whether a text edit is in progress (the matrix then shows the scenario as it was before the edit).
    var isEditing = false

    /// The text of the pane for an inner width: the grid, an empty line, the legend.
    static func text(_ matrix: WhatIfMatrix, width: Int, asciiOnly: Bool) -> MatrixText {
        MatrixText(matrix, width: width, asciiOnly: asciiOnly)
    }

    /// The largest useful scroll of the matrix pane of `state`: its last line at the bottom of the box.
    static func maxScroll(_ state: AppState) -> Int {
        guard let matrix = state.matrix, let box = ScreenLayout(state).matrix else { return 0 }
        let inner = box.inset(by: 1)
        let lines = text(matrix, width: max(inner.width - 2, 1), asciiOnly: !state.display.usesUnicode).lines
        return max(lines.count - inner.height, 0)
    }

    /// The first line shown for `scroll` when `count` lines share `visible` rows.
    static func firstLine(scroll: Int, count: Int, visible: Int) -> Int {
        min(max(scroll, 0), max(count - visible, 0))
    }

    func draw(into canvas: inout Canvas, _ box: Rect) {
        let inner = box.inset(by: 1)
        let width = max(inner.width - 2, 1)
        let text = Self.text(matrix, width: width, asciiOnly: asciiOnly)
        let lines = text.lines
        let first = Self.firstLine(scroll: scroll, count: lines.count, visible: inner.height)
        let title =
            isEditing
            ? "What-if matrix · as before this edit; Enter applies it"
            : "What-if matrix · PgUp PgDn scroll · M closes"
        BoxPainter.draw(
            into: &canvas, box, title: title, focused: true, glyphs: glyphs, moreAbove: first > 0,
            moreBelow: first + inner.height < lines.count)
        guard inner.height > 0 else { return }
        for offset in 0..<min(inner.height, lines.count - first) {
            let index = first + offset
            let row = inner.y + offset
            let line = lines[index]
            guard text.cellRows.contains(index) else {
                let isHeading = index < text.grid.count && !line.isEmpty && !line.hasPrefix(" ")
                canvas.put(line, column: inner.x + 1, row: row, style: isHeading ? .bold : .plain, clip: inner)
                continue
            }
            let label = String(line.prefix(text.cellStart))
            canvas.put(label, column: inner.x + 1, row: row, style: .plain, clip: inner)
            var column = inner.x + 1 + text.cellStart
            for character in line.dropFirst(text.cellStart) {
                canvas.put(String(character), column: column, row: row, style: style(of: character), clip: inner)
                column += 1
            }
        }
    }

    private func style(of glyph: Character) -> CellStyle {
        if glyph == " " { return .plain }
        if glyph == passGlyph { return .success }
        if glyph == MatrixText.opaqueGlyph { return .muted }
        return CellStyle(.failure)
    }

    private var passGlyph: Character { asciiOnly ? MatrixText.asciiPassGlyph : MatrixText.passGlyph }
}
