/// A one-line text being edited: the text and a cursor position, counted in characters.
public struct TextField: Sendable, Equatable {
    /// The text.
    public private(set) var text: String
    /// The cursor, from 0 (before the first character) to `text.count` (after the last).
    public private(set) var cursor: Int

    /// Starts editing `text` with the cursor at the end.
    public init(_ text: String) {
        self.text = text
        self.cursor = text.count
    }

    /// Applies an editing key; returns false when the key does not edit text.
    public mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .character(let character):
            insert(String(character))
        case .backspace:
            guard cursor > 0 else { return true }
            let index = text.index(text.startIndex, offsetBy: cursor - 1)
            text.remove(at: index)
            cursor -= 1
        case .delete, .control("d"):
            guard cursor < text.count else { return true }
            text.remove(at: text.index(text.startIndex, offsetBy: cursor))
        case .left: cursor = max(0, cursor - 1)
        case .right: cursor = min(text.count, cursor + 1)
        case .home, .control("a"): cursor = 0
        case .end, .control("e"): cursor = text.count
        case .control("u"):
            text.removeSubrange(text.startIndex..<text.index(text.startIndex, offsetBy: cursor))
            cursor = 0
        case .control("k"):
            text.removeSubrange(text.index(text.startIndex, offsetBy: cursor)...)
        default:
            return false
        }
        return true
    }

    /// Inserts `string` at the cursor (typed or pasted text).
    ///
    /// The cursor ends after the inserted text, counted again: a combining mark (U+0301 after `e`) joins the
    /// character before it, so the text can grow by fewer characters than `string` has. Adding `string.count`
    /// left the cursor past the end, and the next edit trapped (found by `.ci/torture`).
    public mutating func insert(_ string: String) {
        let index = text.index(text.startIndex, offsetBy: cursor)
        let before = text[..<index] + string
        text.insert(contentsOf: string, at: index)
        cursor = min(before.count, text.count)
    }
}
