/// A finished program: its exit status and what it wrote.
public struct CommandResult: Sendable, Equatable {
    /// The exit status (or the signal number when a signal ended it).
    public let status: Int32
    /// Standard output, decoded as UTF-8.
    public let output: String
    /// Standard error, decoded as UTF-8.
    public let error: String
}
