/// How one cell is drawn: a meaning plus the attributes that carry meaning without colour.
public struct CellStyle: Sendable, Equatable, Hashable {
    /// The meaning, mapped to a colour by the terminal.
    public var role: StyleRole
    /// Bold text.
    public var isBold: Bool
    /// Reversed video: the selection and the text cursor.
    public var isReversed: Bool

    /// Creates a style.
    public init(_ role: StyleRole = .plain, bold: Bool = false, reversed: Bool = false) {
        self.role = role
        self.isBold = bold
        self.isReversed = reversed
    }

    /// Plain text.
    public static let plain = CellStyle()
    /// Bold plain text.
    public static let bold = CellStyle(bold: true)
    /// Muted text.
    public static let muted = CellStyle(.muted)
    /// Accent text.
    public static let accent = CellStyle(.accent)
    /// Success text, bold.
    public static let success = CellStyle(.success, bold: true)
    /// Failure text, bold.
    public static let failure = CellStyle(.failure, bold: true)
    /// Warning text, bold.
    public static let warning = CellStyle(.warning, bold: true)

    /// The same style, reversed.
    public var reversed: CellStyle {
        var style = self
        style.isReversed = true
        return style
    }

    /// The same style, bold.
    public var bold: CellStyle {
        var style = self
        style.isBold = true
        return style
    }
}
