import CORSCore

/// One value of the header axis: the request headers a script sets, with a short name for the grid.
public struct HeaderSet: Sendable, Equatable, Hashable {
    /// A short name, e.g. `none`, `json` or `scenario`.
    public var name: String
    /// The header lines the script sets.
    public var headers: [HeaderField]

    /// Creates a header set.
    public init(name: String, headers: [HeaderField]) {
        self.name = name
        self.headers = headers
    }

    /// The headers as one line: `Name: value, Name: value`, or `no headers`; control characters escaped.
    public var description: String {
        headers.isEmpty
            ? "no headers" : headers.map { Escaping.visible("\($0.name): \($0.value)") }.joined(separator: ", ")
    }
}
