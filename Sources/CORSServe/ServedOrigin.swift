import CORSCore

/// One origin of a scenario that a loopback server stands in for.
public struct ServedOrigin: Sendable, Equatable, Hashable {
    /// The host as the browser sees it (`api.example.com`).
    public var host: String
    /// The port as the browser sees it (80 for `http://host`).
    public var port: Int
    /// What the origin is in the scenario: the page, a server, or both.
    public var role: Role

    /// What an origin is for.
    public enum Role: String, Sendable, Equatable, Hashable {
        /// Only the page comes from here.
        case page
        /// Only the scenario's server answers here.
        case server
        /// The page and the server share the origin (a same-origin request).
        case pageAndServer = "page and server"
    }

    /// Creates a served origin.
    public init(host: String, port: Int, role: Role) {
        self.host = host
        self.port = port
        self.role = role
    }

    /// The origin's serialization, as in an `Origin` header: `http://host[:port]`.
    public var serialized: String { Origin.tuple(scheme: "http", host: host, port: port == 80 ? nil : port).serialized }

    /// `host:port`, as in a host-resolver rule.
    public var hostAndPort: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }

    /// Whether the browser reaches this host without name resolution (`localhost`, an IP literal), so no
    /// host-mapping rule can move it to another port: it must be served on its own port.
    public var isLoopbackLiteral: Bool {
        host == "localhost" || host.hasSuffix(".localhost") || host.contains(":")
            || host.split(separator: ".").allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isNumber) }
    }
}
