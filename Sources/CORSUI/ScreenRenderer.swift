import CORSCore
import CORSLint

extension AppState {
    /// Draws the whole screen at time `now`.
    public func render(at now: Duration) -> Canvas {
        var renderer = ScreenRenderer(state: self, now: now)
        renderer.draw()
        return renderer.canvas
    }
}

/// Draws an ``AppState`` into a ``Canvas``: title, editors, lane, detail, verdict, footer, help.
struct ScreenRenderer {
    let state: AppState
    let now: Duration
    let layout: ScreenLayout
    let glyphs: Glyphs
    var canvas: Canvas

    init(state: AppState, now: Duration) {
        self.state = state
        self.now = now
        self.layout = ScreenLayout(state)
        self.glyphs = Glyphs.forDisplay(state.display)
        self.canvas = Canvas(size: state.size, asciiOnly: !state.display.usesUnicode)
    }

    mutating func draw() {
        guard !layout.isTooSmall else {
            drawTooSmall()
            return
        }
        drawTitle()
        drawEditor(.request)
        drawEditor(.server)
        let laneView = LaneView(state: state, area: layout.laneContent, at: now)
        if let box = layout.matrix, let matrix = state.matrix {
            MatrixPane(
                matrix: matrix, scroll: state.matrixScroll, glyphs: glyphs, asciiOnly: !state.display.usesUnicode,
                isEditing: state.editing != nil
            )
            .draw(into: &canvas, box)
        } else {
            LanePainter(state: state, view: laneView, glyphs: glyphs).paint(into: &canvas, heading: layout.lane)
        }
        if let info = layout.info { drawInfo(info) }
        drawVerdict(frame: laneView.frame)
        drawFooter()
        if let chooser = state.exportChooser { chooser.draw(into: &canvas, glyphs: glyphs) }
        if state.showsHelp { HelpOverlay.draw(into: &canvas, glyphs: glyphs) }
    }

    // MARK: Title and footer

    private mutating func drawTitle() {
        canvas.fill(layout.title, style: CellStyle(.accent, reversed: true))
        let right = "\(state.scenario.browser.displayName) · \(state.speedName) · ? help "
        let rightStart = layout.title.maxX - right.width
        let title = " cors-explorer · " + state.scenario.title
        let clip = Rect(x: 0, y: 0, width: max(rightStart - 2, 0), height: 1)
        canvas.put(
            DisplayText.truncated(title, to: clip.width), column: 0, row: 0,
            style: CellStyle(.accent, bold: true, reversed: true),
            clip: clip)
        canvas.put(right, column: rightStart, row: 0, style: CellStyle(.accent, reversed: true))
    }

    private mutating func drawFooter() {
        let footer = layout.footer
        let text: String
        var style = CellStyle.muted
        if let edit = state.editing {
            if let message = state.message, state.messageIsError {
                text = message
                style = .failure
            } else {
                text = "Enter apply · Esc cancel · ←→ Home End move · " + edit.hint
            }
        } else if let message = state.message {
            text = message
            style = state.messageIsError ? .failure : .accent
        } else if state.isProbing {
            text = "Probing the real server with the request… (the answers replace the server)"
        } else {
            switch state.focus {
            case .request, .server:
                text =
                    "? help · q quit · Tab pane · ↑↓ select · Enter edit · a add · d delete · m policy/raw · "
                    + "b browser · r replay · space step · +/- speed"
            case .exchange where state.showsLint:
                text = "? help · q quit · Tab pane · ↑↓ PgUp PgDn scroll the lint · L or Esc close it · b browser"
            case .exchange:
                text =
                    "? help · q quit · Tab pane · ↑↓ pick a line for details · b browser · r replay · space step · "
                    + "+/- speed · R reset"
            }
        }
        canvas.put(DisplayText.truncated(text, to: footer.width - 1), column: 1, row: footer.y, style: style)
    }

    private mutating func drawTooSmall() {
        let size = state.size
        let message =
            "cors-explorer needs a terminal of at least \(Size.minimum); this one is \(size). "
            + "Make the window larger, or press q to quit."
        let lines = DisplayText.wrapped(message, width: max(size.columns - 2, 1))
        let top = max((size.rows - lines.count) / 2, 0)
        for (index, line) in lines.enumerated() {
            canvas.put(line, column: max((size.columns - line.width) / 2, 0), row: top + index, style: .bold)
        }
    }

