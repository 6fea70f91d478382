extension ParsedURL {
    /// Resolves a `Location` value against this URL, as the URL standard's basic URL parser does with a base.
    ///
    /// This URL is an http(s) URL (a hop), so the special-scheme rules apply: `\` counts as `/`, and a reference
    /// with this URL's own scheme but no `//` (`http:next`) is relative. Leading and trailing C0 controls and
    /// spaces are trimmed and tabs and newlines removed, as the parser does. The result is parsed as `profile`'s
    /// browser parses URLs (they differ on `xn--` host labels).
    public func resolving(_ reference: String, profile: BrowserProfile = .spec) throws(URLParseError) -> ParsedURL {
        var text = Self.strippedForParsing(reference)
        if let colon = text.firstIndex(of: ":"), Self.isScheme(text[..<colon]) {
            // The scheme state: another scheme starts an absolute URL; this URL's own one may not.
            let rest = text[text.index(after: colon)...]
            guard String(text[..<colon]).asciiLowercased == scheme, !Self.startsWithTwoSlashes(rest) else {
                return try ParsedURL.parse(text, profile: profile)
            }
            text = String(rest)
        }
        let authority = scheme + "://" + host + (port.map { ":\($0)" } ?? "")
        let path = pathAndQuery.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first ?? "/"
        switch text.utf8.first {
        case nil: return try ParsedURL.parse(authority + pathAndQuery, profile: profile)
        case UInt8(ascii: "/"), UInt8(ascii: "\\"):
            if Self.startsWithTwoSlashes(text[...]) {
                return try ParsedURL.parse(scheme + ":" + text, profile: profile)
            }
            return try ParsedURL.parse(authority + text, profile: profile)
        case UInt8(ascii: "?"): return try ParsedURL.parse(authority + path + text, profile: profile)
        case UInt8(ascii: "#"): return try ParsedURL.parse(authority + pathAndQuery + text, profile: profile)
        default:
            let directory = path.lastIndex(of: "/").map { String(path[...$0]) } ?? "/"
            return try ParsedURL.parse(authority + directory + text, profile: profile)
        }
    }

    /// `text` without leading and trailing C0 controls and spaces, and without tabs and newlines anywhere.
    private static func strippedForParsing(_ text: String) -> String {
        // Nearly every Location has no byte the parser strips.
        guard text.utf8.contains(where: { $0 <= 0x20 }) else { return text }
        return String(String.UnicodeScalarView(URLTextParser.stripped(text.unicodeScalars)))
    }

    /// Whether `text` is a URL scheme: an ASCII letter, then letters, digits, `+`, `-` and `.`.
    private static func isScheme(_ text: Substring) -> Bool {
        guard let first = text.unicodeScalars.first, URLTextParser.isASCIIAlpha(first) else { return false }
        return text.unicodeScalars.allSatisfy(URLTextParser.isSchemeCharacter)
    }

    /// Whether `text` starts with two of `/` and `\` (in a special URL, both start an authority).
    private static func startsWithTwoSlashes(_ text: Substring) -> Bool {
        let prefix = text.utf8.prefix(2)
        return prefix.count == 2 && prefix.allSatisfy { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "\\") }
    }

    /// The `Host` header value: host and non-default port.
    public var hostHeader: String {
        guard let port else { return host }
        return .concatenating(host, ":", String(port))
    }

    /// Whether the host is potentially trustworthy on its own (localhost and loopback addresses).
    var isLoopbackHost: Bool {
        host == "localhost" || host.hasSuffix(".localhost") || host.hasPrefix("127.") || host == "[::1]"
    }
}
