/// A key the user pressed, already decoded from the terminal's input.
public enum Key: Sendable, Equatable, Hashable {
    /// A printable character (including space).
    case character(Character)
    /// Ctrl plus a letter, for example `.control("c")`.
    case control(Character)
    case up, down, left, right
    case tab, backTab
    case enter, escape
    case backspace, delete
    case home, end
    case pageUp, pageDown
    /// A function key, F1 = 1.
    case function(Int)
}
