/// One entry of a policy's origin allow-list.
public enum OriginPattern: Sendable, Equatable, Hashable {
    /// An exact origin string, compared byte for byte with the request's `Origin` header (`null` included).
    case exact(String)
    /// A wildcard-subdomain pattern such as `https://*.example.com`: same scheme and port, and a host that ends
    /// with `.example.com` after at least one more label.
    case subdomainWildcard(scheme: String, baseHost: String, port: Int?)
    /// A regular expression searched anywhere in the origin (unanchored, like JavaScript's `RegExp.test`).
    case regex(String)

    /// Reads an allow-list entry: `https://*.example.com` becomes a wildcard pattern, anything else is exact.
    public static func parse(_ text: String) -> OriginPattern {
        guard let range = text.firstRange(of: "://*.") else { return .exact(text) }
        let scheme = String(text[..<range.lowerBound]).asciiLowercased
        var hostAndPort = String(text[range.upperBound...])
        if hostAndPort.hasSuffix("/") { hostAndPort.removeLast() }
        var port: Int?
        if let colon = hostAndPort.lastIndex(of: ":"), let number = Int(hostAndPort[hostAndPort.index(after: colon)...])
        {
            port = number
            hostAndPort = String(hostAndPort[..<colon])
        }
        if let defaultPort = ParsedURL.defaultPorts[scheme], port == defaultPort { port = nil }
        return .subdomainWildcard(scheme: scheme, baseHost: hostAndPort.asciiLowercased, port: port)
    }

    /// How the pattern is written in a policy.
    public var written: String {
        switch self {
        case .exact(let origin): return origin
        case .subdomainWildcard(let scheme, let baseHost, let port):
            return "\(scheme)://*.\(baseHost)" + (port.map { ":\($0)" } ?? "")
        case .regex(let pattern): return "/\(pattern)/"
        }
    }

    /// Whether the serialized request origin `origin` matches this entry, the way the server compares it.
    public func matches(_ origin: String) -> Bool {
        matches(origin, memo: EvaluationMemo())
    }

    /// Whether `origin` matches this entry, a regex entry compiled through `memo`.
    func matches(_ origin: String, memo: EvaluationMemo) -> Bool {
        switch self {
        case .exact(let allowed):
            return allowed == origin
        case .subdomainWildcard(let scheme, let baseHost, let port):
            guard let parsed = try? ParsedURL.parse(origin), parsed.scheme == scheme, parsed.port == port else {
                return false
            }
            return parsed.host.hasSuffix("." + baseHost) && parsed.host.count > baseHost.count + 1
        case .regex(let pattern):
            return memo.found(pattern, in: origin)
        }
    }
}
