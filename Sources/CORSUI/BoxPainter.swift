/// Draws a framed box with a title, bold when it has the keyboard, with marks when its list scrolls.
enum BoxPainter {
    static func draw(
        into canvas: inout Canvas, _ box: Rect, title: String, focused: Bool, glyphs: Glyphs, moreAbove: Bool,
        moreBelow: Bool
    ) {
        guard box.width >= 2, box.height >= 2 else { return }
        let style = focused ? CellStyle(.accent, bold: true) : CellStyle.muted
        let inner = String(repeating: glyphs.horizontal, count: box.width - 2)
        canvas.put(String(glyphs.topLeft) + inner + String(glyphs.topRight), column: box.x, row: box.y, style: style)
        canvas.put(
            String(glyphs.bottomLeft) + inner + String(glyphs.bottomRight), column: box.x, row: box.maxY - 1,
            style: style)
        for row in (box.y + 1)..<(box.maxY - 1) {
            canvas.put(String(glyphs.vertical), column: box.x, row: row, style: style)
            canvas.put(String(glyphs.vertical), column: box.maxX - 1, row: row, style: style)
        }
        let titleText = " " + DisplayText.truncated(title, to: box.width - 6) + " "
        canvas.put(titleText, column: box.x + 2, row: box.y, style: focused ? CellStyle(.accent, bold: true) : .bold)
        let up = glyphs == .unicode ? "↑ more" : "^ more"
        let down = glyphs == .unicode ? "↓ more" : "v more"
        if moreAbove, box.width > 12 { canvas.put(up, column: box.maxX - 8, row: box.y, style: style) }
        if moreBelow, box.width > 12 { canvas.put(down, column: box.maxX - 8, row: box.maxY - 1, style: style) }
    }

    /// Draws a focused box of at most `width`×`height` in the middle of the screen, between the title bar and the
    /// footer, over a blank margin so that nothing of the screen below runs into its frame; returns its inside.
    static func drawOverlay(
        into canvas: inout Canvas, width: Int, height: Int, title: String, glyphs: Glyphs
    ) -> Rect {
        let width = min(canvas.size.columns, width)
        let height = min(canvas.size.rows - 2, height)
        let box = Rect(
            x: (canvas.size.columns - width) / 2, y: (canvas.size.rows - height) / 2, width: width, height: height)
        let top = max(box.y - 1, 1)
        let bottom = min(box.maxY + 1, canvas.size.rows - 1)
        canvas.fill(Rect(x: box.x - 1, y: top, width: box.width + 2, height: bottom - top))
        draw(into: &canvas, box, title: title, focused: true, glyphs: glyphs, moreAbove: false, moreBelow: false)
        return box.inset(by: 1)
    }
}
