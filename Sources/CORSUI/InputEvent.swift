/// Something that happened: a key, a mouse action, a new terminal size, or just time passing.
public enum InputEvent: Sendable, Equatable {
    /// A key press.
    case key(Key)
    /// A left click at a cell.
    case click(column: Int, row: Int)
    /// The mouse wheel, at a cell: negative is up.
    case scroll(lines: Int, column: Int, row: Int)
    /// The terminal now has this size.
    case resize(Size)
    /// Characters that arrived together (a paste, typing ahead of the screen): the same as one `.key(.character)`
    /// each, except that a text edit takes them in one step and checks the result once.
    case text(String)
    /// Nothing happened before the next animation frame was due.
    case tick
}