    // MARK: Editors

    private mutating func drawEditor(_ pane: Pane) {
        let box = pane == .request ? layout.request : layout.server
        let rows = pane == .request ? state.requestRows : state.serverRows
        let selected = pane == .request ? state.requestRow : state.serverRow
        let focused = state.focus == pane
        let title: String
        if pane == .request {
            title = "Request"
        } else {
            switch state.scenario.server.behavior {
            case .raw: title = "Server · raw headers"
            case .policy: title = "Server · CORS policy"
            case .middleware(let configuration): title = "Server · \(configuration.preset.name) preset"
            }
        }
        let visible = box.height - 2
        let top = ScreenLayout.firstVisibleRow(selected: selected, count: rows.count, visible: visible)
        BoxPainter.draw(
            into: &canvas, box, title: title, focused: focused, glyphs: glyphs,
            moreAbove: top > 0, moreBelow: top + visible < rows.count)
        if pane == .server { drawLintBadge(on: box) }
        let inner = box.inset(by: 1)
        let labelWidth = 9
        for (offset, index) in rows.indices.dropFirst(top).prefix(visible).enumerated() {
            let row = rows[index]
            let y = inner.y + offset
            let isSelected = focused && index == selected
            // A label keeps at least one blank cell before its value.
            let labelClip = Rect(x: inner.x, y: y, width: min(labelWidth, inner.width), height: 1)
            if let edit = state.editing, isSelected, edit.field == row.id {
                canvas.put(
                    row.label, column: inner.x + 1, row: y, style: CellStyle(.accent, bold: true), clip: labelClip)
                drawTextField(edit.text, at: inner.x + 1 + labelWidth, row: y, width: inner.width - labelWidth - 1)
                continue
            }
            canvas.put(row.label, column: inner.x + 1, row: y, style: .muted, clip: labelClip)
            let valueStyle: CellStyle
            switch row.kind {
            case .add, .readOnly: valueStyle = .muted
            case .choice, .toggle: valueStyle = .accent
            default: valueStyle = .plain
            }
            let valueWidth = inner.width - labelWidth - 1
            canvas.put(
                DisplayText.truncated(row.value, to: valueWidth), column: inner.x + 1 + labelWidth, row: y,
                style: valueStyle, clip: inner)
            if isSelected {
                canvas.restyle(
                    Rect(x: inner.x, y: y, width: inner.width, height: 1), style: CellStyle(bold: true, reversed: true))
            }
        }
    }

    /// The lint's verdict on the server's bottom border, e.g. ` lint: high (3) · L `.
    private mutating func drawLintBadge(on box: Rect) {
        let findings = state.findings
        let text: String
        let style: CellStyle
        if let highest = PolicyLinter.highestSeverity(of: findings) {
            text = " lint: \(highest.rawValue) (\(findings.count)) · L "
            style = InfoContent.style(highest)
        } else {
            text = " lint: clean · L "
            style = .muted
        }
        guard box.width >= text.width + 12 else { return }
        canvas.put(text, column: box.x + 2, row: box.maxY - 1, style: style)
    }

    /// A text being edited, scrolled so the cursor shows, with the cursor as a reversed cell.
    private mutating func drawTextField(_ field: TextField, at column: Int, row: Int, width: Int) {
        guard width > 1 else { return }
        let glyphs = DisplayText.glyphs(field.text)
        // The cursor counts characters; escaped characters take several glyphs, so map through the prefix.
        let cursorGlyph = DisplayText.glyphs(String(field.text.prefix(field.cursor))).count
        // Scroll so that the cursor shows: as many glyphs before it as fit in cells, wide ones counting two.
        var first = cursorGlyph
        var used = cursorGlyph < glyphs.count ? glyphs[cursorGlyph].width : 1
        while first > 0, used + glyphs[first - 1].width <= width {
            first -= 1
            used += glyphs[first].width
        }
        var x = column
        for (index, glyph) in glyphs.enumerated().dropFirst(first) {
            if x + glyph.width > column + width { break }
            let style = index == cursorGlyph ? CellStyle(bold: true, reversed: true) : CellStyle(.plain, bold: true)
            x = canvas.put(String(glyph.character), column: x, row: row, style: style)
        }
        if cursorGlyph >= glyphs.count, x < column + width {
            canvas.put(" ", column: x, row: row, style: CellStyle(reversed: true))
        }
    }

