extension ParsedURL {
    /// Resolves a `Location` value against this URL (absolute, scheme-relative, path-absolute or relative).
    ///
    /// The result is parsed as `profile`'s browser parses URLs (they differ on `xn--` host labels).
    public func resolving(_ reference: String, profile: BrowserProfile = .spec) throws(URLParseError) -> ParsedURL {
        let trimmed = reference.trimmingHTTPWhitespace
        if let colon = trimmed.firstIndex(of: ":"), let first = trimmed.unicodeScalars.first,
            URLTextParser.isASCIIAlpha(first),
            trimmed[..<colon].unicodeScalars.allSatisfy({
                URLTextParser.isASCIIAlpha($0) || URLTextParser.isDigit($0) || "+-.".unicodeScalars.contains($0)
            })
        {
            return try ParsedURL.parse(trimmed, profile: profile)
        }
        let authority = scheme + "://" + host + (port.map { ":\($0)" } ?? "")
        if trimmed.hasPrefix("//") { return try ParsedURL.parse(scheme + ":" + trimmed, profile: profile) }
        if trimmed.hasPrefix("/") { return try ParsedURL.parse(authority + trimmed, profile: profile) }
        let path = pathAndQuery.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first ?? "/"
        if trimmed.hasPrefix("?") { return try ParsedURL.parse(authority + path + trimmed, profile: profile) }
        if trimmed.hasPrefix("#") { return try ParsedURL.parse(authority + pathAndQuery + trimmed, profile: profile) }
        let directory = path.lastIndex(of: "/").map { String(path[...$0]) } ?? "/"
        return try ParsedURL.parse(authority + directory + trimmed, profile: profile)
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
