import CORSCore
import NIOCore
import NIOHTTP1
import NIOPosix

/// Sends one wire request over plain HTTP/1.1 with SwiftNIO and returns the response head exactly as it came:
/// status, header names with their case, duplicates and order.
///
/// The request goes out exactly as given: its request line and header lines in order and case, nothing added but
/// `Content-Length` when there is a body or the method is POST, PUT or PATCH, as a browser frames it. The
/// connection is closed after the response head, so the body is never waited for. Redirects are not followed: a
/// redirect is just a response. Plain http only (https goes through ``CurlTransport``).
public struct NIOHTTPTransport: ProbeTransport {
    /// How long to wait for the connection and the response head together.
    public var timeout: Duration
    /// `host:port` → `address:port` replacements for where to connect (curl's `--connect-to`); the request still
    /// carries the URL's host in `Host`.
    public var connectTo: [String: ProbeClient.ConnectTarget]

    /// Creates a transport.
    public init(timeout: Duration = .seconds(10), connectTo: [String: ProbeClient.ConnectTarget] = [:]) {
        self.timeout = timeout
        self.connectTo = connectTo
    }

    /// Sends `request` (with `body` unless the method is GET or HEAD) and returns the response head.
    public func send(_ request: WireRequest, body: String?) async throws(ProbeError) -> ServerResponse {
        let url = request.url.serializedWithoutFragment
        guard request.url.scheme == "http" else {
            throw .network(url: url, detail: "this transport sends plain http only")
        }
        let target = ProbeClient.target(of: request.url, connectTo: connectTo)
        let host = target.host.hasPrefix("[") ? String(target.host.dropFirst().dropLast()) : target.host
        let headers = ProbeClient.wireHeaders(request, body: body)
        let sendsBody = ProbeClient.sendsBody(request, body: body)
        let group = MultiThreadedEventLoopGroup.singleton
        let loop = group.next()
        let promise = loop.makePromise(of: HTTPResponseHead.self)
        let deadline = loop.scheduleTask(in: TimeAmount(timeout)) {
            promise.fail(ProbeError.timedOut(seconds: timeout.seconds, url: url))
        }
        let bootstrap = ClientBootstrap(group: loop)
            .connectTimeout(TimeAmount(timeout))
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHTTPClientHandlers()
                    try channel.pipeline.syncOperations.addHandler(HeadCollector(promise: promise, url: url))
                }
            }
        var channel: (any Channel)?
        do {
            let connected = try await bootstrap.connect(host: host, port: target.port).get()
            channel = connected
            let head = HTTPRequestHead(
                version: .http1_1, method: HTTPMethod(rawValue: request.method), uri: request.url.pathAndQuery,
                headers: HTTPHeaders(headers.map { ($0.name, $0.value) }))
            connected.write(HTTPClientRequestPart.head(head), promise: nil)
            if sendsBody, let body {
                var buffer = connected.allocator.buffer(capacity: body.utf8.count)
                buffer.writeString(body)
                connected.write(HTTPClientRequestPart.body(.byteBuffer(buffer)), promise: nil)
            }
            connected.writeAndFlush(HTTPClientRequestPart.end(nil), promise: nil)
            let response = try await promise.futureResult.get()
            deadline.cancel()
            try? await connected.close()
            return ServerResponse(
                status: Int(response.status.code), headers: response.headers.map { HeaderField($0.name, $0.value) })
        } catch {
            deadline.cancel()
            promise.fail(error)
            if let channel { try? await channel.close() }
            throw Self.describe(error, url: url, host: target.host, port: target.port, timeout: timeout)
        }
    }

    private static func describe(_ error: any Error, url: String, host: String, port: Int, timeout: Duration)
        -> ProbeError
    {
        if let probe = error as? ProbeError { return probe }
        if let connection = error as? NIOConnectionError {
            if connection.dnsAError != nil || connection.dnsAAAAError != nil, connection.connectionErrors.isEmpty {
                return .hostNotFound(host)
            }
            if let first = connection.connectionErrors.first?.error {
                return describe(first, url: url, host: host, port: port, timeout: timeout)
            }
        }
        if case ChannelError.connectTimeout = error { return .timedOut(seconds: timeout.seconds, url: url) }
        if let io = error as? IOError, io.errnoCode == ECONNREFUSED {
            return .connectionRefused(host: host, port: port)
        }
        if error is SocketAddressError { return .hostNotFound(host) }
        if error is HTTPParserError { return .badResponse(url: url, detail: "\(error)") }
        return .network(url: url, detail: "\(error)")
    }
}

extension Duration {
    /// The duration in seconds.
    var seconds: Double {
        let parts = components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }
}

extension TimeAmount {
    /// The same span as a NIO time amount.
    init(_ duration: Duration) {
        let parts = duration.components
        self = .nanoseconds(parts.seconds * 1_000_000_000 + parts.attoseconds / 1_000_000_000)
    }
}
