import CORSCore

/// What a live probe (key `P`) brought back: the real server's answers as a raw server, or why there are none.
public enum LiveProbeOutcome: Sendable, Equatable {
    /// The answers were recorded: the server made of them, and a one-line account of what was sent.
    case recorded(ServerDefinition, account: String)
    /// No answer (refused, timed out, no TLS, …): the one-line reason.
    case failed(String)
}
