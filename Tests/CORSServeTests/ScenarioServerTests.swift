import CORSCore
import CORSScenarios
import Foundation
import Testing

@testable import CORSServe

@Suite("The loopback servers")
struct ScenarioServerTests {
    /// Sends raw request bytes to 127.0.0.1:port and returns the raw response (the server closes when done).
    static func exchange(_ request: String, port: Int) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", Self.rawClient, String(port)]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data(request.utf8))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    private static let rawClient = """
        import socket, sys
        s = socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=10)
        s.sendall(sys.stdin.buffer.read())
        data = b""
        while True:
            chunk = s.recv(65536)
            if not chunk: break
            data += chunk
        sys.stdout.buffer.write(data)
        """

    @Test("a preflight with a lowercase method gets exactly the headers the evaluator's server model sends")
    func preflightBytes() async throws {
        let scenario = try Fixtures.library("rules-patch-not-normalized.yaml")
        let server = try await ScenarioServer.start(try ServePlan(scenario: scenario, ports: .everyOriginEphemeral))
        defer { Task { await server.stop() } }
        let api = try #require(server.bound.first { $0.origin.role == .server })
        let exchange = scenario.evaluate().first
        let preflight = try #require(exchange.preflight)
        let wire = preflight.request.headers.map { "\($0.name): \($0.value)\r\n" }.joined()
        let response = try Self.exchange(
            "OPTIONS \(preflight.request.url.pathAndQuery) HTTP/1.1\r\n\(wire)\r\n", port: api.localPort)
        let expected = try #require(preflight.response)
        let head =
            "HTTP/1.1 \(expected.status) \(expected.reasonPhrase)\r\n"
            + expected.headers.map { "\($0.name): \($0.value)\r\n" }.joined() + "\r\n"
        #expect(response == head)
        #expect(server.arrived.map(\.method) == ["OPTIONS"])
        #expect(server.arrived.first?.headers == preflight.request.headers)
    }

    @Test("the page origin serves the test page; the API origin sets the cookie and sends the browser back")
    func harness() async throws {
        let scenario = try Fixtures.scenario(Fixtures.allowedPut)
        let server = try await ScenarioServer.start(try ServePlan(scenario: scenario, ports: .everyOriginEphemeral))
        defer { Task { await server.stop() } }
        let page = try #require(server.bound.first { $0.origin.role == .page })
        let api = try #require(server.bound.first { $0.origin.role == .server })
        let html = try Self.exchange(
            "GET /__cors-explorer/run HTTP/1.1\r\nHost: app.example.com:3334\r\n\r\n", port: page.localPort)
        #expect(html.hasPrefix("HTTP/1.1 200 OK\r\n"))
        #expect(html.contains("<title>cors-explorer: allowed PUT</title>"))
        #expect(html.contains(#""url":"http:\/\/api.example.com:3333\/items?id=1""#))
        let next = "http%3A%2F%2Fapp.example.com%3A3334%2F__cors-explorer%2Frun%3Fcookie-set%3D1"
        let cookie = try Self.exchange(
            "GET /__cors-explorer/cookie?next=\(next) HTTP/1.1\r\nHost: api.example.com:3333\r\n\r\n",
            port: api.localPort)
        #expect(cookie.hasPrefix("HTTP/1.1 302 Found\r\n"))
        #expect(cookie.contains("Set-Cookie: session=abc123; Path=/\r\n"))
        #expect(cookie.contains("Location: http://app.example.com:3334/__cors-explorer/run?cookie-set=1\r\n"))
        let report = try Self.exchange(
            "POST /__cors-explorer/report HTTP/1.1\r\nHost: app.example.com:3334\r\nContent-Length: 56\r\n\r\n"
                + #"{"result":"resolved","type":"cors","status":200,"headers":[]}"#.prefix(56),
            port: page.localPort)
        #expect(report.hasPrefix("HTTP/1.1 204"))
        let onlyHarness = server.arrived.allSatisfy { $0.isHarness }
        #expect(onlyHarness)
    }

    @Test("a request for a host the scenario does not have is refused and kept out of the exchange")
    func misdirected() async throws {
        let scenario = try Fixtures.scenario(Fixtures.allowedPut)
        let server = try await ScenarioServer.start(try ServePlan(scenario: scenario, ports: .everyOriginEphemeral))
        defer { Task { await server.stop() } }
        let api = try #require(server.bound.first { $0.origin.role == .server })
        let response = try Self.exchange(
            "GET /canonical.html HTTP/1.1\r\nHost: detectportal.firefox.com\r\n\r\n", port: api.localPort)
        #expect(response.hasPrefix("HTTP/1.1 421 Misdirected Request\r\n"))
        #expect(server.arrived.map(\.isMisdirected) == [true])
        #expect(server.arrived.map(\.isScenarioTraffic) == [false])
    }

    @Test("text that would break the page's HTML or script is escaped")
    func pageEscapes() throws {
        let scenario = try Fixtures.scenario(
            """
            title: "</title><script>alert(1)</script>"
            request:
              page: http://app.example.com
              url: http://api.example.com/x
              headers:
                - X-A: "</script><script>alert(2)</script>"
            server: {policy: {}}
            """)
        let plan = try ServePlan(scenario: scenario, ports: .everyOriginEphemeral)
        let html = TestPage.html(plan, bound: [])
        #expect(!html.contains("<script>alert"))
        #expect(html.contains("&lt;/title&gt;&lt;script&gt;alert(1)"))
        #expect(html.contains(#"\u003c\/script>\u003cscript>alert(2)"#))
    }
}
