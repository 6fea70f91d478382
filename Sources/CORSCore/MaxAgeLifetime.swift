/// How long a browser keeps one preflight result, and which rule of `MaxAgeRules` decided it.
///
/// The decision is kept rather than its wording, so an evaluation at `.verdict` detail never builds the text.
public struct MaxAgeLifetime: Sendable, Equatable {
    /// Which rule decided the lifetime.
    public enum Rule: Sendable, Equatable {
        /// No `Access-Control-Max-Age`: the default applies.
        case absent
        /// The value is not delta-seconds (the spec) or not an integer (Chromium, Safari): the default applies.
        case notANumber(String)
        /// Firefox: an empty value gets the default.
        case emptyInFirefox
        /// Firefox: a non-digit character means the result is not cached.
        case nonDigitInFirefox(String)
        /// A negative value: not cached.
        case negative
        /// Over the profile's cap: cached for the cap.
        case capped(requested: Int)
        /// Zero: not cached.
        case zero
        /// Cached for the value.
        case cached
    }

    /// The lifetime in seconds (0: not cached).
    public var seconds: Int
    /// The rule that decided it.
    public var rule: Rule
    /// The profile it was decided for (its cap appears in the reason).
    public var browser: BrowserProfile

    /// Creates a lifetime.
    public init(seconds: Int, rule: Rule, browser: BrowserProfile) {
        self.seconds = seconds
        self.rule = rule
        self.browser = browser
    }

    /// How the lifetime came about, in words.
    public var reason: String {
        let defaultSeconds = MaxAgeRules.defaultSeconds
        switch rule {
        case .absent:
            return "no Access-Control-Max-Age: the default of \(defaultSeconds) seconds applies"
        case .notANumber(let value):
            let kind = browser == .spec ? "delta-seconds" : "an integer"
            return "'\(value)' is not \(kind), so the default of \(defaultSeconds) seconds applies"
        case .emptyInFirefox:
            return "an empty max-age gets Firefox's default of \(defaultSeconds) seconds"
        case .nonDigitInFirefox(let value):
            return "Firefox does not cache a result whose max-age '\(value)' has a non-digit character"
        case .negative:
            return "a negative max-age means the result is not cached"
        case .capped(let requested):
            let note = MaxAgeRules.cap(for: browser).map { " (\(browser.displayName) caps it at \($0) s)" } ?? ""
            return "\(requested) s is over the cap\(note): cached for \(seconds) s"
        case .zero:
            return "max-age 0: the result is not cached"
        case .cached:
            return "cached for \(seconds) s"
        }
    }
}
