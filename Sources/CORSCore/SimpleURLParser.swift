/// The URL parser's fast path: `http(s)://` and `ws(s)://` URLs in plain ASCII that need no percent-encoding, no
/// IDNA, no IPv4 or IPv6 parsing and no dot-segment removal, parsed on their bytes.
///
/// Nearly every URL an evaluation parses (request URLs, `Location` values, `Access-Control-Allow-Origin` values)
/// is one. Anything else returns nil and goes through `URLTextParser`, which handles the whole standard; the fast
/// path must return what `URLTextParser` returns whenever it returns at all (`SimpleURLParserTests`).
enum SimpleURLParser {
    /// `text` parsed, or nil when it is not a simple URL.
    static func parse(_ text: String) -> ParsedURL? {
        var utf8 = Substring(text).utf8
        guard let first = utf8.first, isLetter(first) else { return nil }
        // The scheme: letters up to the colon spelling http, https, ws or wss (ftp and file take the full parser).
        guard let colon = utf8.firstIndex(of: UInt8(ascii: ":")) else { return nil }
        guard let scheme = specialScheme(utf8[..<colon]) else { return nil }
        utf8 = utf8[utf8.index(after: colon)...]
        guard utf8.starts(with: "//".utf8) else { return nil }
        utf8 = utf8.dropFirst(2)

        let authorityEnd = utf8.firstIndex {
            $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#")
        }
        let authority = utf8[..<(authorityEnd ?? utf8.endIndex)]
        var hostBytes = authority
        var port: Int?
        if let portColon = authority.firstIndex(of: UInt8(ascii: ":")) {
            hostBytes = authority[..<portColon]
            var value = 0
            for byte in authority[authority.index(after: portColon)...] {
                guard isDigit(byte) else { return nil }
                value = value &* 10 &+ Int(byte &- UInt8(ascii: "0"))
                guard value <= 65535 else { return nil }
            }
            if authority.index(after: portColon) != authority.endIndex, value != defaultPort(scheme) { port = value }
        }
        guard let host = simpleHost(hostBytes) else { return nil }

        var pathAndQuery = "/"
        var fragment: String?
        if let authorityEnd {
            let tail = utf8[authorityEnd...]
            let hash = tail.firstIndex(of: UInt8(ascii: "#"))
            let beforeFragment = tail[..<(hash ?? tail.endIndex)]
            if let hash {
                let fragmentBytes = tail[tail.index(after: hash)...]
                guard fragmentBytes.allSatisfy({ isPlain($0) && !isUnsafeInFragment($0) }) else { return nil }
                fragment = String(Substring(fragmentBytes))
            }
            let question = beforeFragment.firstIndex(of: UInt8(ascii: "?"))
            let path = beforeFragment[..<(question ?? beforeFragment.endIndex)]
            guard isSimplePath(path) else { return nil }
            if let question {
                let query = beforeFragment[beforeFragment.index(after: question)...]
                guard query.allSatisfy({ isPlain($0) && !isUnsafeInSpecialQuery($0) }) else { return nil }
            }
            if !beforeFragment.isEmpty {
                let target = String(Substring(beforeFragment))
                pathAndQuery = path.isEmpty ? "/" + target : target
            }
        }
        return ParsedURL(
            scheme: scheme, username: "", password: "", host: host, port: port, pathAndQuery: pathAndQuery,
            fragment: fragment)
    }

    /// The lowercased scheme when `bytes` spell `http`, `https`, `ws` or `wss` in any case.
    private static func specialScheme(_ bytes: Substring.UTF8View) -> String? {
        var lowered: UInt64 = 0
        guard bytes.count <= 5 else { return nil }
        for byte in bytes {
            guard isLetter(byte) else { return nil }
            lowered = lowered << 8 | UInt64(byte | 0x20)
        }
        switch lowered {
        case 0x6874_7470: return "http"
        case 0x68_7474_7073: return "https"
        case 0x7773: return "ws"
        case 0x77_7373: return "wss"
        default: return nil
        }
    }

    private static func defaultPort(_ scheme: String) -> Int {
        scheme == "https" || scheme == "wss" ? 443 : 80
    }

    /// The lowercased host when `bytes` are ASCII letters, digits, `-` and `.` with no `xn--` label and a last label
    /// that does not start with a digit (which could make it an IPv4 address); nil otherwise.
    private static func simpleHost(_ bytes: Substring.UTF8View) -> String? {
        guard !bytes.isEmpty else { return nil }
        var labelStart = true
        var lastLabelStartsWithDigit = false
        var labelPrefix: UInt32 = 0
        var labelLength = 0
        var hasUppercase = false
        for byte in bytes {
            if byte == UInt8(ascii: ".") {
                labelStart = true
                labelLength = 0
                labelPrefix = 0
                continue
            }
            guard isLetter(byte) || isDigit(byte) || byte == UInt8(ascii: "-") else { return nil }
            if isUppercase(byte) { hasUppercase = true }
            if labelStart {
                lastLabelStartsWithDigit = isDigit(byte)
                labelStart = false
            }
            if labelLength < 4 { labelPrefix = labelPrefix << 8 | UInt32(isLetter(byte) ? byte | 0x20 : byte) }
            labelLength += 1
            // "xn--": IDNA decides, and the profiles differ.
            if labelLength == 4, labelPrefix == 0x786E_2D2D { return nil }
        }
        guard !lastLabelStartsWithDigit else { return nil }
        let text = String(Substring(bytes))
        return hasUppercase ? text.asciiLowercased : text
    }

    /// Whether `path` (from its `/` on) needs none of the parser's rewriting: no byte to percent-encode, no `\`,
    /// no `.` or `..` segment (a segment starting with `.` or `%` is left to the full parser).
    private static func isSimplePath(_ path: Substring.UTF8View) -> Bool {
        var previous = UInt8(ascii: "/")
        for byte in path {
            guard isPlain(byte) else { return false }
            switch byte {
            case UInt8(ascii: "\\"), UInt8(ascii: "\""), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "`"),
                UInt8(ascii: "{"), UInt8(ascii: "}"):
                return false
            case UInt8(ascii: "."), UInt8(ascii: "%"):
                if previous == UInt8(ascii: "/") { return false }
            default: break
            }
            previous = byte
        }
        return true
    }

    /// Printable ASCII other than space: nothing the parser strips, removes or always encodes.
    private static func isPlain(_ byte: UInt8) -> Bool { byte > 0x20 && byte < 0x7F }

    private static func isUnsafeInSpecialQuery(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
            || byte == UInt8(ascii: "'")
    }

    private static func isUnsafeInFragment(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
            || byte == UInt8(ascii: "`")
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
    }
    private static func isUppercase(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") }
    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
}
