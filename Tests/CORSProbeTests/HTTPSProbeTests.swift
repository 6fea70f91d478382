import CORSCore
import NIOCore
import NIOPosix
import Testing

@testable import CORSProbe

/// https goes through curl: a real TLS round trip on loopback, and each way it can fail as one clear error.
@Suite("https probing through curl", .serialized)
struct HTTPSProbeTests {
    static func request(_ url: String, method: String = "GET", headers: [HeaderField] = [], body: String? = nil)
        throws -> BrowserRequest
    {
        BrowserRequest(
            page: try Origin.parse("http://app.test"), url: try ParsedURL.parse(url), method: method, headers: headers,
            body: body)
    }

    @Test("a preflighted PUT over TLS: the exact bytes arrive, every answer line comes back")
    func roundTrip() async throws {
        let server = try await TLSTestServer.start()
        try await server.server.whileRunning {
            let client = ProbeClient(
                timeout: .seconds(60),
                connectTo: ["api.test:443": ProbeClient.ConnectTarget(host: "127.0.0.1", port: server.port)],
                caCertificates: server.certificate)
            let request = try Self.request(
                "https://api.test/items", method: "PUT", headers: [HeaderField("Content-Type", "application/json")],
                body: "{}")
            let result = try await LiveProbe.run(request, browser: .chromium, client: client)
            #expect(result.recording.messages.map(\.request.method) == ["OPTIONS", "PUT"])
            #expect(result.recording.messages.map(\.response.status) == [204, 200])
            #expect(
                result.recording.messages.last?.response.headers == [
                    HeaderField("Access-Control-Allow-Origin", "http://app.test"), HeaderField("Set-Cookie", "a=1"),
                    HeaderField("Set-Cookie", "b=2"), HeaderField("X-Dup", "one"), HeaderField("x-dup", "two"),
                    HeaderField("Content-Length", "2"),
                ])
            #expect(
                result.recording.messages.first?.response.headers == [
                    HeaderField("Access-Control-Allow-Origin", "http://app.test"),
                    HeaderField("access-control-allow-methods", "PUT"),
                    HeaderField("Access-Control-Allow-Headers", "content-type"), HeaderField("Vary", "Origin"),
                    HeaderField("vary", "Access-Control-Request-Method"),
                ])
            #expect(result.exchange.verdict.outcome == .allowed)
            // What arrived is byte for byte the evaluator's request line and header lines, and the body.
            let expected = result.recording.messages.map { message in
                let body = message.kind == .actual ? "{}" : ""
                let lines = ProbeClient.wireHeaders(message.request, body: message.kind == .actual ? "{}" : nil)
                    .map { "\($0.name): \($0.value)" }
                return ([message.request.requestLine] + lines).joined(separator: "\r\n") + "\r\n\r\n" + body
            }
            #expect(server.log == expected)
            #expect(server.log.first?.hasPrefix("OPTIONS /items HTTP/1.1\r\nHost: api.test\r\n") == true)
        }
    }

    @Test("an untrusted certificate fails the handshake; certificates are always checked")
    func untrusted() async throws {
        let server = try await TLSTestServer.start()
        try await server.server.whileRunning {
            let client = ProbeClient(
                timeout: .seconds(60),
                connectTo: ["api.test:443": ProbeClient.ConnectTarget(host: "127.0.0.1", port: server.port)])
            await #expect(
                throws: ProbeError.tlsFailed(
                    host: "api.test", detail: "SSL certificate problem: self-signed certificate")
            ) {
                try await LiveProbe.run(try Self.request("https://api.test/items"), browser: .chromium, client: client)
            }
            #expect(server.log.isEmpty)
        }
    }

    @Test("an https URL to a plain http port is a TLS error")
    func plainPort() async throws {
        let server = try await TLSTestServer.start(tls: false)
        try await server.server.whileRunning {
            let client = ProbeClient(timeout: .seconds(60))
            let request = try Self.request("https://127.0.0.1:\(server.port)/x")
            do throws(ProbeError) {
                _ = try await LiveProbe.run(request, browser: .chromium, client: client)
                Issue.record("the probe did not fail")
            } catch {
                guard case .tlsFailed(let host, let detail) = error else {
                    Issue.record("not a TLS error: \(error)")
                    return
                }
                #expect(host == "127.0.0.1")
                #expect(detail.contains("wrong version number"), "\(detail)")
                #expect(error.description.hasPrefix("the TLS handshake with 127.0.0.1 failed: "))
            }
        }
    }

    @Test("a closed port: connection refused")
    func refused() async throws {
        let listener = try await ProbeNetworkTests.silentListener()
        let port = try #require(listener.localAddress?.port)
        try await listener.close()
        await #expect(throws: ProbeError.connectionRefused(host: "127.0.0.1", port: port)) {
            try await LiveProbe.run(
                try Self.request("https://127.0.0.1:\(port)/x"), browser: .chromium, client: ProbeClient())
        }
    }

    @Test("a server that accepts and never answers: the timeout")
    func timeout() async throws {
        let listener = try await ProbeNetworkTests.silentListener()
        let port = try #require(listener.localAddress?.port)
        let url = "https://127.0.0.1:\(port)/x"
        await #expect(throws: ProbeError.timedOut(seconds: 0.5, url: url)) {
            try await LiveProbe.run(
                try Self.request(url), browser: .chromium, client: ProbeClient(timeout: .milliseconds(500)))
        }
        try await listener.close()
    }

    @Test("a host that does not resolve")
    func dns() async throws {
        await #expect(throws: ProbeError.hostNotFound("no-such-host.invalid")) {
            try await LiveProbe.run(
                try Self.request("https://no-such-host.invalid/x"), browser: .chromium, client: ProbeClient())
        }
    }

    @Test("no curl program: says how to install it")
    func curlMissing() async throws {
        let client = ProbeClient(curlPath: "/nonexistent/curl")
        await #expect(throws: ProbeError.curlMissing) {
            try await LiveProbe.run(try Self.request("https://127.0.0.1:9/x"), browser: .chromium, client: client)
        }
    }
}
