import CORSCore

/// One row of the matrix: the page origin a request comes from, and why it is there.
public struct MatrixOrigin: Sendable, Equatable, Hashable {
    /// The origin of the page making the request.
    public var origin: Origin
    /// Why the row is in the matrix.
    public var role: OriginRole

    /// Creates a row origin.
    public init(_ origin: Origin, role: OriginRole) {
        self.origin = origin
        self.role = role
    }
}
