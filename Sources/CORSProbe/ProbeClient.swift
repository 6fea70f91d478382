import CORSCore

/// The probe's transport: plain http goes out through SwiftNIO (``NIOHTTPTransport``), https through the `curl`
/// program (``CurlTransport``), with the same timeout, `--connect-to` targets and errors.
///
/// Either way the request goes out exactly as the evaluator wrote it (request line, header lines in order and
/// case, plus `Content-Length` where a browser frames one), redirects are answers, never followed, and the response
/// head comes back with every line in order, case and duplicates kept.
public struct ProbeClient: ProbeTransport {
    /// How long to wait for the connection and the response head together.
    public var timeout: Duration
    /// `host:port` → `address:port` replacements for where to connect (curl's `--connect-to`); the request still
    /// carries the URL's host in `Host`.
    public var connectTo: [String: ConnectTarget]
    /// A file of PEM certificates trusted for https besides the system's (curl's `--cacert`), or nil.
    public var caCertificates: String?
    /// The `curl` program to run for https, or nil to look for `curl` on `PATH`.
    public var curlPath: String?

    /// Where to connect instead of the URL's host and port.
    public struct ConnectTarget: Sendable, Equatable {
        /// The address or host name to connect to.
        public var host: String
        /// The port to connect to.
        public var port: Int

        /// Creates a target.
        public init(host: String, port: Int) {
            self.host = host
            self.port = port
        }
    }

    /// Creates a client.
    public init(
        timeout: Duration = .seconds(10), connectTo: [String: ConnectTarget] = [:], caCertificates: String? = nil,
        curlPath: String? = nil
    ) {
        self.timeout = timeout
        self.connectTo = connectTo
        self.caCertificates = caCertificates
        self.curlPath = curlPath
    }

    /// Sends `request` over http (NIO) or https (curl) and returns the response head.
    public func send(_ request: WireRequest, body: String?) async throws(ProbeError) -> ServerResponse {
        switch request.url.scheme {
        case "http":
            return try await NIOHTTPTransport(timeout: timeout, connectTo: connectTo).send(request, body: body)
        case "https":
            let curl = CurlTransport(
                timeout: timeout, connectTo: connectTo, caCertificates: caCertificates, executable: curlPath)
            return try await curl.send(request, body: body)
        default:
            throw .network(
                url: request.url.serializedWithoutFragment, detail: "only http and https URLs can be probed")
        }
    }

    /// The methods a browser frames with `Content-Length: 0` even without a body.
    static let bodyMethods: Set<String> = ["POST", "PUT", "PATCH"]

    /// Whether `body` goes on the wire with `request`: never with GET or HEAD, as browsers refuse those.
    static func sendsBody(_ request: WireRequest, body: String?) -> Bool {
        body != nil && request.method != "GET" && request.method != "HEAD"
    }

    /// The header lines that go on the wire for `request` with `body`.
    public static func wireHeaders(_ request: WireRequest, body: String?) -> [HeaderField] {
        var headers = request.headers
        let hasBody = sendsBody(request, body: body)
        if (hasBody || bodyMethods.contains(request.method)) && !headers.contains(named: "Content-Length") {
            headers.append(HeaderField("Content-Length", String(hasBody ? (body ?? "").utf8.count : 0)))
        }
        return headers
    }

    /// Where a request to `url` connects: its `--connect-to` target, or the URL's own host and port.
    static func target(of url: ParsedURL, connectTo: [String: ConnectTarget]) -> ConnectTarget {
        let port = url.port ?? (url.scheme == "https" ? 443 : 80)
        return connectTo["\(url.host):\(port)"] ?? ConnectTarget(host: url.host, port: port)
    }
}
