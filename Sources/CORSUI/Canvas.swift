/// A screen's worth of cells, drawn by the explorer and copied to the terminal as a whole.
///
/// Nothing here knows about a terminal: tests compare canvases as text (``text``, ``snapshot``).
public struct Canvas: Sendable, Equatable {
    /// The canvas size.
    public let size: Size
    /// The cells, row by row.
    public private(set) var cells: [Cell]
    /// Whether ``put(_:column:row:style:clip:)`` writes only ASCII, for a terminal without UTF-8: other characters
    /// become look-alikes of the same width (`…` becomes `~`) or `?`.
    public var asciiOnly: Bool

    /// A blank canvas.
    public init(size: Size, asciiOnly: Bool = false) {
        self.size = size
        self.cells = Array(repeating: .blank, count: size.columns * size.rows)
        self.asciiOnly = asciiOnly
    }

    /// The whole canvas as a rectangle.
    public var bounds: Rect { Rect(x: 0, y: 0, width: size.columns, height: size.rows) }

    /// The cell at `column`, `row` (blank outside the canvas).
    public subscript(column: Int, row: Int) -> Cell {
        guard column >= 0, column < size.columns, row >= 0, row < size.rows else { return .blank }
        return cells[row * size.columns + column]
    }

    /// Writes `text` from `column`, `row`, clipped to `clip` (default: the whole canvas), and returns the column
    /// after the last cell written. Text is escaped first, so untrusted values are safe here; with ``asciiOnly`` it is
    /// also made ASCII.
    @discardableResult
    public mutating func put(_ text: String, column: Int, row: Int, style: CellStyle = .plain, clip: Rect? = nil)
        -> Int
    {
        let area = clip ?? bounds
        guard row >= area.y, row < area.maxY, row >= 0, row < size.rows else { return column }
        let limit = min(area.maxX, size.columns)
        var x = column
        for glyph in DisplayText.glyphs(text, asciiOnly: asciiOnly) {
            if x + glyph.width > limit { break }
            if x >= max(area.x, 0) {
                cells[row * size.columns + x] = Cell(glyph.character, style: style)
                if glyph.width == 2 {
                    cells[row * size.columns + x + 1] = Cell(" ", style: style, isContinuation: true)
                }
            }
            x += glyph.width
        }
        return x
    }

    /// Sets the style of the cells in `rect`, keeping their characters.
    public mutating func restyle(_ rect: Rect, style: CellStyle) {
        for row in max(rect.y, 0)..<min(rect.maxY, size.rows) {
            for column in max(rect.x, 0)..<min(rect.maxX, size.columns) {
                cells[row * size.columns + column].style = style
            }
        }
    }

    /// Fills `rect` with `character`.
    public mutating func fill(_ rect: Rect, with character: Character = " ", style: CellStyle = .plain) {
        for row in max(rect.y, 0)..<min(rect.maxY, size.rows) {
            for column in max(rect.x, 0)..<min(rect.maxX, size.columns) {
                cells[row * size.columns + column] = Cell(character, style: style)
            }
        }
    }

    /// The rows as text, without styles.
    public var lines: [String] {
        (0..<size.rows).map { row in
            var line = ""
            for column in 0..<size.columns where !self[column, row].isContinuation {
                line.append(self[column, row].character)
            }
            return line
        }
    }

    /// The rows as text, one per line, trailing spaces removed.
    public var text: String {
        lines.map { line in
            var trimmed = Substring(line)
            while trimmed.last == " " { trimmed.removeLast() }
            return String(trimmed)
        }.joined(separator: "\n")
    }

    /// A reviewable text form: each row quoted, then one letter per cell for its role (upper case when bold,
    /// `#` when reversed).
    public var snapshot: String {
        var output = lines.map { "\"\($0)\"" }
        output.append(
            "--- styles: . plain  m muted  a accent  s success  f failure  w warning  (B or upper case: bold, #: reversed)"
        )
        for row in 0..<size.rows {
            var codes = ""
            for column in 0..<size.columns {
                let style = self[column, row].style
                if style.isReversed {
                    codes.append("#")
                } else {
                    let code = style.role.snapshotCode
                    codes += style.isBold ? (code == "." ? "B" : code.uppercased()) : String(code)
                }
            }
            output.append("\"\(codes)\"")
        }
        return output.joined(separator: "\n")
    }
}
