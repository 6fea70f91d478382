/// One header line: a name and a value, exactly as written (case kept).
public struct HeaderField: Sendable, Equatable, Hashable {
    /// The header name as written.
    public var name: String
    /// The header value as written.
    public var value: String

    /// Creates a header line.
    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }

    /// The byte-lowercased name, for case-insensitive comparison.
    public var lowercasedName: String { name.asciiLowercased }

    /// Whether the line is named `other`, compared byte-case-insensitively.
    public func hasName(_ other: String) -> Bool { name.equalsIgnoringASCIICase(other) }
}

extension Array where Element == HeaderField {
    /// All values of the lines named `name` (case-insensitive), in order, with surrounding whitespace trimmed.
    public func values(named name: String) -> [String] {
        compactMap { $0.hasName(name) ? $0.value.trimmingHTTPWhitespace : nil }
    }

    /// The Fetch "get" of a header: every same-name value joined with `, `, or nil when there is none.
    public func combinedValue(named name: String) -> String? {
        combined(named: name).value
    }

    /// The lines named `name` joined with ", " (as `combinedValue(named:)`), and how many lines there were.
    public func combined(named name: String) -> (value: String?, lineCount: Int) {
        // Most lookups find exactly one line: its value is returned without building an array.
        var found: String?
        var count = 0
        for header in self where header.hasName(name) {
            let value = header.value.trimmingHTTPWhitespace
            found = found.map { $0 + ", " + value } ?? value
            count += 1
        }
        return (found, count)
    }

    /// Whether a line named `name` exists (case-insensitive).
    public func contains(named name: String) -> Bool {
        contains { $0.hasName(name) }
    }
}
