/// Fetch's "parse a single range header value" as used by the CORS safelist.
public enum RangeHeaderRules {
    /// Whether `value` is exactly `bytes=START-` or `bytes=START-END` (digits only, no whitespace, START ≤ END).
    ///
    /// The spec reads the numbers with unlimited precision; Chromium also rejects numbers that overflow 64 bits
    /// (`rejectsOverflow`).
    public static func isSimpleRange(_ value: String, rejectsOverflow: Bool = false) -> Bool {
        guard value.hasPrefix("bytes=") else { return false }
        let rest = value.utf8.dropFirst(6)
        guard let dash = rest.firstIndex(of: UInt8(ascii: "-")) else { return false }
        let start = rest[rest.startIndex..<dash]
        let end = rest[rest.index(after: dash)...]
        guard !start.isEmpty, start.allSatisfy(isDigit), end.allSatisfy(isDigit) else { return false }
        if end.isEmpty { return !rejectsOverflow || number(start) != nil }
        guard let startValue = number(start), let endValue = number(end) else {
            return !rejectsOverflow && isNotGreater(start, end)
        }
        return startValue <= endValue
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }

    /// Compares two digit strings of any length as numbers.
    private static func isNotGreater(_ lhs: Substring.UTF8View, _ rhs: Substring.UTF8View) -> Bool {
        let left = Array(lhs.drop { $0 == UInt8(ascii: "0") })
        let right = Array(rhs.drop { $0 == UInt8(ascii: "0") })
        if left.count != right.count { return left.count < right.count }
        return !right.lexicographicallyPrecedes(left)
    }

    /// The decimal value, or nil when it overflows 64 bits.
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
