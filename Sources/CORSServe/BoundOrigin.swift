/// A scenario origin and the loopback port that actually serves it.
public struct BoundOrigin: Sendable, Equatable {
    /// The origin as the browser sees it.
    public var origin: ServedOrigin
    /// The local port it is served on.
    public var localPort: Int

    /// Creates a bound origin.
    public init(origin: ServedOrigin, localPort: Int) {
        self.origin = origin
        self.localPort = localPort
    }

    /// Whether the browser can reach it without moving the port (it is served on its own port).
    public var keepsItsPort: Bool { origin.port == localPort }
}
