/// Fetch's "extract header list values" for comma-separated token lists
/// (`Access-Control-Allow-Methods`, `-Allow-Headers`, `-Expose-Headers`).
public enum HeaderListParser {
    /// The result of parsing a token-list header.
    public enum Result: Sendable, Equatable {
        /// No line with that name.
        case absent
        /// The non-empty elements, whitespace trimmed, in order (all lines joined).
        case list([String])
        /// An element is not a token; the whole header fails.
        case failure(invalidElement: String)

        /// The elements, treating absent and failure as an empty list.
        public var elements: [String] {
            if case .list(let items) = self { return items }
            return []
        }
    }

    /// Parses every line named `name` in `headers` as one comma-separated list; empty elements are allowed.
    public static func parse(_ name: String, in headers: [HeaderField]) -> Result {
        let lines = headers.values(named: name)
        guard !lines.isEmpty else { return .absent }
        var items: [String] = []
        for line in lines {
            for element in line.split(separator: ",", omittingEmptySubsequences: false) {
                let item = String(element).trimmingHTTPWhitespace
                if item.isEmpty { continue }
                guard item.isHTTPToken else { return .failure(invalidElement: item) }
                items.append(item)
            }
        }
        return .list(items)
    }
}
