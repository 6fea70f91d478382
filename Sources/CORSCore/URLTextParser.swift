/// The parsing steps behind `ParsedURL.parse`, kept apart so the public type stays a plain value.
struct URLTextParser {
    let input: String
    /// The browser whose host parsing is followed where browsers differ (`xn--` labels).
    let profile: BrowserProfile

    func fail(_ reason: String) -> URLParseError { URLParseError(input: input, reason: reason) }

    func parse() throws(URLParseError) -> ParsedURL {
        if let simple = SimpleURLParser.parse(input) { return simple }
        return try parseFully()
    }

    /// `parse()` without `SimpleURLParser`'s fast path: the whole standard, for every input.
    func parseFully() throws(URLParseError) -> ParsedURL {
        let cleaned = Self.stripped(input.unicodeScalars)
        guard !cleaned.isEmpty else { throw fail("it is empty") }

        guard let colon = cleaned.firstIndex(of: ":"), colon > 0, Self.isASCIIAlpha(cleaned[0]) else {
            throw fail("expected an absolute URL with a scheme, such as https://api.example.com/path")
        }
        var scheme = ""
        for scalar in cleaned[0..<colon] {
            guard Self.isSchemeCharacter(scalar) else {
                throw fail("the scheme contains '\(scalar)'")
            }
            scheme.unicodeScalars.append(Self.lowercased(scalar))
        }
        let rest = Array(cleaned[(colon + 1)...])
        guard ParsedURL.isSpecial(scheme) else {
            return ParsedURL(
                scheme: scheme, username: "", password: "", host: "", port: nil,
                pathAndQuery: String(String.UnicodeScalarView(rest)), fragment: nil)
        }
        return try parseSpecial(scheme: scheme, rest: rest)
    }

    private func parseSpecial(scheme: String, rest: [Unicode.Scalar]) throws(URLParseError) -> ParsedURL {
        if scheme == "file" { return try parseFile(rest: rest) }
        var index = 0
        while index < rest.count, rest[index] == "/" || rest[index] == "\\" { index += 1 }
        var authorityEnd = index
        while authorityEnd < rest.count, !"/\\?#".unicodeScalars.contains(rest[authorityEnd]) { authorityEnd += 1 }
        var authority = Array(rest[index..<authorityEnd])

        var username = ""
        var password = ""
        if let at = authority.lastIndex(of: "@") {
            let userinfo = authority[..<at]
            if let separator = userinfo.firstIndex(of: ":") {
                username = Self.percentEncode(userinfo[..<separator], set: .userinfo)
                password = Self.percentEncode(userinfo[(separator + 1)...], set: .userinfo)
            } else {
                username = Self.percentEncode(userinfo, set: .userinfo)
            }
            authority = Array(authority[(at + 1)...])
        }

        var hostText = authority[...]
        var port: Int?
        if let portColon = Self.portSeparator(in: authority) {
            hostText = authority[..<portColon]
            let digits = authority[(portColon + 1)...]
            if !digits.isEmpty {
                var value = 0
                for scalar in digits {
                    guard Self.isDigit(scalar) else { throw fail("the port is not a number") }
                    value = value * 10 + Int(scalar.value - 48)
                    guard value <= 65535 else { throw fail("the port is larger than 65535") }
                }
                port = value
            }
        }
        if let defaultPort = ParsedURL.defaultPorts[scheme], port == defaultPort { port = nil }

        guard !hostText.isEmpty else { throw fail("the host is missing") }
        let host = try HostParser.parse(String(String.UnicodeScalarView(hostText)), in: input, profile: profile)
        let (target, fragment) = pathQueryAndFragment(rest[authorityEnd...], scheme: scheme)
        return ParsedURL(
            scheme: scheme, username: username, password: password, host: host, port: port,
            pathAndQuery: target, fragment: fragment)
    }

    /// `file:` URLs (the URL standard's file states): a host only after two slashes (`localhost` is no host), never
    /// userinfo or a port; with fewer slashes everything is path. So `file::///x` is the path `/:///x`.
    private func parseFile(rest: [Unicode.Scalar]) throws(URLParseError) -> ParsedURL {
        func isSlash(_ scalar: Unicode.Scalar) -> Bool { scalar == "/" || scalar == "\\" }
        var host = ""
        var pathStart = 0
        if rest.count >= 2, isSlash(rest[0]), isSlash(rest[1]) {
            var hostEnd = 2
            while hostEnd < rest.count, !"/\\?#".unicodeScalars.contains(rest[hostEnd]) { hostEnd += 1 }
            let hostText = String(String.UnicodeScalarView(rest[2..<hostEnd]))
            if !hostText.isEmpty {
                host = try HostParser.parse(hostText, in: input, profile: profile)
                if host == "localhost" { host = "" }
            }
            pathStart = hostEnd
        }
        let (target, fragment) = pathQueryAndFragment(rest[pathStart...], scheme: "file")
        return ParsedURL(
            scheme: "file", username: "", password: "", host: host, port: nil, pathAndQuery: target,
            fragment: fragment)
    }

