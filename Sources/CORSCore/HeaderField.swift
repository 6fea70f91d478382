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
}

extension Array where Element == HeaderField {
    /// All values of the lines named `name` (case-insensitive), in order, with surrounding whitespace trimmed.
    public func values(named name: String) -> [String] {
        let wanted = name.asciiLowercased
        return compactMap { $0.lowercasedName == wanted ? $0.value.trimmingHTTPWhitespace : nil }
    }

    /// The Fetch "get" of a header: every same-name value joined with `, `, or nil when there is none.
    public func combinedValue(named name: String) -> String? {
        let found = values(named: name)
        return found.isEmpty ? nil : found.joined(separator: ", ")
    }

    /// Whether a line named `name` exists (case-insensitive).
    public func contains(named name: String) -> Bool {
        let wanted = name.asciiLowercased
        return contains { $0.lowercasedName == wanted }
    }
}
