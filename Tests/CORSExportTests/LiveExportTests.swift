import CORSCore
import CORSExport
import CORSScenarios
import Foundation
import LiveServerSupport
import Testing

/// The nginx and flask-cors exports run for real on 127.0.0.1: the headers they send, played back as fixed
/// responses, give the scenario's verdict.
@Suite("Live nginx and flask-cors exports", .serialized)
struct LiveExportTests {
    /// Allowed, blocked by origin, by header, by method, credentials; policies and presets.
    static let scenarios = [
        "walkthrough-03-acao-correct.yaml", "walkthrough-04-custom-header-no-acah.yaml",
        "walkthrough-05-put-no-acam.yaml", "walkthrough-08-credentials-no-acac.yaml",
        "walkthrough-10-credentials-exact-origin.yaml", "learner-05-header-not-in-acah.yaml",
        "learner-09-delete-not-in-acam.yaml", "learner-16-unexposed-response-header.yaml",
        "learner-19-star-is-literal-with-credentials.yaml", "learner-22-reflect-any-with-credentials.yaml",
        "learner-23-unanchored-origin-regex.yaml", "rules-content-type-json-preflight.yaml",
        "middleware-flask-cors-reflects-any-origin.yaml", "middleware-express-cors-echoes-request-headers.yaml",
        "rules-authorization-acah-star.yaml",
    ]

    static let nginxScenarios =
        scenarios + [
            "walkthrough-02-acao-mismatch.yaml", "walkthrough-09-credentials-wildcard.yaml",
            "learner-10-headers-only-on-preflight.yaml", "learner-11-error-response-without-cors.yaml",
            "learner-03-json-post-options-404.yaml", "rules-multiple-acao-lines.yaml",
            "middleware-nginx-error-with-always.yaml", "middleware-nginx-error-without-always.yaml",
            "rules-aceh-star.yaml",
        ]

    @Test("nginx", arguments: nginxScenarios)
    func nginx(_ name: String) async throws {
        let scenario = try ExportFixtures.scenario(name)
        try await Self.serving(scenario, as: .nginx) { try await Self.compare(scenario, result: $0, port: $1) }
    }

    @Test("flask-cors", arguments: scenarios)
    func flask(_ name: String) async throws {
        let scenario = try ExportFixtures.scenario(name)
        try await Self.serving(scenario, as: .flaskCORS) { try await Self.compare(scenario, result: $0, port: $1) }
    }

    /// A header value with every character the configuration languages treat specially.
    static let tricky = #"a "quoted" 'single' $http_origin ${x} \back; {brace} # not a comment"#

    @Test("nginx and flask-cors send values with quotes, $, backslashes and ; exactly", arguments: ["nginx", "flask"])
    func trickyValues(_ target: String) async throws {
        var request = BrowserRequest(
            page: try Origin.parse("http://app.example.com"), url: try ParsedURL.parse("http://api.example.com/x"))
        request.method = "GET"
        let policy = CORSPolicy(
            allowOrigins: .list([.exact("http://app.example.com")]), exposeHeaders: ["X-Tricky"],
            responseHeaders: [HeaderField("X-Tricky", Self.tricky)])
        let scenario = Scenario(
            title: Self.tricky, request: request, server: ServerDefinition(behavior: .policy(policy)))
        let actual = try #require(scenario.evaluate().first.finalActual?.request)
        let response = try await Self.serving(scenario, as: target == "nginx" ? .nginx : .flaskCORS) {
            try await Self.send(actual, port: $1)
        }
        #expect(response.headers.values(named: "X-Tricky") == [Self.tricky])
        #expect(response.headers.values(named: "Access-Control-Allow-Origin") == ["http://app.example.com"])
    }

    @Test("the nginx preset with headers of the app's own: same lines as the preset, OPTIONS and GET")
    func nginxPresetWithAppHeaders() async throws {
        let preset = NginxCORS(
            addHeader: [
                HeaderField("Access-Control-Allow-Origin", "$http_origin"), HeaderField("Vary", "Origin"),
                HeaderField("Access-Control-Allow-Headers", "$http_access_control_request_headers"),
            ], always: true, optionsReturn: 204)
        let app = MiddlewareApp(
            status: 201, headers: [HeaderField("Content-Type", "text/plain"), HeaderField("X-App", "1")])
        let request = BrowserRequest(
            page: try Origin.parse("http://app.example.com"), url: try ParsedURL.parse("http://api.example.com/x"))
        let scenario = Scenario(
            title: "nginx preset", request: request,
            server: ServerDefinition(behavior: .middleware(MiddlewareConfiguration(preset: .nginx(preset), app: app))))
        try await Self.serving(scenario, as: .nginx) { result, port in
            #expect(result.sameHeaders)
            try await Self.compareWithPreset(result, port: port)
        }
    }

