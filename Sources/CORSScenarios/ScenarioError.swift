/// A malformed scenario file: where, and what was expected.
public struct ScenarioError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file path, as given.
    public var file: String
    /// The 1-based line, or nil when the problem is the whole file.
    public var line: Int?
    /// The 1-based column, or nil.
    public var column: Int?
    /// What is wrong and what was expected.
    public var message: String

    /// Creates an error.
    public init(file: String, line: Int?, column: Int?, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// `file:line:col: error: message`, the form editors and terminals understand.
    public var description: String {
        var location = file
        if let line {
            location += ":\(line)"
            if let column { location += ":\(column)" }
        }
        return "\(location): error: \(message)"
    }
}
