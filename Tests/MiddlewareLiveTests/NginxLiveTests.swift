import CORSCore
import LiveServerSupport
import Testing

/// The nginx preset against nginx itself: `add_header` with and without `always`, on several statuses.
@Suite(.serialized) struct NginxLiveTests {
    static let page = "http://app.example.com:3334"
    static let lines = [
        HeaderField("Access-Control-Allow-Origin", "$http_origin"),
        HeaderField("Access-Control-Allow-Methods", "GET, POST, PUT"),
        HeaderField("Access-Control-Allow-Headers", "$http_access_control_request_headers"),
        HeaderField("Vary", "Origin"),
    ]

    /// A server with a location per (always, status): `return` answers with the status, OPTIONS gets 204.
    static func configuration(port: Int) -> String {
        var locations = ""
        for always in [false, true] {
            for status in [200, 201, 401, 404, 500] {
                let suffix = always ? " always" : ""
                let adds = lines.map { "add_header \($0.name) \"\($0.value)\"\(suffix);" }.joined(separator: " ")
                locations += """
                        location = /\(always ? "always" : "plain")/\(status) {
                            \(adds)
                            if ($request_method = OPTIONS) { return 204; }
                            return \(status) "body";
                        }

                    """
            }
        }
        return """
            server {
                listen 127.0.0.1:\(port);
                location = / { return 200 "up"; }
            \(locations)
            }
            """
    }

    static let requests: [(method: String, headers: [HeaderField])] = [
        ("GET", [HeaderField("Origin", page)]),
        ("GET", []),
        ("POST", [HeaderField("Origin", page)]),
        (
            "OPTIONS",
            [
                HeaderField("Origin", page), HeaderField("Access-Control-Request-Method", "PUT"),
                HeaderField("Access-Control-Request-Headers", "content-type,x-trace-id"),
            ]
        ),
    ]

    @Test func presetMatchesNginx() async throws {
        let port = try await FreePort.next()
        let server = try await LiveServer.nginx(http: Self.configuration(port: port), port: port)
        try await server.whileRunning {
            for always in [false, true] {
                let preset = NginxCORS(addHeader: Self.lines, always: always, optionsReturn: 204)
                for status in [200, 201, 401, 404, 500] {
                    let url = "http://127.0.0.1:\(port)/\(always ? "always" : "plain")/\(status)"
                    for request in Self.requests {
                        let real = try await Curl.send(method: request.method, url: url, headers: request.headers)
                        let wire = WireRequest(
                            method: request.method, url: try ParsedURL.parse(url), headers: request.headers)
                        let modelled = preset.reply(to: wire, app: MiddlewareApp(status: status)).response
                        let what = "\(request.method) \(url) \(request.headers.map(\.name))"
                        #expect(modelled.status == real.status, "status for \(what)")
                        #expect(
                            Curl.corsLines(modelled.headers) == Curl.corsLines(real.headers), "CORS lines for \(what)")
                    }
                }
            }
        }
    }
}
