/// How long each browser keeps a preflight result, from `Access-Control-Max-Age`.
public enum MaxAgeRules {
    /// The seconds used when the header is absent (every engine: 5).
    public static let defaultSeconds = 5

    /// The longest each profile caches a result; nil for the spec, which leaves the limit to the browser.
    public static func cap(for browser: BrowserProfile) -> Int? {
        switch browser {
        case .chromium: return 7200
        case .firefox: return 86_400
        case .safari: return 600
        case .spec: return nil
        }
    }

    /// The lifetime in seconds the profile gives a preflight result (0: not cached), and how it got there.
    public static func lifetime(headerValue: String?, browser: BrowserProfile) -> (seconds: Int, reason: String) {
        guard let raw = headerValue else {
            return (defaultSeconds, "no Access-Control-Max-Age: the default of \(defaultSeconds) seconds applies")
        }
        let value = raw.trimmingHTTPWhitespace
        let capNote = cap(for: browser).map { " (\(browser.displayName) caps it at \($0) s)" } ?? ""
        switch browser {
        case .spec:
            guard let seconds = digitsOnly(value) else {
                return (defaultSeconds, "'\(value)' is not delta-seconds, so the default of 5 seconds applies")
            }
            return (seconds, "cached for \(seconds) s")
        case .firefox:
            if value.isEmpty {
                return (defaultSeconds, "an empty max-age gets Firefox's default of 5 seconds")
            }
            guard let seconds = digitsOnly(value) else {
                return (0, "Firefox does not cache a result whose max-age '\(value)' has a non-digit character")
            }
            return capped(seconds, browser: browser, note: capNote)
        case .chromium, .safari:
            guard let seconds = signedInteger(value) else {
                return (defaultSeconds, "'\(value)' is not an integer, so the default of 5 seconds applies")
            }
            if seconds < 0 { return (0, "a negative max-age means the result is not cached") }
            return capped(seconds, browser: browser, note: capNote)
        }
    }

    private static func capped(_ seconds: Int, browser: BrowserProfile, note: String) -> (Int, String) {
        if let cap = cap(for: browser), seconds > cap {
            return (cap, "\(seconds) s is over the cap\(note): cached for \(cap) s")
        }
        if seconds == 0 { return (0, "max-age 0: the result is not cached") }
        return (seconds, "cached for \(seconds) s")
    }

    private static func digitsOnly(_ value: String) -> Int? {
        guard !value.isEmpty, value.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
        return Int(value) ?? Int.max
    }

    private static func signedInteger(_ value: String) -> Int? {
        var digits = Substring(value)
        var negative = false
        if digits.hasPrefix("-") || digits.hasPrefix("+") {
            negative = digits.hasPrefix("-")
            digits = digits.dropFirst()
        }
        guard let magnitude = digitsOnly(String(digits)) else { return nil }
        return negative ? -magnitude : magnitude
    }
}
