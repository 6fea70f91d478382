/// A URL parsed the way browsers parse it (the WHATWG URL standard), reduced to what CORS needs.
///
/// Special schemes (`http`, `https`, `ws`, `wss`, `ftp`, `file`) get a host, a port with the default dropped,
/// and a percent-encoded path. Every other scheme (`data:`, `about:`, …) keeps its text and has an opaque origin.
public struct ParsedURL: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// The lowercased scheme, without the colon.
    public var scheme: String
    /// The username of the userinfo part, percent-encoded; empty when absent.
    public var username: String
    /// The password of the userinfo part, percent-encoded; empty when absent.
    public var password: String
    /// The serialized host: lowercased, IPv4 canonical, IPv6 in brackets. Empty for non-special URLs.
    public var host: String
    /// The port, or nil when absent or equal to the scheme's default.
    public var port: Int?
    /// The path and query as sent on the request line (for non-special URLs: everything after the colon).
    public var pathAndQuery: String
    /// The fragment without `#`, or nil. Never sent on the wire.
    public var fragment: String?

    /// Whether the host is an IP address (`127.0.0.1`, `[::1]`), not a name. A serialized host made only of digits
    /// and dots is always an IPv4 address: the parser turns every host that ends in a number into one.
    public var hasIPAddressHost: Bool {
        host.hasPrefix("[")
            || (!host.isEmpty && host.utf8.allSatisfy { $0 == UInt8(ascii: ".") || ($0 >= 48 && $0 <= 57) })
    }

    /// Whether the URL carries a username or password.
    public var hasCredentials: Bool { !username.isEmpty || !password.isEmpty }

    /// Whether the scheme is `http` or `https`, the only ones CORS requests can use.
    public var isHTTP: Bool { scheme == "http" || scheme == "https" }

    /// The URL's origin: a tuple for http(s), ws(s) and ftp; opaque for everything else.
    public var origin: Origin {
        if Self.hasTupleOrigin(scheme) { return .tuple(scheme: scheme, host: host, port: port) }
        if scheme == "blob", let inner = try? ParsedURL.parse(pathAndQuery), inner.isHTTP || inner.scheme == "file" {
            return inner.origin
        }
        return .opaque
    }

    /// Whether this URL's origin is the tuple origin `other`: `origin.isSameOrigin(with: other)` without building
    /// the origin (evaluations ask on every hop).
    public func hasOrigin(_ other: Origin) -> Bool {
        guard case .tuple(let otherScheme, let otherHost, let otherPort) = other else { return false }
        if scheme == "blob" { return origin.isSameOrigin(with: other) }
        return port == otherPort && host == otherHost && scheme == otherScheme && Self.hasTupleOrigin(scheme)
    }

    /// Whether URLs with `scheme` have a tuple origin (`blob:` takes its inner URL's).
    private static func hasTupleOrigin(_ scheme: String) -> Bool {
        scheme == "http" || scheme == "https" || scheme == "ws" || scheme == "wss" || scheme == "ftp"
    }

    /// The full serialization (the `href`), fragment included.
    public var description: String {
        var text = serializedWithoutFragment
        if let fragment { text += "#" + fragment }
        return text
    }

    /// The serialization without the fragment: what a request's URL list holds on the wire.
    public var serializedWithoutFragment: String {
        guard Self.isSpecial(scheme) else { return .concatenating(scheme, ":", pathAndQuery) }
        // Built in one buffer of the exact size: evaluations serialize URLs on every hop.
        let port = port.map { ":" + String($0) } ?? ""
        guard hasCredentials else { return .concatenating(scheme, "://", host, port, pathAndQuery) }
        let userinfo = password.isEmpty ? username + "@" : .concatenating(username, ":", password, "@")
        return .concatenating(scheme, "://", userinfo, host + port, pathAndQuery)
    }

    /// Whether the two URLs serialize the same without their fragments (`serializedWithoutFragment`), compared
    /// field by field instead of serializing both.
    public func equalsIgnoringFragment(_ other: ParsedURL) -> Bool {
        guard scheme == other.scheme, pathAndQuery == other.pathAndQuery else { return false }
        guard Self.isSpecial(scheme) else { return true }
        return host == other.host && port == other.port && username == other.username && password == other.password
    }

    /// Whether `scheme` is one of the URL standard's special schemes (the keys of `defaultPorts`), without hashing.
    static func isSpecial(_ scheme: String) -> Bool {
        switch scheme {
        case "http", "https", "ws", "wss", "ftp", "file": return true
        default: return false
        }
    }

    /// The default port of each special scheme (`file` has none).
    static let defaultPorts: [String: Int?] = [
        "http": 80, "https": 443, "ws": 80, "wss": 443, "ftp": 21, "file": nil,
    ]

    /// Parses `text` as an absolute URL, the way the URL standard does.
    ///
    /// Same as `parse(_:profile:)` with `.spec`: an `xn--` host label that is not valid Punycode, or decodes to a
    /// label UTS #46 does not allow, is an error (as in Firefox and Safari).
    public static func parse(_ text: String) throws(URLParseError) -> ParsedURL {
        try parse(text, profile: .spec)
    }

    /// Parses `text` as an absolute URL the way `profile`'s browser does.
    ///
    /// The profiles differ only on `xn--` host labels: Chromium checks them only when the host has a non-ASCII
    /// character (`https://xn--a.example/` parses there), and Firefox allows a label that decodes to one starting
    /// with `xn--`.
    public static func parse(_ text: String, profile: BrowserProfile) throws(URLParseError) -> ParsedURL {
        try URLTextParser(input: text, profile: profile).parse()
    }

    /// Parses `text` as an absolute URL that at least one browser accepts; the error is Chromium's when none does.
    ///
    /// For text whose browser is decided later (a scenario's request URL): the evaluator re-checks it for the
    /// profile it follows (`CORSFailure.invalidURL`). No profile is the most permissive: Chromium alone accepts
    /// `https://xn--a.example/`, Firefox alone `https://ü.xn--xn---3ra.example/`. The value parsed is the same
    /// in every profile that accepts the text.
    public static func parseForAnyBrowser(_ text: String) throws(URLParseError) -> ParsedURL {
        do {
            return try parse(text, profile: .chromium)
        } catch {
            guard let parsed = try? parse(text, profile: .firefox) else { throw error }
            return parsed
        }
    }
}
