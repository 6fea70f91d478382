import CORSCore
import CORSProbe
import Foundation
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
        let python = try LiveServer.tool(
            "python3", install: "python3 with flask and flask-cors (pip install flask flask-cors)")
        _ = try Curl.capture(python, ["-c", "import flask, flask_cors"])
        let folder = try LiveServer.makeFolder()
        let scriptFile = folder.appendingPathComponent("app.py")
        try FlaskCORSLiveTests.script.write(to: scriptFile, atomically: true, encoding: .utf8)
        let port = try LiveServer.freePort()
        let config = "origins=['\(Self.page)'], methods=['GET', 'PUT', 'POST'], allow_headers=['X-Trace-.*']"
        let server = try LiveServer(
            executable: python, arguments: [scriptFile.path, String(port), config], port: port, folder: folder)
        defer { server.stop() }
        let preset = ServerDefinition(
            behavior: .middleware(
                MiddlewareConfiguration(
                    preset: .flaskCORS(
                        FlaskCORS(origins: [Self.page], methods: ["GET", "PUT", "POST"], allowHeaders: ["X-Trace-.*"])))
            ))
        for input in Self.requests {
            let request = BrowserRequest(
                page: try Origin.parse(Self.page), url: try ParsedURL.parse("http://127.0.0.1:\(port)/items"),
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
