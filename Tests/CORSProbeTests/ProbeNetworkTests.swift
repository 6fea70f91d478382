import CORSCore
import NIOCore
import NIOPosix
import Testing

@testable import CORSProbe

@Suite("The probe's network failures: one clear error, never a hang")
struct ProbeNetworkTests {
    static func request(_ url: String) throws -> BrowserRequest {
        BrowserRequest(page: try Origin.parse("http://app.test"), url: try ParsedURL.parse(url))
    }

    /// A loopback listener that accepts connections and never answers.
    static func silentListener() async throws -> any Channel {
        try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .childChannelInitializer { channel in channel.eventLoop.makeSucceededVoidFuture() }
            .bind(host: "127.0.0.1", port: 0).get()
    }

    @Test("a closed port: connection refused")
    func refused() async throws {
        let listener = try await Self.silentListener()
        let port = try #require(listener.localAddress?.port)
        try await listener.close()
        let client = ProbeClient(timeout: .seconds(5))
        await #expect(throws: ProbeError.connectionRefused(host: "127.0.0.1", port: port)) {
            try await LiveProbe.run(try Self.request("http://127.0.0.1:\(port)/x"), browser: .chromium, client: client)
        }
    }

    @Test("a server that accepts and never answers: the timeout")
    func timeout() async throws {
        let listener = try await Self.silentListener()
        let port = try #require(listener.localAddress?.port)
        let client = ProbeClient(timeout: .milliseconds(300))
        let url = "http://127.0.0.1:\(port)/x"
        await #expect(throws: ProbeError.timedOut(seconds: 0.3, url: url)) {
            try await LiveProbe.run(try Self.request(url), browser: .chromium, client: client)
        }
        try await listener.close()
    }

    @Test("a host that does not resolve")
    func dns() async throws {
        await #expect(throws: ProbeError.hostNotFound("no-such-host.invalid")) {
            try await LiveProbe.run(
                try Self.request("http://no-such-host.invalid/x"), browser: .chromium, client: ProbeClient())
        }
    }

    @Test(
        "the error lines",
        arguments: [
            (ProbeError.connectionRefused(host: "h", port: 1), "connection refused by h:1: nothing listens there"),
            (.timedOut(seconds: 0.5, url: "http://h/"), "no answer from http://h/ within 0.5 s (--timeout)"),
            (
                .tlsFailed(host: "h", detail: "SSL certificate problem: self-signed certificate"),
                "the TLS handshake with h failed: SSL certificate problem: self-signed certificate"
            ),
            (.curlMissing, "https probing runs curl, which is not installed: apt-get install curl"),
        ])
    func lines(_ error: ProbeError, _ line: String) {
        #expect(error.description == line)
    }
}
