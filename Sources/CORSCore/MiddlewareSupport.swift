/// Small request readers shared by the middleware presets.
enum MiddlewareSupport {
    /// The request's `Origin` value (the first line), or nil.
    static func origin(_ request: WireRequest) -> String? {
        first(request, "Origin")
    }

    /// The first value of `name`, trimmed, or nil.
    static func first(_ request: WireRequest, _ name: String) -> String? {
        request.headers.first { $0.hasName(name) }?.value.trimmingHTTPWhitespace
    }

    /// Whether the request is OPTIONS with `Access-Control-Request-Method`: the usual preflight test.
    static func isPreflight(_ request: WireRequest) -> Bool {
        request.method.asciiUppercased == "OPTIONS" && request.headers.contains(named: "Access-Control-Request-Method")
    }

    /// The comma-separated items of a header value, trimmed, empty items dropped.
    static func items(_ value: String?) -> [String] {
        guard let value else { return [] }
        // Split on the comma byte (servers split code units, not grapheme clusters), trimmed on the bytes.
        return value.utf8.split(separator: UInt8(ascii: ",")).compactMap { item in
            item.trimmingHTTPWhitespace.map { String(Substring($0)) }
        }
    }

    /// Whether `text` matches a glob in which each `*` stands for any run of characters.
    static func globMatches(_ glob: String, _ text: String) -> Bool {
        let parts = glob.split(separator: "*", omittingEmptySubsequences: false).map(String.init)
        guard parts.count > 1 else { return glob == text }
        guard let head = parts.first, let tail = parts.last, text.hasPrefix(head) else { return false }
        var rest = Substring(text.dropFirst(head.count))
        for middle in parts.dropFirst().dropLast() {
            guard let range = rest.firstRange(of: middle) else { return false }
            rest = rest[range.upperBound...]
        }
        return rest.hasSuffix(tail)
    }

}
