/// Fetch's "parse a single range header value" as used by the CORS safelist.
public enum RangeHeaderRules {
    /// Whether `value` is exactly `bytes=START-` or `bytes=START-END` (digits only, no whitespace, START ≤ END).
    public static func isSimpleRange(_ value: String) -> Bool {
        guard value.hasPrefix("bytes=") else { return false }
        let rest = value.utf8.dropFirst(6)
        guard let dash = rest.firstIndex(of: UInt8(ascii: "-")) else { return false }
        let start = rest[rest.startIndex..<dash]
        let end = rest[rest.index(after: dash)...]
        guard !start.isEmpty, start.allSatisfy(isDigit), end.allSatisfy(isDigit) else { return false }
        guard let startValue = number(start) else { return false }
        if end.isEmpty { return true }
        guard let endValue = number(end) else { return false }
        return startValue <= endValue
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }

    /// The decimal value, or nil when it overflows (Chromium rejects such ranges; so does the spec's integer parse).
    private static func number(_ digits: Substring.UTF8View.SubSequence) -> UInt64? {
        var value: UInt64 = 0
        for byte in digits {
            let (times, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times.addingReportingOverflow(UInt64(byte - 48))
            if overflow1 || overflow2 { return nil }
            value = sum
        }
        return value
    }
}
