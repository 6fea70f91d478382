import CORSCore
import Foundation
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

    /// A location per (always, status): `return` answers with the status, OPTIONS gets 204.
    static func configuration(folder: String, port: Int) -> String {
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
            worker_processes 1;
            pid \(folder)/nginx.pid;
            error_log \(folder)/error.log;
            events { worker_connections 64; }
            http {
                access_log off;
                client_body_temp_path \(folder)/body;
                proxy_temp_path \(folder)/proxy;
                fastcgi_temp_path \(folder)/fastcgi;
                uwsgi_temp_path \(folder)/uwsgi;
                scgi_temp_path \(folder)/scgi;
                server {
                    listen 127.0.0.1:\(port);
                    location = / { return 200 "up"; }
            \(locations)
                }
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

    @Test func presetMatchesNginx() throws {
        let nginx = try LiveServer.tool("nginx", install: "nginx (apt-get install -y nginx)")
        let folder = try LiveServer.makeFolder()
        let port = try LiveServer.freePort()
        let confFile = folder.appendingPathComponent("nginx.conf")
        try Self.configuration(folder: folder.path, port: port).write(to: confFile, atomically: true, encoding: .utf8)
        let server = try LiveServer(
            executable: nginx,
            arguments: ["-p", folder.path, "-c", confFile.path, "-e", "\(folder.path)/error.log", "-g", "daemon off;"],
            port: port, folder: folder)
        defer { server.stop() }
        for always in [false, true] {
            let preset = NginxCORS(addHeader: Self.lines, always: always, optionsReturn: 204)
            for status in [200, 201, 401, 404, 500] {
                let url = "http://127.0.0.1:\(port)/\(always ? "always" : "plain")/\(status)"
                for request in Self.requests {
                    let real = try Curl.send(method: request.method, url: url, headers: request.headers)
                    let wire = WireRequest(
                        method: request.method, url: try ParsedURL.parse(url), headers: request.headers)
                    let modelled = preset.reply(to: wire, app: MiddlewareApp(status: status)).response
                    let what = "\(request.method) \(url) \(request.headers.map(\.name))"
                    #expect(modelled.status == real.status, "status for \(what)")
                    #expect(Curl.corsLines(modelled.headers) == Curl.corsLines(real.headers), "CORS lines for \(what)")
                }
            }
        }
    }
}
