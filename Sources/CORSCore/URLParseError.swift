/// Why a URL or origin could not be parsed.
public struct URLParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The text that failed to parse.
    public var input: String
    /// What was wrong, in words.
    public var reason: String

    /// Creates an error for `input` with a `reason`.
    public init(input: String, reason: String) {
        self.input = input
        self.reason = reason
    }

    /// A one-line message.
    public var description: String { "invalid URL '\(input)': \(reason)" }
}
