import CORSCore
import CORSExport
import CORSScenarios
import Testing

/// A policy exported as a middleware is `PresetTranslation`'s configuration, and its notes are the file's differences.
@Suite("Policy exports go through PresetTranslation")
struct ExportTranslationTests {
    static let kinds: [(ExportKind, String)] = [
        (.express, "express-cors"), (.flaskCORS, "flask-cors"), (.vapor, "vapor"), (.hummingbird, "hummingbird"),
        (.spring, "spring"),
    ]

    static let policyNames: [String] = ExportFixtures.policyAndPresetNames.filter { name in
        guard let scenario = try? ExportFixtures.scenario(name), case .policy = scenario.server.behavior else {
            return false
        }
        return true
    }

    @Test("the model and the notes are the explorer's translation", arguments: policyNames)
    func sameAsTheExplorer(_ name: String) throws {
        let scenario = try ExportFixtures.scenario(name)
        guard case .policy(let policy) = scenario.server.behavior else { return }
        for (kind, presetName) in Self.kinds {
            let translation = try #require(
                PresetTranslation(
                    policy: policy, presetName: presetName, page: scenario.request.page.serialized,
                    requestedHeaders: Self.scriptHeaderNames(scenario.request)))
            let result = Exporter.export(scenario, as: kind)
            #expect(result.model == ServerDefinition(behavior: .middleware(translation.configuration)), "\(kind)")
            #expect(Array(result.differences.prefix(translation.notes.count)) == translation.notes, "\(kind)")
        }
    }

    /// The names the script sets, lower-cased, first occurrence only.
    static func scriptHeaderNames(_ request: BrowserRequest) -> [String] {
        request.headers.map(\.lowercasedName).reduce(into: [String]()) { names, name in
            if !names.contains(name) { names.append(name) }
        }
    }

    /// A regex allow-list that matches the page: Vapor lists the page's origin in its place, and the scenario's
    /// request keeps its verdict; an attacker stays out.
    @Test func aLeftOutRegexThatMatchesThePageListsThePage() throws {
        let request = BrowserRequest(
            page: try Origin.parse("https://app.example.com"), url: try ParsedURL.parse("https://api.example.com/x"))
        let policy = CORSPolicy(allowOrigins: .list([.regex(#"^https://[a-z]+\.example\.com$"#)]))
        let scenario = Scenario(title: "regex", request: request, server: ServerDefinition(behavior: .policy(policy)))
        let result = Exporter.export(scenario, as: .vapor)
        let model = try #require(result.model)
        #expect(result.text.contains(#".any(["https://app.example.com"])"#))
        #expect(
            result.differences.first
                == #"Vapor has no wildcard or regex origins: /^https://[a-z]+\.example\.com$/ left out, so the "#
                + "origins they match are refused except the page's origin https://app.example.com, listed in their "
                + "place")
        let original = CORSEvaluator.evaluate(request, server: scenario.server, browser: .chromium)
        let exported = CORSEvaluator.evaluate(request, server: model, browser: .chromium)
        #expect(exported.verdict.outcome == original.verdict.outcome)
        var attacker = request
        attacker.page = try Origin.parse("https://evil.example.net")
        #expect(CORSEvaluator.evaluate(attacker, server: model, browser: .chromium).verdict.outcome != .allowed)
    }
}
