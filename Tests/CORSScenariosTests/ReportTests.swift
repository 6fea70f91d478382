import CORSCore
import CORSReport
import CORSScenarios
import Testing

/// The JSON report keeps its documented top-level keys, and text reports never let control characters through.
@Suite struct ReportTests {
    static let blockedScenario = """
        title: header not allowed
        request:
          page: https://app.example
          url: https://api.example/items
          method: PUT
          headers:
            - X-Custom: "evil\\u001b[31m"
        server:
          preflight:
            status: 204
            headers:
              - Access-Control-Allow-Origin: https://app.example
              - Access-Control-Allow-Methods: PUT
        """

    @Test func jsonTopLevelKeysAreStable() throws {
        let scenario = try ScenarioLoader.parse(Self.blockedScenario, file: "t.yaml")
        let json = ExchangeJSON.report(scenario.evaluate().first)
        guard case .object(let members) = json else {
            Issue.record("the report is a JSON object")
            return
        }
        let keys = members.map(\.0)
        #expect(Array(keys.prefix(6)) == ["browser", "outcome", "preflight", "actual", "readable_headers", "console"])
        let values = Dictionary(uniqueKeysWithValues: members)
        #expect(values["outcome"] == .string("blocked"))
        #expect(values["actual"] == .null)
        #expect(values["readable_headers"] == .null)
        #expect(
            values["console"]
                == .string(
                    "Access to fetch at 'https://api.example/items' from origin 'https://app.example' has been blocked by CORS policy: Request header field x-custom is not allowed by Access-Control-Allow-Headers in preflight response."
                ))
    }

    @Test func jsonEscapesControlCharacters() {
        let text = JSONValue.string("a\u{1B}b\"\n").serialized()
        #expect(text == "\"a\\u001bb\\\"\\n\"")
    }

    @Test func textReportEscapesUntrustedHeaderValues() throws {
        let scenario = try ScenarioLoader.parse(Self.blockedScenario, file: "t.yaml")
        let text = ExchangeText.report(scenario.evaluate().first, style: TextStyle(usesColor: false))
        #expect(!text.contains("\u{1B}"))
        #expect(text.contains("evil\\x1b[31m"))
        #expect(text.contains("✗ FAIL"))
    }
}
