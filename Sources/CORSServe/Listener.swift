/// One loopback port to bind, and the scenario origins it answers for (told apart by the `Host` header).
public struct Listener: Sendable, Equatable {
    /// The port to bind; 0 lets the system pick a free one.
    public var requestedPort: Int
    /// The origins served on it.
    public var origins: [ServedOrigin]

    /// Creates a listener.
    public init(requestedPort: Int, origins: [ServedOrigin]) {
        self.requestedPort = requestedPort
        self.origins = origins
    }
}
