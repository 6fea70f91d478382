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

        /// Whether a list element is not a token (the whole header fails).
        public var isFailure: Bool {
            if case .failure = self { return true }
            return false
        }

        /// The elements, treating absent and failure as an empty list.
        public var elements: [String] {
            if case .list(let items) = self { return items }
            return []
        }
    }

    /// Parses every line named `name` in `headers` as one comma-separated list; empty elements are allowed.
    public static func parse(_ name: String, in headers: [HeaderField]) -> Result {
        var found = false
        var items: [String] = []
        for header in headers where header.hasName(name) {
            found = true
            // Split and trim the bytes (as Fetch does); a String is made only for each kept element.
            let comma = UInt8(ascii: ",")
            for element in header.value.utf8.split(separator: comma, omittingEmptySubsequences: false) {
                guard let first = element.firstIndex(where: { !String.isHTTPWhitespace($0) }),
                    let last = element.lastIndex(where: { !String.isHTTPWhitespace($0) })
                else { continue }
                let bytes = element[first...last]
                let item = String(Substring(bytes))
                guard bytes.allSatisfy(String.isTokenByte) else { return .failure(invalidElement: item) }
                items.append(item)
            }
        }
        return found ? .list(items) : .absent
    }
}