    /// The normalized path and query (`/a/b?q`) and the fragment, from what follows the host.
    private func pathQueryAndFragment(_ tail: ArraySlice<Unicode.Scalar>, scheme: String) -> (String, String?) {
        var tail = tail
        var fragment: String?
        if let hash = tail.firstIndex(of: "#") {
            fragment = Self.percentEncode(tail[(hash + 1)...], set: .fragment)
            tail = tail[..<hash]
        }
        var path = tail
        var query: String?
        if let question = tail.firstIndex(of: "?") {
            path = tail[..<question]
            query = Self.percentEncode(tail[(question + 1)...], set: scheme == "file" ? .query : .specialQuery)
        }
        var pathText = Self.percentEncode(path, set: .path).replacingBackslashes()
        if let first = pathText.first, first != "/" { pathText = "/" + pathText }
        var target = Self.normalizePath(pathText)
        if let query { target += "?" + query }
        return (target, fragment)
    }

    /// The colon that separates host and port, ignoring colons inside IPv6 brackets.
    private static func portSeparator(in authority: [Unicode.Scalar]) -> Int? {
        var insideBrackets = false
        for (index, scalar) in authority.enumerated() {
            if scalar == "[" { insideBrackets = true }
            if scalar == "]" { insideBrackets = false }
            if scalar == ":" && !insideBrackets { return index }
        }
        return nil
    }

    /// Resolves `.` and `..` segments; an empty path becomes `/`.
    private static func normalizePath(_ path: String) -> String {
        guard !path.isEmpty else { return "/" }
        var output: [Substring] = []
        let segments = path.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        for (offset, segment) in segments.enumerated() {
            let isLast = offset == segments.count - 1
            switch segment.lowercased() {
            case ".", "%2e":
                if isLast { output.append("") }
            case "..", ".%2e", "%2e.", "%2e%2e":
                if !output.isEmpty { output.removeLast() }
                if isLast { output.append("") }
            default:
                output.append(segment)
            }
        }
        return "/" + output.joined(separator: "/")
    }

    enum EncodeSet { case fragment, query, specialQuery, path, userinfo }

    static func percentEncode<S: Sequence>(_ scalars: S, set: EncodeSet) -> String
    where S.Element == Unicode.Scalar {
        var output = ""
        for scalar in scalars {
            if shouldEncode(scalar, set: set) {
                for byte in String(scalar).utf8 { output += "%" + hexByte(byte) }
            } else {
                output.unicodeScalars.append(scalar)
            }
        }
        return output
    }

    private static func shouldEncode(_ scalar: Unicode.Scalar, set: EncodeSet) -> Bool {
        let value = scalar.value
        if value < 0x20 || value > 0x7E { return true }
        switch set {
        case .fragment: return " \"<>`".unicodeScalars.contains(scalar)
        case .query: return " \"#<>".unicodeScalars.contains(scalar)
        case .specialQuery: return " \"#<>'".unicodeScalars.contains(scalar)
        case .path: return " \"#<>?`{}".unicodeScalars.contains(scalar)
        case .userinfo: return " \"#<>?`{}/:;=@[\\]^|".unicodeScalars.contains(scalar)
        }
    }

    static func hexByte(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
    }

    /// The input as the URL standard reads it: leading and trailing C0 controls and spaces trimmed, ASCII tabs and
    /// newlines removed anywhere.
    static func stripped(_ scalars: String.UnicodeScalarView) -> [Unicode.Scalar] {
        guard let first = scalars.firstIndex(where: { $0.value > 0x20 }),
            let last = scalars.lastIndex(where: { $0.value > 0x20 })
        else { return [] }
        return scalars[first...last].filter { $0 != "\t" && $0 != "\n" && $0 != "\r" }
    }

    /// Whether `scalar` may follow a scheme's first letter: letters, digits, `+`, `-` and `.`.
    static func isSchemeCharacter(_ scalar: Unicode.Scalar) -> Bool {
        isASCIIAlpha(scalar) || isDigit(scalar) || scalar == "+" || scalar == "-" || scalar == "."
    }

    static func isASCIIAlpha(_ scalar: Unicode.Scalar) -> Bool {
        (scalar >= "a" && scalar <= "z") || (scalar >= "A" && scalar <= "Z")
    }

    static func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar >= "0" && scalar <= "9" }

    static func lowercased(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        guard scalar >= "A" && scalar <= "Z", let lower = Unicode.Scalar(scalar.value + 32) else { return scalar }
        return lower
    }
}

extension String {
    fileprivate func replacingBackslashes() -> String {
        String(String.UnicodeScalarView(unicodeScalars.map { $0 == "\\" ? "/" : $0 }))
    }
}
