/// A terminal size in character cells.
public struct Size: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// Columns (width).
    public var columns: Int
    /// Rows (height).
    public var rows: Int

    /// Creates a size; negative values count as zero.
    public init(columns: Int, rows: Int) {
        self.columns = max(0, columns)
        self.rows = max(0, rows)
    }

    /// The smallest size the explorer draws its full screen in.
    public static let minimum = Size(columns: 80, rows: 24)

    /// Whether this size is at least `other` in both directions.
    public func contains(_ other: Size) -> Bool { columns >= other.columns && rows >= other.rows }

    /// `80×24`.
    public var description: String { "\(columns)×\(rows)" }
}
