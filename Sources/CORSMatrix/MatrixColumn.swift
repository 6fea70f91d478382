import CORSCore

/// One column of the matrix: a method, a header set and a credentials mode.
public struct MatrixColumn: Sendable, Equatable, Hashable {
    /// The method as the script writes it.
    public var method: String
    /// The headers the script sets.
    public var headerSet: HeaderSet
    /// The credentials mode (the scenario's own when it does not include credentials, or `include`).
    public var credentials: CredentialsMode

    /// Creates a column.
    public init(method: String, headerSet: HeaderSet, credentials: CredentialsMode) {
        self.method = method
        self.headerSet = headerSet
        self.credentials = credentials
    }

    /// Whether the column sends credentials cross-origin.
    public var includesCredentials: Bool { credentials == .include }
}
