import CORSCore
import CORSScenarios
import Foundation
import Testing

@testable import CORSImport

@Suite("HAR files as Chromium and Firefox export them")
struct BrowserHARTests {
    /// Chromium 124 over HTTP/2: pseudo-headers and lowercase names, the preflight as an entry of its own.
    static let chromiumHTTP2 = #"""
        {"log": {"version": "1.2", "creator": {"name": "WebInspector", "version": "537.36"},
         "pages": [{"startedDateTime": "2024-05-01T10:00:00.000Z", "id": "page_1", "title": "https://app.example.com/",
                    "pageTimings": {"onContentLoad": 100, "onLoad": 200}}],
         "entries": [
          {"_initiator": {"type": "script"}, "_priority": "High", "_resourceType": "preflight", "cache": {},
           "pageref": "page_1", "startedDateTime": "2024-05-01T10:00:01.000Z", "time": 20,
           "request": {"method": "OPTIONS", "url": "https://api.example.com/v1/items", "httpVersion": "http/2.0",
            "headers": [{"name": ":authority", "value": "api.example.com"}, {"name": ":method", "value": "OPTIONS"},
             {"name": ":path", "value": "/v1/items"}, {"name": ":scheme", "value": "https"},
             {"name": "accept", "value": "*/*"}, {"name": "access-control-request-headers", "value": "authorization"},
             {"name": "access-control-request-method", "value": "GET"},
             {"name": "origin", "value": "https://app.example.com"}, {"name": "sec-fetch-mode", "value": "cors"}],
            "queryString": [], "cookies": [], "headersSize": -1, "bodySize": 0},
           "response": {"status": 204, "statusText": "", "httpVersion": "http/2.0",
            "headers": [{"name": "access-control-allow-headers", "value": "authorization"},
             {"name": "access-control-allow-origin", "value": "https://app.example.com"},
             {"name": "date", "value": "Wed, 01 May 2024 10:00:01 GMT"}],
            "cookies": [], "content": {"size": 0, "mimeType": "x-unknown"}, "redirectURL": "", "headersSize": -1,
            "bodySize": -1, "_transferSize": 120, "_error": null},
           "serverIPAddress": "203.0.113.7", "timings": {"blocked": 1, "dns": -1, "ssl": -1, "connect": -1,
            "send": 0.1, "wait": 18, "receive": 0.9}},
          {"_initiator": {"type": "script"}, "_priority": "High", "_resourceType": "fetch", "cache": {},
           "pageref": "page_1", "startedDateTime": "2024-05-01T10:00:01.100Z", "time": 30,
           "request": {"method": "GET", "url": "https://api.example.com/v1/items", "httpVersion": "http/2.0",
            "headers": [{"name": ":authority", "value": "api.example.com"}, {"name": ":method", "value": "GET"},
             {"name": ":path", "value": "/v1/items"}, {"name": ":scheme", "value": "https"},
             {"name": "accept", "value": "application/json"}, {"name": "accept-encoding", "value": "gzip, deflate, br, zstd"},
             {"name": "authorization", "value": "Bearer t0k"}, {"name": "origin", "value": "https://app.example.com"},
             {"name": "priority", "value": "u=1, i"}, {"name": "referer", "value": "https://app.example.com/"},
             {"name": "sec-fetch-site", "value": "same-site"}],
            "queryString": [], "cookies": [], "headersSize": -1, "bodySize": 0},
           "response": {"status": 200, "statusText": "", "httpVersion": "http/2.0",
            "headers": [{"name": "access-control-allow-origin", "value": "https://app.example.com"},
             {"name": "content-type", "value": "application/json"}, {"name": "vary", "value": "Origin"}],
            "cookies": [], "content": {"size": 2, "mimeType": "application/json", "text": "[]"},
            "redirectURL": "", "headersSize": -1, "bodySize": -1, "_transferSize": 200, "_error": null},
           "serverIPAddress": "203.0.113.7", "timings": {"blocked": 1, "dns": -1, "ssl": -1, "connect": -1,
            "send": 0.1, "wait": 28, "receive": 0.9}}
         ]}}
        """#

    /// Firefox 126: original header case, Host and TE listed, a cookie, the blocked request with no response.
    static let firefox = #"""
        {"log": {"version": "1.2", "creator": {"name": "Firefox", "version": "126.0"},
         "browser": {"name": "Firefox", "version": "126.0"}, "pages": [],
         "entries": [
          {"startedDateTime": "2024-05-01T10:00:00.000+00:00", "time": 0,
           "request": {"bodySize": 11, "method": "POST", "url": "http://api.example.com:8080/login",
            "httpVersion": "HTTP/1.1",
            "headers": [{"name": "Host", "value": "api.example.com:8080"},
             {"name": "User-Agent", "value": "Mozilla/5.0 (X11; Linux x86_64; rv:126.0) Gecko/20100101 Firefox/126.0"},
             {"name": "Accept", "value": "*/*"}, {"name": "Accept-Language", "value": "en-US,en;q=0.5"},
             {"name": "Accept-Encoding", "value": "gzip, deflate, br, zstd"},
             {"name": "Content-Type", "value": "text/plain;charset=UTF-8"}, {"name": "Content-Length", "value": "11"},
             {"name": "Origin", "value": "http://app.example.com:3000"}, {"name": "Connection", "value": "keep-alive"},
             {"name": "Cookie", "value": "sid=42"}, {"name": "Sec-Fetch-Dest", "value": "empty"},
             {"name": "Priority", "value": "u=4"}, {"name": "TE", "value": "trailers"}],
            "cookies": [{"name": "sid", "value": "42"}], "queryString": [], "headersSize": 512,
            "postData": {"mimeType": "text/plain;charset=UTF-8", "params": [], "text": "user=ada&x=1"}},
           "response": {"status": 0, "statusText": "", "httpVersion": "", "headers": [], "cookies": [],
            "content": {"mimeType": "", "size": 0}, "redirectURL": "", "headersSize": -1, "bodySize": -1},
           "cache": {}, "timings": {"blocked": -1, "dns": -1, "connect": -1, "ssl": -1, "send": 0, "wait": 0,
            "receive": 0}}
         ]}}
        """#

    @Test("Chromium over HTTP/2: pseudo-headers and browser headers dropped, the preflight entry kept")
    func chromium() throws {
        let imported = try HARImport.scenario(from: Data(Self.chromiumHTTP2.utf8), file: "c.har", selection: .only)
        let scenario = imported.scenario
        #expect(scenario.request.method == "GET")
        #expect(
            scenario.request.headers == [
                HeaderField("accept", "application/json"), HeaderField("authorization", "Bearer t0k"),
            ])
        #expect(
            imported.notes.contains(
                "dropped header ':authority: api.example.com': an HTTP/2 pseudo-header, not a header"))
        guard case .raw(let preflight, let response) = scenario.server.behavior else {
            Issue.record("expected a raw server")
            return
        }
        #expect(preflight?.status == 204)
        #expect(response.headers.last == HeaderField("vary", "Origin"))
        let exchange = try ScenarioLoader.parse(ScenarioWriter.yaml(scenario), file: "c.yaml").evaluate().first
        #expect(
            exchange.preflight?.request.headers.combinedValue(named: "Access-Control-Request-Headers")
                == "authorization")
        #expect(exchange.verdict.outcome == .allowed)
    }

    @Test("Firefox: Host, TE, Content-Length dropped; the cookie makes it credentialed; no response warns")
    func firefox() throws {
        let imported = try HARImport.scenario(from: Data(Self.firefox.utf8), file: "f.har", selection: .only)
        let request = imported.scenario.request
        #expect(request.page.serialized == "http://app.example.com:3000")
        #expect(
            request.headers == [HeaderField("Accept", "*/*"), HeaderField("Content-Type", "text/plain;charset=UTF-8")])
        #expect(request.body == "user=ada&x=1")
        #expect(request.cookie == "sid=42")
        #expect(request.credentials == .include)
        for name in ["Host", "TE", "Content-Length", "Connection", "Accept-Encoding", "User-Agent", "Priority"] {
            #expect(imported.notes.contains { $0.hasPrefix("dropped header '\(name):") }, "\(name)")
        }
        #expect(
            imported.notes.contains {
                $0.hasPrefix("warning: the HAR has no response for http://api.example.com:8080/login")
            })
        let loaded = try ScenarioLoader.parse(ScenarioWriter.yaml(imported.scenario), file: "f.yaml")
        #expect(loaded == imported.scenario)
    }
}
