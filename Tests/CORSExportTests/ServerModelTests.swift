import CORSCore
import CORSExport
import CORSScenarios
import Testing

/// Each server export, evaluated as the preset (or policy) it claims to be, against the scenario's own server.
@Suite("Server exports as presets")
struct ServerModelTests {
    static let cases: [(String, ExportKind)] = ExportFixtures.policyAndPresetNames.flatMap { name in
        ExportKind.serverKinds.map { (name, $0) }
    }

    @Test("same verdicts, or the difference is listed", arguments: cases)
    func sameVerdictsOrListed(_ name: String, _ kind: ExportKind) throws {
        let scenario = try ExportFixtures.scenario(name)
        let result = Exporter.export(scenario, as: kind)
        guard let model = result.model else {
            // Only a server the target cannot express has no model, and then the file says why.
            #expect(result.differences.count == 1, "\(kind.rawValue) gives no model for \(name)")
            #expect(result.text.contains("use --as nginx"))
            return
        }
        #expect(result.text.contains("cors-explorer export"))
        for difference in result.differences {
            #expect(result.text.contains(difference.prefix(40)), "difference not in the file: \(difference)")
        }
        var unlisted: [String] = []
        for probe in ExportFixtures.probes(scenario.request) {
            for browser in [BrowserProfile.chromium, .firefox] {
                let original = CORSEvaluator.evaluate(probe.request, server: scenario.server, browser: browser)
                let exported = CORSEvaluator.evaluate(probe.request, server: model, browser: browser)
                if ExportFixtures.verdictKey(original) != ExportFixtures.verdictKey(exported) {
                    unlisted.append(
                        "\(probe.name) in \(browser.rawValue): \(ExportFixtures.verdictKey(original)) vs "
                            + ExportFixtures.verdictKey(exported))
                }
                if result.sameHeaders, scenario.server.redirects.isEmpty {
                    let lines = { (exchange: Exchange) in
                        exchange.steps.map { ($0.response?.headers ?? []).filter(Self.isCORSLine) }
                    }
                    #expect(lines(original) == lines(exported), "\(probe.name): CORS lines differ")
                }
            }
        }
        if result.differences.isEmpty {
            #expect(unlisted.isEmpty, "\(kind.rawValue) claims the same verdicts for \(name), but: \(unlisted)")
        }
    }

    @Test("fixed responses: nginx sends them, the middleware kinds say they cannot")
    func rawServers() throws {
        let scenario = try ExportFixtures.scenario("walkthrough-09-credentials-wildcard.yaml")
        for kind in ExportKind.serverKinds {
            let result = Exporter.export(scenario, as: kind)
            if kind == .nginx {
                #expect(result.model == scenario.server)
                #expect(result.differences.isEmpty)
                #expect(result.text.contains("add_header \"Access-Control-Allow-Origin\" \"*\" always;"))
            } else {
                #expect(result.model == nil)
                #expect(result.differences.count == 1)
                #expect(result.text.contains("use --as nginx"))
            }
        }
    }

    @Test("express: an empty header list is [], since '' is falsy in JavaScript and would echo the request's")
    func expressEmptyHeaderList() throws {
        let scenario = try ExportFixtures.scenario("walkthrough-04-custom-header-no-acah.yaml")
        let text = Exporter.export(scenario, as: .express).text
        #expect(text.contains("  allowedHeaders: [],"))
        #expect(!text.contains("allowedHeaders: ''"))
    }

    @Test("nginx lists control characters it cannot send, for fixed responses and policies")
    func nginxControlCharacters() throws {
        let request = BrowserRequest(
            page: try Origin.parse("http://app.example.com"), url: try ParsedURL.parse("http://api.example.com/x"))
        let field = HeaderField("X-Odd", "a\u{1B}b")
        let servers = [
            ServerDefinition(behavior: .raw(preflight: nil, response: ServerResponse(headers: [field]))),
            ServerDefinition(behavior: .policy(CORSPolicy(responseHeaders: [field]))),
        ]
        for server in servers {
            let result = Exporter.export(Scenario(title: "odd", request: request, server: server), as: .nginx)
            #expect(result.differences.contains { $0.contains("control characters: those in X-Odd") })
            #expect(!result.sameHeaders)
            #expect(!result.text.unicodeScalars.contains { $0.value == 0x1B })
        }
    }

    static func isCORSLine(_ header: HeaderField) -> Bool {
        header.lowercasedName.hasPrefix("access-control-") || header.lowercasedName == "vary"
    }
}
