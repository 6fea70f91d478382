/// Which loopback ports `serve` and `verify` bind for a scenario's origins.
public enum PortChoice: Sendable, Equatable {
    /// Each origin on its own port from the scenario (`http://app.example.com:3334` on 3334): the URLs stay as
    /// the scenario writes them, and only the host names need mapping to 127.0.0.1.
    case scenario
    /// The first origin (the page) on `port`, the others on the ports after it.
    case sequential(from: Int)
    /// Free ports the system picks; hosts a browser reaches without name resolution keep their own port.
    case ephemeral
    /// Free ports the system picks for every origin, `localhost` and IP literals too: for clients that send each
    /// origin's requests to its listener themselves (curl's `--connect-to`, the probe's), never for a browser.
    case everyOriginEphemeral
}
