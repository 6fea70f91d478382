/// A live test could not run: a program is missing, a command failed, or a server did not start.
public struct LiveFailure: Error, CustomStringConvertible, Sendable {
    /// What went wrong, and what to install where a program is missing.
    public let description: String

    /// A failure that says `description`.
    public init(_ description: String) { self.description = description }
}
