import CORSCore
import LiveServerSupport
import Testing

/// The flask-cors preset against flask-cors itself: same requests, same CORS header lines.
@Suite(.serialized) struct FlaskCORSLiveTests {
    /// One `CORS(app, ...)` configuration, in Python and as the preset.
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let python: String
        let preset: FlaskCORS
        var testDescription: String { name }
    }

    static let page = "http://app.example.com:3334"
    static let evil = "http://evil.example.net:3334"

    static let cases = [
        Case(name: "defaults", python: "", preset: FlaskCORS()),
        Case(
            name: "supports_credentials", python: "supports_credentials=True",
            preset: FlaskCORS(supportsCredentials: true)),
        Case(
            name: "one origin, some methods, expose, max_age",
            python: "origins=['\(page)'], methods=['GET', 'POST'], expose_headers=['X-B', 'X-A'], max_age=600",
            preset: FlaskCORS(origins: [page], methods: ["GET", "POST"], exposeHeaders: ["X-B", "X-A"], maxAge: 600)),
        Case(
            name: "regex origin and allow_headers",
            python: "origins=[r'http://.*\\.example\\.com:3334'], allow_headers=['Content-Type', 'X-Trace-.*']",
            preset: FlaskCORS(
                origins: [#"http://.*\.example\.com:3334"#], allowHeaders: ["Content-Type", "X-Trace-.*"])),
        Case(name: "send_wildcard", python: "send_wildcard=True", preset: FlaskCORS(sendWildcard: true)),
    ]

    /// The requests every configuration is asked.
    static let requests: [(method: String, headers: [HeaderField])] = [
        ("GET", [HeaderField("Origin", page)]),
        ("GET", [HeaderField("Origin", evil)]),
        ("POST", [HeaderField("Origin", page)]),
        ("GET", []),
        ("OPTIONS", [HeaderField("Origin", page), HeaderField("Access-Control-Request-Method", "PUT")]),
        (
            "OPTIONS",
            [
                HeaderField("Origin", page), HeaderField("Access-Control-Request-Method", "POST"),
                HeaderField("Access-Control-Request-Headers", "content-type,x-trace-id,x-other"),
            ]
        ),
        ("OPTIONS", [HeaderField("Origin", evil), HeaderField("Access-Control-Request-Method", "GET")]),
    ]

    static let script = """
        import sys
        from flask import Flask, jsonify
        from flask_cors import CORS
        app = Flask(__name__)
        exec("CORS(app, " + sys.argv[2] + ")")
        @app.route("/items", methods=["GET", "POST", "PUT", "DELETE"])
        def items():
            return jsonify(ok=True)
        @app.route("/")
        def root():
            return "up"
        app.run(host="127.0.0.1", port=int(sys.argv[1]))
        """

    @Test(arguments: cases)
    func presetMatchesFlaskCORS(_ input: Case) async throws {
        let port = try await FreePort.next()
        let server = try await LiveServer.flask(app: Self.script, arguments: [String(port), input.python], port: port)
        try await server.whileRunning {
            for request in Self.requests {
                let url = "http://127.0.0.1:\(port)/items"
                let real = try await Curl.send(method: request.method, url: url, headers: request.headers)
                let wire = WireRequest(method: request.method, url: try ParsedURL.parse(url), headers: request.headers)
                let modelled = input.preset.reply(to: wire, app: MiddlewareApp()).response
                let what = "\(request.method) \(request.headers.map { "\($0.name): \($0.value)" })"
                #expect(modelled.status == real.status, "\(input.name): status for \(what)")
                #expect(
                    Curl.corsLines(modelled.headers) == Curl.corsLines(real.headers),
                    "\(input.name): CORS lines for \(what)")
            }
        }
    }
}
