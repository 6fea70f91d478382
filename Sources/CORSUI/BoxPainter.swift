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
}
