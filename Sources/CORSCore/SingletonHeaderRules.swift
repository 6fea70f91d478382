/// Response header fields a browser's HTTP layer takes only once: two different values make the whole response a
/// network error, before any CORS check.
///
/// Measured with `verify` (Chromium 156, Firefox 153) on every response kind (actual, redirect, preflight):
///
/// | field | Chromium | Firefox | Safari and the spec profile |
/// |---|---|---|---|
/// | `Content-Length` | values split at commas | values split at commas | the same (RFC 9112 §6.3) |
/// | `Content-Disposition` | values split at commas | whole lines | not checked |
/// | `Location` (any status) | whole lines | whole lines | not checked |
///
/// Values are compared exactly after trimming, so `inline` and `INLINE` conflict; repeating one value is fine.
enum SingletonHeaderRules {
    /// The lowercased name of the first field of `headers` that `browser` finds with two different values, or nil.
    static func conflict(in headers: [HeaderField], browser: BrowserProfile) -> String? {
        if hasTwoValues(of: "content-length", in: headers, splittingAtCommas: true) { return "content-length" }
        switch browser {
        case .chromium, .firefox:
            if hasTwoValues(of: "content-disposition", in: headers, splittingAtCommas: browser == .chromium) {
                return "content-disposition"
            }
            if hasTwoValues(of: "location", in: headers, splittingAtCommas: false) { return "location" }
            return nil
        case .safari, .spec:
            return nil
        }
    }

    private static func hasTwoValues(of name: String, in headers: [HeaderField], splittingAtCommas: Bool) -> Bool {
        var first: Substring.UTF8View?
        for header in headers where header.hasName(name) {
            let bytes = header.value.utf8[...]
            let values =
                splittingAtCommas
                ? bytes.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false) : [bytes]
            for value in values {
                guard let trimmed = value.trimmingHTTPWhitespace else { continue }
                guard let seen = first else {
                    first = trimmed
                    continue
                }
                if !seen.elementsEqual(trimmed) { return true }
            }
        }
        return false
    }
}
