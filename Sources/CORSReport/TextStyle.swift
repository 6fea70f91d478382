/// How text reports are decorated: ANSI colours only when asked (a tty without `NO_COLOR`).
public struct TextStyle: Sendable, Equatable {
    /// Whether ANSI colour codes are emitted.
    public var usesColor: Bool

    /// Creates a style.
    public init(usesColor: Bool) {
        self.usesColor = usesColor
    }

    func paint(_ text: String, _ code: String) -> String {
        usesColor ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    /// Styles `text` (bold).
    public func bold(_ text: String) -> String { paint(text, "1") }
    /// Styles `text` (dim).
    public func dim(_ text: String) -> String { paint(text, "2") }
    /// Styles `text` (green).
    public func green(_ text: String) -> String { paint(text, "32") }
    /// Styles `text` (red).
    public func red(_ text: String) -> String { paint(text, "31") }
    /// Styles `text` (yellow).
    public func yellow(_ text: String) -> String { paint(text, "33") }
    /// Styles `text` (cyan).
    public func cyan(_ text: String) -> String { paint(text, "36") }
}
