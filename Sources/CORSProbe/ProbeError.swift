/// Why a probe got no answer from the server: one line for the user, and a documented exit status.
public enum ProbeError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Nothing listens at the address.
    case connectionRefused(host: String, port: Int)
    /// The host name does not resolve.
    case hostNotFound(String)
    /// No answer within the time limit.
    case timedOut(seconds: Double, url: String)
    /// The TLS handshake failed (an untrusted or expired certificate, a name mismatch, a server that does not
    /// speak TLS); `detail` is curl's message.
    case tlsFailed(host: String, detail: String)
    /// https is probed with the `curl` program, and there is none.
    case curlMissing
    /// The server closed the connection, or sent something that is not an HTTP/1 response.
    case badResponse(url: String, detail: String)
    /// Any other network failure.
    case network(url: String, detail: String)

    /// The line shown to the user.
    public var description: String {
        switch self {
        case .connectionRefused(let host, let port):
            return "connection refused by \(host):\(port): nothing listens there"
        case .hostNotFound(let host):
            return "the host \(host) was not found (DNS lookup failed)"
        case .timedOut(let seconds, let url):
            return "no answer from \(url) within \(Self.format(seconds)) s (--timeout)"
        case .tlsFailed(let host, let detail):
            return "the TLS handshake with \(host) failed: \(detail)"
        case .curlMissing:
            return "https probing runs curl, which is not installed: apt-get install curl"
        case .badResponse(let url, let detail):
            return "\(url) did not answer with an HTTP/1 response: \(detail)"
        case .network(let url, let detail):
            return "could not reach \(url): \(detail)"
        }
    }

    private static func format(_ seconds: Double) -> String {
        seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
    }
}
