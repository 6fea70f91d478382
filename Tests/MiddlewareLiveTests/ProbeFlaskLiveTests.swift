import CORSCore
import CORSProbe
import LiveServerSupport
import Testing

/// The live probe against a real flask-cors server: it asks what the browser asks, and the explanation of the real
/// answers has the same preflight, CORS header lines and verdict as the evaluator's flask-cors preset.
@Suite(.serialized) struct ProbeFlaskLiveTests {
    static let page = "http://app.example.com:3334"

    /// The script's requests: a simple GET, a PUT with a custom header (preflighted), a credentialed one.
    static let requests: [(method: String, headers: [HeaderField], credentials: CredentialsMode)] = [
        ("GET", [], .sameOrigin),
        ("PUT", [HeaderField("X-Trace-Id", "1")], .sameOrigin),
        ("POST", [HeaderField("Content-Type", "application/json")], .include),
        ("DELETE", [HeaderField("X-Other", "1")], .sameOrigin),
    ]

    @Test func probeExplainsFlaskCORSLikeThePreset() async throws {
        let port = try await FreePort.next()
        let config = "origins=['\(Self.page)'], methods=['GET', 'PUT', 'POST'], allow_headers=['X-Trace-.*']"
        let server = try await LiveServer.flask(
            app: FlaskCORSLiveTests.script, arguments: [String(port), config], port: port)
        try await server.whileRunning { try await Self.compare(port: port) }
    }

    /// The script's requests probed on 127.0.0.1:`port` and evaluated against the preset.
    static func compare(port: Int) async throws {
        let preset = ServerDefinition(
            behavior: .middleware(
                MiddlewareConfiguration(
                    preset: .flaskCORS(
                        FlaskCORS(origins: [page], methods: ["GET", "PUT", "POST"], allowHeaders: ["X-Trace-.*"])))
            ))
        for input in requests {
            let request = BrowserRequest(
                page: try Origin.parse(page), url: try ParsedURL.parse("http://127.0.0.1:\(port)/items"),
                method: input.method, headers: input.headers, credentials: input.credentials)
            // A long timeout: the whole suite runs in parallel with browsers and other servers, and one 10 s wait for a
            // busy Flask once failed a loaded run. A server that never answers still fails the test.
            let probed = try await LiveProbe.run(
                request, browser: .chromium, client: ProbeClient(timeout: .seconds(60)))
            let modelled = CORSEvaluator.evaluate(request, server: preset, browser: .chromium)
            let what = "\(input.method) \(input.headers.map(\.name))"
            #expect(probed.exchange.steps.map(\.kind) == modelled.steps.map(\.kind), "steps for \(what)")
            #expect(probed.exchange.steps.map(\.request) == modelled.steps.map(\.request), "wire for \(what)")
            #expect(
                probed.exchange.steps.map { Curl.corsLines($0.response?.headers ?? []) }
                    == modelled.steps.map { Curl.corsLines($0.response?.headers ?? []) }, "CORS lines for \(what)")
            #expect(probed.exchange.verdict.outcome == modelled.verdict.outcome, "verdict for \(what)")
        }
    }
}
