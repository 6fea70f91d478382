import CORSCore

/// The headers of a request copied from a browser, sorted into the script's own and the ones the browser added.
///
/// A copy ("Copy as cURL", a HAR entry) holds every header that went on the wire. The script set only some of them;
/// the rest the browser adds by itself, and a scenario must not list those, or the evaluator would treat them as
/// script headers (and usually as reasons for a preflight). The guess is by name: forbidden request headers, `Sec-*`,
/// `Proxy-*`, `User-Agent`, `Accept-Language`, `Priority`, HTTP/2 pseudo-headers, and the `Pragma`/`Cache-Control:
/// no-cache` pair DevTools adds when the cache is disabled. `Origin`, `Referer` and `Cookie` are kept apart: they
/// give the page origin and the scenario's cookie.
public struct CopiedHeaders: Sendable, Equatable {
    /// A header left out of the scenario, and why.
    public struct Dropped: Sendable, Equatable {
        /// The header line as copied.
        public var field: HeaderField
        /// Why it is taken for a browser-added header.
        public var reason: String
    }

    /// The headers the script set, in copied order.
    public var script: [HeaderField] = []
    /// The `Origin` value, if copied.
    public var origin: String?
    /// The `Referer` value, if copied.
    public var referer: String?
    /// The `Cookie` values, joined with `; `, if copied.
    public var cookie: String?
    /// Every header left out, in copied order.
    public var dropped: [Dropped] = []

    private static let browserAdded: [String: String] = [
        "user-agent": "the browser sends its own User-Agent",
        "accept-language": "the browser adds Accept-Language from the user's settings",
        "priority": "the browser adds Priority itself",
    ]

    /// Sorts `headers` as copied.
    public init(_ headers: [HeaderField]) {
        for field in headers {
            let lower = field.lowercasedName
            let isNoCache = field.value.trimmingHTTPWhitespace.asciiLowercased == "no-cache"
            switch lower {
            case "origin":
                origin = field.value
                drop(field, "the browser sets Origin; it gives the page origin")
            case "referer":
                referer = field.value
                drop(field, "the browser sets Referer")
            case "cookie":
                cookie = cookie.map { "\($0); \(field.value)" } ?? field.value
                drop(field, "the browser sends cookies itself: it becomes the scenario's cookie, credentials include")
            case "pragma" where isNoCache, "cache-control" where isNoCache:
                drop(field, "DevTools adds \(field.name): no-cache when the cache is disabled")
            default:
                if lower.hasPrefix(":") {
                    drop(field, "an HTTP/2 pseudo-header, not a header")
                } else if let reason = Self.browserAdded[lower] {
                    drop(field, reason)
                } else if let reason = RequestHeaderRules.forbiddenReason(
                    name: field.name, value: field.value, browser: .spec)
                {
                    drop(field, reason)
                } else {
                    script.append(field)
                }
            }
        }
    }

    private mutating func drop(_ field: HeaderField, _ reason: String) {
        dropped.append(Dropped(field: field, reason: reason))
    }
}
