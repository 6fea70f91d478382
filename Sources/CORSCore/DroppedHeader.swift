/// A header the script set that never reaches the wire, and why.
public struct DroppedHeader: Sendable, Equatable {
    /// The header as the script set it.
    public var header: HeaderField
    /// Why the browser dropped it.
    public var reason: String

    /// Creates a dropped-header record.
    public init(header: HeaderField, reason: String) {
        self.header = header
        self.reason = reason
    }
}
