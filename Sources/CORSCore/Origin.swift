/// The origin of a page or a URL, as the HTML standard defines it.
///
/// A tuple origin is scheme, host and port; every other URL (data:, file:, a sandboxed document)
/// has an opaque origin, which serializes as `null`.
public enum Origin: Sendable, Equatable, Hashable {
    /// A scheme-host-port origin. `port` is nil when it is the scheme's default port.
    case tuple(scheme: String, host: String, port: Int?)
    /// An opaque origin; it is same-origin with nothing else and serializes as `null`.
    case opaque

    /// The ASCII serialization: `scheme://host[:port]`, or `null` for an opaque origin.
    public var serialized: String {
        switch self {
        case .opaque:
            return "null"
        case .tuple(let scheme, let host, let port):
            // One buffer of the right size: this runs on every evaluation.
            guard let port else { return .concatenating(scheme, "://", host) }
            return .concatenating(scheme, "://", host, ":", String(port))
        }
    }

    /// Whether this origin is opaque.
    public var isOpaque: Bool { self == .opaque }

    /// Same-origin as HTML defines it: equal tuples. An opaque origin is never same-origin with anything here,
    /// because each one is unique.
    public func isSameOrigin(with other: Origin) -> Bool {
        guard case .tuple = self else { return false }
        return self == other
    }

    /// Parses a page origin as written in a scenario: `null`, or any URL whose origin is taken.
    public static func parse(_ text: String) throws(URLParseError) -> Origin {
        if text == "null" { return .opaque }
        return try ParsedURL.parse(text).origin
    }
}