    /// `scenario` exported as `kind` (`.nginx` or `.flaskCORS`) for a free port and served for real on 127.0.0.1
    /// while `body` runs with the export and the port.
    static func serving<Value: Sendable>(
        _ scenario: Scenario, as kind: ExportKind, _ body: (ExportResult, Int) async throws -> Value
    ) async throws -> Value {
        let port = try await FreePort.next()
        let result = Exporter.export(scenario, as: kind, options: ExportOptions(listenPort: port))
        let server =
            kind == .nginx
            ? try await LiveServer.nginx(http: result.text, port: port)
            : try await LiveServer.flask(app: result.text, port: port)
        return try await server.whileRunning { try await body(result, port) }
    }

    /// A GET and a preflight to the nginx export on 127.0.0.1:`port`: the same status and lines as its model.
    static func compareWithPreset(_ result: ExportResult, port: Int) async throws {
        let url = try ParsedURL.parse("http://127.0.0.1:\(port)/x")
        let origin = HeaderField("Origin", "http://app.example.com")
        for wire in [
            WireRequest(method: "GET", url: url, headers: [origin]),
            WireRequest(
                method: "OPTIONS", url: url,
                headers: [
                    origin, HeaderField("Access-Control-Request-Method", "PUT"),
                    HeaderField("Access-Control-Request-Headers", "x-a"),
                ]),
        ] {
            let live = try await send(wire, port: port)
            let modelled = PolicyResponder.reply(to: wire, server: try #require(result.model)).response
            let lines = { (headers: [HeaderField]) in
                headers.filter { $0.lowercasedName != "content-type" }.map { HeaderField($0.lowercasedName, $0.value) }
            }
            #expect(live.status == modelled.status, "\(wire.method)")
            #expect(lines(live.headers) == lines(modelled.headers), "\(wire.method)")
        }
    }

    /// Sends the scenario's preflight and actual request to the live server, plays its answers back as fixed
    /// responses, and compares the verdict with the export's model (and with the scenario when nothing differs).
    static func compare(_ scenario: Scenario, result: ExportResult, port: Int) async throws {
        let exchange = scenario.evaluate().first
        var preflight: ServerResponse?
        if let request = exchange.preflight?.request { preflight = try await send(request, port: port) }
        // The actual request as the browser sends it once the preflight passes, from an evaluation against the
        // live preflight answer.
        let placeholder = ServerResponse(status: 200)
        var replay = ServerDefinition(behavior: .raw(preflight: preflight, response: placeholder))
        var live = CORSEvaluator.evaluate(scenario.request, server: replay, browser: scenario.browser)
        if let actual = live.finalActual?.request {
            replay.behavior = .raw(preflight: preflight, response: try await send(actual, port: port))
            live = CORSEvaluator.evaluate(scenario.request, server: replay, browser: scenario.browser)
        }
        let model = try #require(result.model)
        let modelled = CORSEvaluator.evaluate(scenario.request, server: model, browser: scenario.browser)
        #expect(ExportFixtures.verdictKey(live) == ExportFixtures.verdictKey(modelled), "live vs model")
        if result.differences.isEmpty {
            #expect(ExportFixtures.verdictKey(live) == ExportFixtures.verdictKey(exchange), "live vs scenario")
        }
    }

    /// `request` sent with curl to 127.0.0.1:`port`, its header lines as they came back.
    static func send(_ request: WireRequest, port: Int) async throws -> ServerResponse {
        let response = try await Curl.send(
            method: request.method, url: "http://127.0.0.1:\(port)\(request.url.pathAndQuery)",
            headers: request.headers.filter { $0.lowercasedName != "host" })
        // The lines every real server adds and the scenarios' models leave out; Content-Length is a safelisted
        // response header, so it would otherwise show up among the readable ones.
        let added: Set<String> = ["content-length", "date", "server", "connection", "keep-alive"]
        return ServerResponse(
            status: response.status, headers: response.headers.filter { !added.contains($0.lowercasedName) })
    }
}
