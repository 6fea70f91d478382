/// Typed text that does not fit its field, with what was expected.
public struct InputError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The message shown to the user.
    public var message: String

    /// Creates an error.
    public init(_ message: String) { self.message = message }

    /// The message.
    public var description: String { message }
}