    // MARK: Detail and lesson

    private mutating func drawInfo(_ box: Rect) {
        let content = InfoContent(state: state)
        let inner = box.inset(by: 1)
        let width = max(inner.width - 2, 1)
        var rows = content.wrappedRows(width: width)
        if state.showsLint {
            // The findings scroll (↑↓ while the exchange pane has the keyboard), with the usual markers.
            let top = InfoContent.lintTop(state.lintScroll, rowCount: rows.count, visible: inner.height)
            BoxPainter.draw(
                into: &canvas, box, title: content.title, focused: state.focus == .exchange, glyphs: glyphs,
                moreAbove: top > 0, moreBelow: top + inner.height < rows.count)
            rows = Array(rows.dropFirst(top).prefix(max(inner.height, 0)))
        } else {
            BoxPainter.draw(
                into: &canvas, box, title: content.title, focused: false, glyphs: glyphs, moreAbove: false,
                moreBelow: false)
            // What does not fit ends in an ellipsis, so a cut explanation never looks complete.
            if rows.count > inner.height, inner.height > 0 {
                rows = Array(rows.prefix(inner.height))
                let last = rows[inner.height - 1]
                rows[inner.height - 1] = (DisplayText.truncated(last.0 + " " + glyphs.ellipsis, to: width), last.1)
            }
        }
        for (offset, (text, style)) in rows.enumerated() {
            canvas.put(text, column: inner.x + 1, row: inner.y + offset, style: style, clip: inner)
        }
    }

    // MARK: Verdict

    private mutating func drawVerdict(frame: LaneFrame) {
        let area = layout.verdict
        let rule = String(repeating: glyphs.horizontal, count: area.width)
        canvas.put(rule, column: area.x, row: area.y, style: .muted)
        let verdict = state.exchange.verdict
        guard frame.revealedBeats > state.lane.verdictBeat else {
            canvas.put(
                " The browser is at work…   space: next step · r: replay", column: area.x,
                row: area.y + 1, style: .muted)
            return
        }
        let (label, role) = LaneBuilder.outcomeLabel(verdict.outcome)
        let mark = glyphs.mark(for: LaneBuilder.outcomeStatus(verdict.outcome))
        var x = canvas.put(
            " \(mark) \(label) ", column: area.x, row: area.y + 1, style: CellStyle(role, bold: true, reversed: true))
        // The repeated request's outcome stays in view; the summary gives way.
        let again = state.repeated.map { "   again: " + LaneBuilder.outcomeLabel($0.verdict.outcome).0 } ?? ""
        let summary = DisplayText.truncated("  " + verdict.summary, to: area.maxX - x - 1 - again.width) + again
        x = canvas.put(summary, column: x, row: area.y + 1, style: .bold)
        var lines: [(String, CellStyle)] = []
        if let check = state.browserCheck {
            lines.append(check.line(isStale: check.scenario != state.scenario, glyphs: glyphs))
        }
        if verdict.console.isEmpty {
            lines.append(("Script: " + verdict.scriptResult, .plain))
            if let readable = verdict.readableHeaders {
                lines.append(
                    ("Readable headers: " + (readable.isEmpty ? "(none)" : readable.joined(separator: ", ")), .muted))
            }
        } else {
            let style = verdict.outcome == .allowed ? CellStyle.warning : CellStyle(.failure)
            for line in verdict.console { lines.append((line, style)) }
        }
        var y = area.y + 2
        let width = area.width - 2
        var rows: [(String, CellStyle)] = []
        for (text, style) in lines {
            rows += DisplayText.wrapped(text, width: width).map { ($0, style) }
        }
        let available = area.maxY - y
        if rows.count > available, available > 0 {
            rows = Array(rows.prefix(available))
            let last = rows[available - 1]
            let pointer = state.focus == .exchange ? "  (all of it: in the exchange)" : "  (Tab: all of it)"
            rows[available - 1] = (
                DisplayText.truncated(last.0 + " " + glyphs.ellipsis, to: width - pointer.width) + pointer, last.1
            )
        }
        for (text, style) in rows {
            canvas.put(text, column: area.x + 1, row: y, style: style)
            y += 1
        }
    }
}
