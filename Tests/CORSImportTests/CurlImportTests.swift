import CORSCore
import CORSReport
import CORSScenarios
import Testing

@testable import CORSImport

@Suite("Import a browser's Copy as cURL")
struct CurlImportTests {
    /// Chromium 124, DevTools → Network → Copy → Copy as cURL (bash), for a fetch PUT with a JSON body.
    static let chromium = #"""
        curl 'https://api.example.com/items/7?x=1' \
          -X 'PUT' \
          -H 'accept: */*' \
          -H 'accept-language: en-US,en;q=0.9' \
          -H 'content-type: application/json' \
          -H 'cookie: session=abc123; theme=dark' \
          -H 'origin: https://app.example.com' \
          -H 'priority: u=1, i' \
          -H 'referer: https://app.example.com/' \
          -H 'sec-ch-ua: "Chromium";v="124", "Not-A.Brand";v="99"' \
          -H 'sec-ch-ua-mobile: ?0' \
          -H 'sec-ch-ua-platform: "Linux"' \
          -H 'sec-fetch-dest: empty' \
          -H 'sec-fetch-mode: cors' \
          -H 'sec-fetch-site: same-site' \
          -H 'user-agent: Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36' \
          -H 'x-api-key: k-1' \
          --data-raw $'{"name":"it\'s","n":1}'
        """#

    /// Firefox 126, DevTools → Network → Copy Value → Copy as cURL (POSIX), with the cache disabled.
    static let firefox = #"""
        curl 'http://api.example.com:8080/search' --compressed -X POST -H 'User-Agent: Mozilla/5.0 (X11; Linux x86_64; rv:126.0) Gecko/20100101 Firefox/126.0' -H 'Accept: application/json' -H 'Accept-Language: en-US,en;q=0.5' -H 'Accept-Encoding: gzip, deflate, br, zstd' -H 'Content-Type: text/plain;charset=UTF-8' -H 'Origin: http://app.example.com:3000' -H 'Connection: keep-alive' -H 'Referer: http://app.example.com:3000/' -H 'Sec-Fetch-Dest: empty' -H 'Sec-Fetch-Mode: cors' -H 'Sec-Fetch-Site: same-site' -H 'Priority: u=4' -H 'Pragma: no-cache' -H 'Cache-Control: no-cache' --data-raw 'q=cors'
        """#

    @Test("a Chromium copy keeps the script's headers, body, method and cookie")
    func chromiumCopy() throws {
        let imported = try CurlImport.scenario(from: Self.chromium)
        let request = imported.scenario.request
        #expect(request.page == .tuple(scheme: "https", host: "app.example.com", port: nil))
        #expect(request.url.description == "https://api.example.com/items/7?x=1")
        #expect(request.method == "PUT")
        #expect(
            request.headers == [
                HeaderField("accept", "*/*"), HeaderField("content-type", "application/json"),
                HeaderField("x-api-key", "k-1"),
            ])
        #expect(request.body == #"{"name":"it's","n":1}"#)
        #expect(request.cookie == "session=abc123; theme=dark")
        #expect(request.credentials == .include)
        let dropped = imported.notes.filter { $0.hasPrefix("dropped header") }
        #expect(dropped.count == 12)
        #expect(dropped.contains { $0.hasPrefix("dropped header 'sec-ch-ua: \"Chromium\";v=\"124\"") })
        #expect(dropped.contains { $0.hasPrefix("dropped header 'user-agent: Mozilla") })
    }

    @Test("a Firefox copy: its browser-added headers go, Accept and Content-Type stay, the cache pair goes")
    func firefoxCopy() throws {
        let imported = try CurlImport.scenario(from: Self.firefox)
        let request = imported.scenario.request
        #expect(request.page == .tuple(scheme: "http", host: "app.example.com", port: 3000))
        #expect(request.method == "POST")
        #expect(
            request.headers == [
                HeaderField("Accept", "application/json"), HeaderField("Content-Type", "text/plain;charset=UTF-8"),
            ])
        #expect(request.body == "q=cors")
        #expect(request.cookie == nil)
        #expect(request.credentials == .sameOrigin)
        #expect(imported.notes.contains { $0.hasPrefix("dropped header 'Pragma: no-cache': DevTools adds") })
        #expect(imported.notes.contains { $0.hasPrefix("dropped header 'Connection: keep-alive'") })
    }

    @Test("the imported scenario loads back the same and explains", arguments: [chromium, firefox])
    func roundTrip(_ command: String) throws {
        let imported = try CurlImport.scenario(from: command)
        let yaml = ScenarioWriter.yaml(imported.scenario)
        let loaded = try ScenarioLoader.parse(yaml, file: "imported.yaml")
        #expect(loaded == imported.scenario)
        let exchange = loaded.evaluate().first
        #expect(exchange.isCrossOrigin)
        #expect(
            ExchangeText.report(exchange, title: loaded.title, style: TextStyle(usesColor: false)).contains("Verdict"))
    }

    @Test(
        "the page origin: Origin first, then --origin, then the Referer's origin",
        arguments: [
            (
                "curl http://a.test/ -H 'Origin: http://o.test' -H 'Referer: http://r.test/p'", "http://x.test",
                "http://o.test"
            ),
            ("curl http://a.test/ -H 'Referer: http://r.test/p'", "http://x.test", "http://x.test"),
            ("curl http://a.test/ -H 'Referer: http://r.test:81/p'", nil, "http://r.test:81"),
        ] as [(String, String?, String)])
    func origin(_ command: String, _ override: String?, _ expected: String) throws {
        let imported = try CurlImport.scenario(from: command, origin: override)
        #expect(imported.scenario.request.page.serialized == expected)
    }

    @Test(
        "short forms: -XPUT, -d joined with &, -b, --url, a body makes it POST",
        arguments: [
            ("curl -XPUT --url http://a.test/ -H 'Origin: http://o.test'", "PUT", nil, nil),
            ("curl http://a.test/ -d a=1 -d b=2 -H 'Origin: http://o.test'", "POST", "a=1&b=2", nil),
            ("curl http://a.test/ -b 'k=v' -H 'Origin: http://o.test'", "GET", nil, "k=v"),
            ("curl http://a.test/ --data-binary x --request PATCH -H 'Origin: http://o.test'", "PATCH", "x", nil),
        ] as [(String, String, String?, String?)])
    func shortForms(_ command: String, _ method: String, _ body: String?, _ cookie: String?) throws {
        let request = try CurlImport.scenario(from: command).scenario.request
        #expect(request.method == method)
        #expect(request.body == body)
        #expect(request.cookie == cookie)
    }

    @Test(
        "bad input is a clear error",
        arguments: [
            ("", "the curl command is empty"),
            ("wget http://a.test/", "expected a command starting with 'curl', found 'wget'"),
            ("curl -H 'Origin: http://o.test'", "the curl command has no URL"),
            ("curl http://a.test/ --proxy http://p", "unsupported curl option '--proxy'"),
            ("curl http://a.test/ -H", "curl option -H needs a value"),
            ("curl http://a.test/ -H 'NoColon'", "the header 'NoColon' has no ':' between name and value"),
            ("curl 'http://a.test/", "' quote that is never closed (opened at line 1, column 6)"),
            ("curl 'http://a b/' -H 'Origin: http://o.test'", "is not a valid URL"),
            ("curl ftp://a.test/ -H 'Origin: http://o.test'", "is not http or https"),
            (
                "curl http://a.test/",
                "the copy names no page origin (no Origin or Referer header): give it with --origin"
            ),
        ])
    func errors(_ command: String, _ message: String) {
        do {
            _ = try CurlImport.scenario(from: command)
            Issue.record("expected an error for \(command)")
        } catch {
            #expect(error.message.contains(message))
        }
    }
}
