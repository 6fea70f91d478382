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
            // Split at commas and trim the bytes (as Fetch does), in place; a String is made only for each kept
            // element.
            let bytes = header.value.utf8
            var start = bytes.startIndex
            while start <= bytes.endIndex {
                let end = bytes[start...].firstIndex(of: UInt8(ascii: ",")) ?? bytes.endIndex
                if let trimmed = bytes[start..<end].trimmingHTTPWhitespace {
                    let item = String(Substring(trimmed))
                    guard trimmed.allSatisfy(String.isTokenByte) else { return .failure(invalidElement: item) }
                    items.append(item)
                }
                guard end < bytes.endIndex else { break }
                start = bytes.index(after: end)
            }
        }
        return found ? .list(items) : .absent
    }
}
