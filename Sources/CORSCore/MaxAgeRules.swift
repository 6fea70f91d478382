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
    public static func lifetime(headerValue: String?, browser: BrowserProfile) -> MaxAgeLifetime {
        func result(_ seconds: Int, _ rule: MaxAgeLifetime.Rule) -> MaxAgeLifetime {
            MaxAgeLifetime(seconds: seconds, rule: rule, browser: browser)
        }
        guard let raw = headerValue else { return result(defaultSeconds, .absent) }
        let value = raw.trimmingHTTPWhitespace
        let seconds: Int
        switch browser {
        case .spec:
            guard let digits = digitsOnly(value) else { return result(defaultSeconds, .notANumber(value)) }
            return result(digits, .cached)
        case .firefox:
            if value.isEmpty { return result(defaultSeconds, .emptyInFirefox) }
            guard let digits = digitsOnly(value) else { return result(0, .nonDigitInFirefox(value)) }
            seconds = digits
        case .chromium, .safari:
            guard let integer = signedInteger(value) else { return result(defaultSeconds, .notANumber(value)) }
            if integer < 0 { return result(0, .negative) }
            seconds = integer
        }
        if let cap = cap(for: browser), seconds > cap { return result(cap, .capped(requested: seconds)) }
        if seconds == 0 { return result(0, .zero) }
        return result(seconds, .cached)
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
