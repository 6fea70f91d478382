/// Why a curl command or a HAR file could not be turned into a scenario.
public struct ImportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The message, saying what was expected.
    public var message: String

    /// Creates an error with its message.
    public init(_ message: String) {
        self.message = message
    }

    /// The message.
    public var description: String { message }
}
