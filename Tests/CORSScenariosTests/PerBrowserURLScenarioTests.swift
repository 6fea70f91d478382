import CORSCore
import CORSScenarios
import Testing

/// A scenario whose URL only some browsers parse loads; each profile then evaluates it as its browser would.
@Suite struct PerBrowserURLScenarioTests {
    static func scenario(allowOrigin: String?) -> String {
        let headers = allowOrigin.map { "\n    headers:\n      - Access-Control-Allow-Origin: \($0)" } ?? ""
        return """
            title: an xn-- host only Chromium parses
            browser: chromium
            request:
              page: https://app.example
              url: https://xn--a.example/data
            server:
              response:
                status: 200\(headers)
            expect:
              outcome: \(allowOrigin == nil ? "blocked" : "allowed")
              browsers:
                firefox:
                  outcome: error
                  console: "TypeError: Window.fetch: https://xn--a.example/data is not a valid URL."
            """
    }

    @Test("https://xn--a.example/ loads; Chromium sends it, Firefox's fetch() throws", arguments: [true, false])
    func chromiumOnlyHost(allowed: Bool) throws {
        let scenario = try ScenarioLoader.parse(
            Self.scenario(allowOrigin: allowed ? "https://app.example" : nil), file: "xn.yaml")
        #expect(scenario.request.urlText == "https://xn--a.example/data")
        let chromium = scenario.evaluate(as: .chromium).first
        #expect(chromium.verdict.outcome == (allowed ? .allowed : .blocked))
        #expect(chromium.finalActual?.request.url.description == "https://xn--a.example/data")
        let firefox = scenario.evaluate(as: .firefox).first
        #expect(firefox.verdict.outcome == .error)
        #expect(firefox.steps.isEmpty)
        let results = ExpectationChecker.check(scenario)
        #expect(results.map(\.browser) == [.chromium, .firefox])
        #expect(results.allSatisfy { $0.passed }, "\(results)")
    }

    @Test("A redirect from a URL only Chromium parses loads too")
    func redirectFrom() throws {
        let text = """
            title: redirect
            request:
              page: https://app.example
              url: https://xn--a.example/old
            server:
              response: {status: 200, headers: [Access-Control-Allow-Origin: "*"]}
              redirects:
                - from: https://xn--a.example/old
                  to: /new
            """
        let scenario = try ScenarioLoader.parse(text, file: "xn.yaml")
        #expect(scenario.server.redirects.first?.from.host == "xn--a.example")
    }
}
