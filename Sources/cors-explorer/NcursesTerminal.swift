import CNcurses
import CORSUI

#if canImport(Glibc)
    import Glibc
#endif

/// The real terminal through ncursesw: copies canvases to the screen and reads keys, mouse and resizes.
///
/// Main thread only. ``start(usesColor:)`` must be balanced by ``stop()``; fatal signals restore the terminal too.
final class NcursesTerminal {
    private let screen: OpaquePointer
    private let window: UnsafeMutablePointer<WINDOW>
    private let usesColor: Bool

    private init(screen: OpaquePointer, window: UnsafeMutablePointer<WINDOW>, usesColor: Bool) {
        self.screen = screen
        self.window = window
        self.usesColor = usesColor
    }

    /// Starts curses on the process's terminal, or returns nil when the terminal type is unknown.
    static func start(usesColor wantsColor: Bool) -> NcursesTerminal? {
        guard let output = fdopen(STDOUT_FILENO, "w"), let input = fdopen(STDIN_FILENO, "r"),
            let screen = newterm(nil, output, input)
        else { return nil }
        guard let window = cncurses_stdscr() else {
            endwin()
            delscreen(screen)
            return nil
        }
        cncurses_set_active(1)
        cncurses_install_signal_handlers()
        cbreak()
        noecho()
        nonl()
        keypad(window, true)
        curs_set(0)
        set_escdelay(25)
        mousemask(cncurses_click_events(), nil)
        mouseinterval(0)
        let usesColor = wantsColor && has_colors()
        if usesColor {
            start_color()
            use_default_colors()
            for (pair, color) in Self.colorPairs { init_pair(pair, color, -1) }
        }
        return NcursesTerminal(screen: screen, window: window, usesColor: usesColor)
    }

    /// Whether standard input has closed (the terminal went away without a SIGHUP); the session then ends.
    private(set) var isInputClosed = false

    /// Whether colours are on: asked for, and the terminal has them.
    var hasColor: Bool { usesColor }

    /// Restores the terminal.
    func stop() {
        endwin()
        cncurses_set_active(0)
        delscreen(screen)
    }

    /// The terminal size now.
    var size: Size { Size(columns: Int(getmaxx(window)), rows: Int(getmaxy(window))) }

    /// Copies `canvas` to the screen; ncurses sends only what changed.
    func draw(_ canvas: Canvas) {
        let columns = min(canvas.size.columns, Int(getmaxx(window)))
        let rows = min(canvas.size.rows, Int(getmaxy(window)))
        werase(window)
        for row in 0..<rows {
            for column in 0..<columns {
                let cell = canvas[column, row]
                if cell.isContinuation { continue }
                let (attributes, pair) = attributes(for: cell.style)
                String(cell.character).withCString { text in
                    cncurses_put_cell(window, Int32(row), Int32(column), text, attributes, pair)
                }
            }
        }
        wnoutrefresh(window)
        doupdate()
    }

    /// Waits for the next event, at most `timeout` (forever when nil); nil when the time ran out or a signal came.
    ///
    /// Keys ncurses already holds come first; otherwise the wait happens in `poll`, which a termination signal or
    /// a resize interrupts (ncurses' own blocking read would swallow them). Idle means blocked: no CPU is used.
    func nextEvent(timeout: Duration?) -> InputEvent? {
        if let event = readPending() { return event }
        let milliseconds = timeout.map { duration -> Int32 in
            let (seconds, attoseconds) = duration.components
            return Int32(clamping: max(1, seconds * 1000 + attoseconds / 1_000_000_000_000_000))
        }
        // Input, a signal or the time limit: a resize shows up as KEY_RESIZE on this read.
        if cncurses_wait_for_input(milliseconds ?? -1) < 0 {
            isInputClosed = true
            return nil
        }
        return readPending()
    }

    /// The next event that is already waiting (typed ahead, pasted), or nil at once when there is none.
    func pendingEvent() -> InputEvent? {
        if let event = readPending() { return event }
        return cncurses_wait_for_input(0) > 0 ? readPending() : nil
    }

    /// The next key, mouse action or resize that ncurses has or can read without waiting.
    private func readPending() -> InputEvent? {
        wtimeout(window, 0)
        var character: wint_t = 0
        switch wget_wch(window, &character) {
        case KEY_CODE_YES:
            let code = Int32(character)
            if code == KEY_RESIZE { return .resize(size) }
            if code == KEY_MOUSE { return mouseEvent() }
            return KeyDecoder.key(code: code).map(InputEvent.key)
        case OK:
            return KeyDecoder.key(character: UInt32(character)).map(InputEvent.key)
        default:
            return nil
        }
    }

    private func mouseEvent() -> InputEvent? {
        var event = MEVENT()
        guard getmouse(&event) == OK else { return nil }
        let column = Int(event.x)
        let row = Int(event.y)
        if event.bstate & cncurses_button1_pressed_or_clicked() != 0 { return .click(column: column, row: row) }
        if event.bstate & cncurses_scroll_up() != 0 { return .scroll(lines: -1, column: column, row: row) }
        if event.bstate & cncurses_scroll_down() != 0 { return .scroll(lines: 1, column: column, row: row) }
        return nil
    }

    /// Colour pair numbers for the roles that have a colour.
    private static let colorPairs: [(Int16, Int16)] = [
        (1, Int16(COLOR_GREEN)), (2, Int16(COLOR_RED)), (3, Int16(COLOR_YELLOW)), (4, Int16(COLOR_CYAN)),
    ]

    private func attributes(for style: CellStyle) -> (attr_t, Int16) {
        var attributes: attr_t = 0
        if style.isBold { attributes |= cncurses_attr_bold() }
        if style.isReversed { attributes |= cncurses_attr_reverse() }
        var pair: Int16 = 0
        switch style.role {
        case .plain: break
        case .muted: attributes |= cncurses_attr_dim()
        case .success: pair = 1
        case .failure:
            pair = 2
            if !usesColor { attributes |= cncurses_attr_bold() }
        case .warning: pair = 3
        case .accent: pair = 4
        }
        return (attributes, usesColor ? pair : 0)
    }
}
