import CORSCore
import CORSReport
import CORSScenarios
import Foundation
import Testing

@testable import CORSImport

@Suite("Import a request from a HAR file")
struct HARImportTests {
    /// A HAR entry as Chromium's DevTools export writes it (HTTP/1.1, lowercase header names as sent by fetch).
    static func entry(
        _ method: String, _ url: String, status: Int, request: [(String, String)], response: [(String, String)],
        body: String? = nil
    ) -> String {
        func headers(_ list: [(String, String)]) -> String {
            list.map { #"{"name": "\#($0.0)", "value": "\#($0.1)"}"# }.joined(separator: ", ")
        }
        let post = body.map { #", "postData": {"mimeType": "application/json", "text": "\#($0)"}"# } ?? ""
        return #"""
            {"startedDateTime": "2024-05-01T10:00:00.000Z", "time": 12.5, "_resourceType": "fetch",
             "request": {"method": "\#(method)", "url": "\#(url)", "httpVersion": "HTTP/1.1",
              "headers": [\#(headers(request))], "queryString": [], "cookies": [], "headersSize": -1,
              "bodySize": 0\#(post)},
             "response": {"status": \#(status), "statusText": "", "httpVersion": "HTTP/1.1",
              "headers": [\#(headers(response))], "cookies": [], "content": {"size": 0, "mimeType": "x-unknown"},
              "redirectURL": "", "headersSize": -1, "bodySize": -1, "_transferSize": 0},
             "cache": {}, "timings": {"send": 1, "wait": 10, "receive": 1.5}}
            """#
    }

    static func har(_ entries: [String]) -> Data {
        Data(
            #"""
            {"log": {"version": "1.2", "creator": {"name": "WebInspector", "version": "537.36"}, "pages": [],
             "entries": [\#(entries.joined(separator: ",\n"))]}}
            """#.utf8)
    }

    static let page = ("Origin", "https://app.example.com")
    static let preflight = entry(
        "OPTIONS", "https://api.example.com/items", status: 204,
        request: [
            ("Accept", "*/*"), ("Access-Control-Request-Method", "PUT"),
            ("Access-Control-Request-Headers", "content-type"), page,
            ("Sec-Fetch-Mode", "cors"), ("User-Agent", "Mozilla/5.0"),
        ],
        response: [
            ("access-control-allow-origin", "https://app.example.com"), ("access-control-allow-methods", "PUT"),
            ("access-control-allow-headers", "content-type"), ("vary", "Origin"),
            ("vary", "Access-Control-Request-Headers"),
        ])
    static let put = entry(
        "PUT", "https://api.example.com/items", status: 200,
        request: [
            ("Accept", "*/*"), ("Content-Type", "application/json"), page, ("Referer", "https://app.example.com/"),
            ("Sec-Fetch-Site", "same-site"),
        ],
        response: [("access-control-allow-origin", "https://app.example.com"), ("content-type", "application/json")],
        body: #"{\"n\":1}"#)
    static let blocked = entry(
        "GET", "https://api.example.com/secret", status: 0, request: [("Accept", "*/*"), page], response: [])
    static let image = entry(
        "GET", "https://app.example.com/logo.png", status: 200, request: [("Referer", "https://app.example.com/")],
        response: [("content-type", "image/png")])

    @Test("the preflight entry before the request becomes the raw preflight; the request and its response stay")
    func preflightAndActual() throws {
        let imported = try HARImport.scenario(
            from: Self.har([Self.preflight, Self.put]), file: "s.har", selection: .only)
        let scenario = imported.scenario
        #expect(scenario.request.method == "PUT")
        #expect(
            scenario.request.headers == [HeaderField("Accept", "*/*"), HeaderField("Content-Type", "application/json")])
        #expect(scenario.request.body == #"{"n":1}"#)
        guard case .raw(let preflight, let response) = scenario.server.behavior else {
            Issue.record("expected a raw server")
            return
        }
        #expect(preflight?.status == 204)
        #expect(preflight?.headers.count == 5)
        #expect(preflight?.headers.last == HeaderField("vary", "Access-Control-Request-Headers"))
        #expect(response.headers.first == HeaderField("access-control-allow-origin", "https://app.example.com"))
        let loaded = try ScenarioLoader.parse(ScenarioWriter.yaml(scenario), file: "imported.yaml")
        #expect(loaded == scenario)
        let exchange = loaded.evaluate().first
        #expect(exchange.preflightCount == 1)
        #expect(exchange.verdict.outcome == .allowed)
        #expect(ExchangeText.report(exchange, style: TextStyle(usesColor: false)).contains("Verdict"))
    }

    @Test("several requests and no choice: the error lists them (preflights are not numbered)")
    func ambiguous() throws {
        let data = Self.har([Self.image, Self.preflight, Self.put, Self.blocked])
        do {
            _ = try HARImport.scenario(from: data, file: "s.har", selection: .only)
            Issue.record("expected the candidates")
        } catch let error as HARImport.Ambiguous {
            #expect(error.message == "s.har has 3 requests: choose one with --entry N or --url TEXT")
            #expect(error.candidates.map(\.number) == [1, 2, 3])
            #expect(error.candidates.map(\.method) == ["GET", "PUT", "GET"])
            #expect(error.candidates.map(\.status) == [200, 200, 0])
        }
        let byNumber = try HARImport.scenario(from: data, file: "s.har", selection: .number(2))
        #expect(byNumber.scenario.request.method == "PUT")
        let byURL = try HARImport.scenario(from: data, file: "s.har", selection: .urlContaining("/items"))
        #expect(byURL.scenario == byNumber.scenario)
        #expect(throws: HARImport.Ambiguous.self) {
            try HARImport.scenario(from: data, file: "s.har", selection: .urlContaining("example.com"))
        }
    }

    @Test("an entry with status 0 warns that the HAR has no response and suggests probe")
    func blockedEntry() throws {
        let imported = try HARImport.scenario(from: Self.har([Self.blocked]), file: "s.har", selection: .only)
        let warning = try #require(imported.notes.first { $0.hasPrefix("warning:") })
        #expect(warning.contains("the HAR has no response for https://api.example.com/secret"))
        #expect(warning.contains("cors-explorer probe https://api.example.com/secret --origin https://app.example.com"))
    }

    @Test("a redirect entry is followed to the entry for its Location")
    func redirect() throws {
        let hop = Self.entry(
            "GET", "https://api.example.com/old", status: 301, request: [Self.page],
            response: [("location", "/new"), ("access-control-allow-origin", "*")])
        let final = Self.entry(
            "GET", "https://api.example.com/new", status: 200, request: [Self.page],
            response: [("access-control-allow-origin", "*")])
        let imported = try HARImport.scenario(
            from: Self.har([hop, final]), file: "s.har", selection: .number(1))
        let redirect = try #require(imported.scenario.server.redirects.first)
        #expect(redirect.from.description == "https://api.example.com/old")
        #expect(redirect.location == "/new")
        #expect(redirect.status == 301)
        #expect(redirect.headers == [HeaderField("access-control-allow-origin", "*")])
        let exchange = imported.scenario.evaluate().first
        #expect(
            exchange.steps.map(\.request.url.description) == [
                "https://api.example.com/old", "https://api.example.com/new",
            ])
        #expect(exchange.verdict.outcome == .allowed)
    }

    @Test(
        "bad input is a clear error",
        arguments: [
            ("not json", Selection.only, "s.har is not JSON"),
            (#"{"foo": 1}"#, .only, "s.har is not a HAR: log is missing"),
            (#"{"log": {"entries": 3}}"#, .only, "s.har is not a HAR: log.entries has the wrong type"),
            (#"{"log": {"entries": []}}"#, .only, "s.har: the HAR has no requests to import"),
            (
                String(decoding: har([put]), as: UTF8.self), .number(2),
                "s.har: there is no entry 2; entries are numbered 1 to 1"
            ),
            (
                String(decoding: har([put]), as: UTF8.self), .urlContaining("zzz"),
                "s.har: no request URL contains 'zzz'"
            ),
        ] as [(String, HARImport.Selection, String)])
    func errors(_ text: String, _ selection: HARImport.Selection, _ message: String) {
        do {
            _ = try HARImport.scenario(from: Data(text.utf8), file: "s.har", selection: selection)
            Issue.record("expected an error")
        } catch let error as ImportError {
            #expect(error.message.hasPrefix(message))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    typealias Selection = HARImport.Selection
}
