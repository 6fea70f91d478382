/// Fetch's "parse a single range header value" as used by the CORS safelist.
public enum RangeHeaderRules {
    /// Whether `value` is exactly `bytes=START-` or `bytes=START-END` (digits only, no whitespace, START ≤ END).
    ///
    /// The spec reads the numbers with unlimited precision (`largest` nil). Browsers stop somewhere:
    /// `largestNumber(in:)`.
    public static func isSimpleRange(_ value: String, largest: UInt64? = nil) -> Bool {
        guard value.hasPrefix("bytes=") else { return false }
        let rest = value.utf8.dropFirst(6)
        guard let dash = rest.firstIndex(of: UInt8(ascii: "-")) else { return false }
        let start = rest[rest.startIndex..<dash]
        let end = rest[rest.index(after: dash)...]
        guard !start.isEmpty, start.allSatisfy(isDigit), end.allSatisfy(isDigit) else { return false }
        let startValue = number(start)
        let endValue = end.isEmpty ? nil : number(end)
        if let largest {
            guard let startValue, startValue <= largest else { return false }
            if !end.isEmpty {
                guard let endValue, endValue <= largest else { return false }
            }
        }
        if end.isEmpty { return true }
        guard let startValue, let endValue else { return isNotGreater(start, end) }
        return startValue <= endValue
    }

    /// The largest number a browser's safelist accepts in a range, measured: Chromium 156 takes up to 2⁶³ − 2
    /// (`bytes=9223372036854775807-` needs a preflight), Firefox 153 up to 2⁶⁴ − 1. nil: no limit, as the spec
    /// (and Safari, unmeasured, is assumed to follow it).
    public static func largestNumber(in browser: BrowserProfile) -> UInt64? {
        switch browser {
        case .chromium: return UInt64(Int64.max - 1)
        case .firefox: return UInt64.max
        case .safari, .spec: return nil
        }
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

    /// The `Range` value Chromium sends on a GET instead of `value`, or nil when it sends `value` unchanged.
    ///
    /// Chromium's HTTP cache takes over every GET whose `Range` its network stack parses as exactly one valid range
    /// (`HttpUtil::ParseRangeHeader`: the unit `bytes` in any case, spaces and tabs around the numbers and around
    /// commas, empty list items skipped, numbers as 64-bit signed integers with an optional `+`) and sends the range
    /// written again as `bytes=FIRST-LAST`, `bytes=FIRST-` or `bytes=-SUFFIX`. This happens after the CORS checks,
    /// on the wire only: `bytes=00-01` goes out as `bytes=0-1`.
    public static func chromiumCacheRewrite(_ value: String) -> String? {
        let bytes = Array(value.utf8)
        guard let equals = bytes.firstIndex(of: UInt8(ascii: "=")),
            trimmed(bytes[..<equals]).map({ $0 | 0x20 }).elementsEqual("bytes".utf8)
        else { return nil }
        let items = bytes[(equals + 1)...].split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false)
            .map(trimmed).filter { !$0.isEmpty }
        guard items.count == 1, let item = items.first, let dash = item.firstIndex(of: UInt8(ascii: "-")) else {
            return nil
        }
        let firstText = trimmed(item[..<dash])
        let lastText = trimmed(item[(dash + 1)...])
        var first: Int64?
        if !firstText.isEmpty {
            guard let number = signedNumber(firstText) else { return nil }
            first = number
        }
        var last: Int64?
        if !lastText.isEmpty {
            guard let number = signedNumber(lastText) else { return nil }
            last = number
        }
        let rewritten: String
        switch (first, last) {
        case (nil, let suffix?) where suffix > 0: rewritten = "bytes=-\(suffix)"
        case (let first?, nil) where first >= 0: rewritten = "bytes=\(first)-"
        case (let first?, let last?) where first >= 0 && last >= first: rewritten = "bytes=\(first)-\(last)"
        default: return nil
        }
        return rewritten == value ? nil : rewritten
    }

    /// `bytes` without leading and trailing spaces and tabs (Chromium's `TrimLWS`).
    private static func trimmed(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        func isSpace(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
        guard let start = bytes.firstIndex(where: { !isSpace($0) }), let end = bytes.lastIndex(where: { !isSpace($0) })
        else { return [] }
        return bytes[start...end]
    }

    /// Chromium's `StringToInt64`: an optional `-` or `+`, then decimal digits only, within 64 bits.
    private static func signedNumber(_ bytes: ArraySlice<UInt8>) -> Int64? {
        var digits = bytes
        var isNegative = false
        if let sign = digits.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") {
            isNegative = sign == UInt8(ascii: "-")
            digits = digits.dropFirst()
        }
        guard !digits.isEmpty else { return nil }
        var value: Int64 = 0
        for byte in digits {
            guard isDigit(byte) else { return nil }
            let digit = Int64(byte - 48)
            let (times, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) =
                isNegative ? times.subtractingReportingOverflow(digit) : times.addingReportingOverflow(digit)
            if overflow1 || overflow2 { return nil }
            value = sum
        }
        return value
    }
}
