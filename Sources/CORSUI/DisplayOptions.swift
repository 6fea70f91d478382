/// What the terminal can show, decided once at start-up by the executable.
public struct DisplayOptions: Sendable, Equatable {
    /// Whether colours are shown. Without them, verdicts and checks carry words (`ok`, `FAIL`) as well as marks.
    public var usesColor: Bool
    /// Whether box-drawing characters and marks like ✓ can be shown (a UTF-8 locale).
    public var usesUnicode: Bool

    /// Creates display options.
    public init(usesColor: Bool = true, usesUnicode: Bool = true) {
        self.usesColor = usesColor
        self.usesUnicode = usesUnicode
    }
}
