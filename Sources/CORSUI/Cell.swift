/// One character cell of the screen.
public struct Cell: Sendable, Equatable, Hashable {
    /// What the cell shows: one grapheme, never a control character.
    public var character: Character
    /// How it is drawn.
    public var style: CellStyle
    /// True for the right half of a double-width character: the terminal draws nothing here.
    public var isContinuation: Bool

    /// Creates a cell.
    public init(_ character: Character = " ", style: CellStyle = .plain, isContinuation: Bool = false) {
        self.character = character
        self.style = style
        self.isContinuation = isContinuation
    }

    /// An empty cell.
    public static let blank = Cell()
}
