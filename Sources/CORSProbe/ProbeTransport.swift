import CORSCore

/// Puts one wire request on the network and returns the response head exactly as it came back.
///
/// The probe's recording loop does not care how a message travels: ``NIOHTTPTransport`` sends plain http itself,
/// ``CurlTransport`` runs `curl` for https, and ``ProbeClient`` picks one by the URL's scheme.
public protocol ProbeTransport: Sendable {
    /// Sends `request` (with `body` unless the method is GET or HEAD) and returns the final response head: status
    /// and header lines in order, case and duplicates kept. Redirects are answers, never followed.
    func send(_ request: WireRequest, body: String?) async throws(ProbeError) -> ServerResponse
}
