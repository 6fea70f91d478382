/// The key help, drawn over the middle of the screen.
enum HelpOverlay {
    static let entries: [(keys: String, meaning: String)] = [
        ("Tab / Shift-Tab", "next / previous pane: request, server, exchange"),
        ("↑↓ or j k", "select a row or a line; with the lint shown: scroll it"),
        ("←→ or h l", "request editor / server editor"),
        ("PgUp PgDn g G", "jump in a list; scroll the matrix"),
        ("Enter or e", "edit the row; next option (Server: policy, raw, presets)"),
        ("Esc", "cancel the edit (typing shows the verdict live)"),
        ("a", "add a header (request, or the server list you are in)"),
        ("d / Delete, J K", "delete the selected header; move it down / up"),
        ("m", "server: a policy or preset ↔ the raw headers it sent"),
        ("b", "next browser: Chromium, Firefox, Safari, the Fetch standard"),
        ("r / space", "replay the exchange / step mode: one message at a time"),
        ("+ / -", "faster / slower; p: presentation speed"),
        ("L / M", "the lint's findings / the what-if matrix, shown or hidden"),
        ("R / w", "reset to the file / write NAME-edited.yaml"),
        ("x", "export: curl, fetch, XHR or a server's configuration"),
        ("v / P", "run in headless Chromium or Firefox / probe the real server"),
        ("mouse", "click a field or a line to select it; wheel scrolls"),
        ("? or F1", "this help (any of Esc, Enter, ? closes it)"),
        ("q or Ctrl-C", "quit"),
    ]

    /// Draws the help between the title bar and the footer, with a blank margin so that nothing of the screen
    /// below runs into its frame.
    static func draw(into canvas: inout Canvas, glyphs: Glyphs) {
        let inner = BoxPainter.drawOverlay(
            into: &canvas, width: 80, height: entries.count + 4, title: "Keys", glyphs: glyphs)
        for (offset, entry) in entries.prefix(inner.height - 1).enumerated() {
            let y = inner.y + 1 + offset
            canvas.put(entry.keys, column: inner.x + 1, row: y, style: CellStyle(.accent, bold: true), clip: inner)
            let column = inner.x + 18
            canvas.put(
                DisplayText.truncated(entry.meaning, to: inner.maxX - 1 - column), column: column, row: y,
                style: .plain, clip: inner)
        }
    }
}
