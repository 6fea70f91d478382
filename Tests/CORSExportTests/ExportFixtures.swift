import CORSCore
import CORSScenarios
import Foundation

/// The scenario library and the probe requests the export tests ask.
enum ExportFixtures {
    /// The library folder.
    static let library = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("scenarios")

    /// Every library file name, sorted.
    static let allNames: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: library.path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.sorted()
    }()

    /// A scenario from the library.
    static func scenario(_ name: String) throws -> Scenario {
        try ScenarioLoader.load(path: library.appendingPathComponent(name).path)
    }

    /// The library scenarios whose server is a policy or a middleware preset.
    static let policyAndPresetNames: [String] = allNames.filter { name in
        guard let scenario = try? scenario(name) else { return false }
        if case .raw = scenario.server.behavior { return false }
        return true
    }

    /// The scenario's own request plus other origins, methods, headers and credentials modes.
    static func probes(_ request: BrowserRequest) -> [(name: String, request: BrowserRequest)] {
        var probes: [(String, BrowserRequest)] = [("the scenario's request", request)]
        let evil = try? Origin.parse("http://evil.example.net:3334")
        if let evil {
            var other = request
            other.page = evil
            probes.append(("from another origin", other))
        }
        let sibling = try? Origin.parse("http://sub.app.example.com:3334")
        if let sibling {
            var other = request
            other.page = sibling
            probes.append(("from a subdomain of the page", other))
        }
        for method in ["PUT", "DELETE", "POST"] {
            var other = request
            other.method = method
            if method == "POST" { other.body = other.body ?? "{}" } else { other.body = nil }
            probes.append(("as \(method)", other))
        }
        var custom = request
        custom.headers.append(HeaderField("X-Probe", "1"))
        probes.append(("with X-Probe", custom))
        var authorization = request
        authorization.headers.append(HeaderField("Authorization", "Bearer t"))
        probes.append(("with Authorization", authorization))
        var json = request
        json.method = "POST"
        json.body = "{}"
        json.headers = [HeaderField("Content-Type", "application/json")]
        probes.append(("a JSON POST", json))
        for credentials in CredentialsMode.allCases where credentials != request.credentials {
            var other = request
            other.credentials = credentials
            if credentials == .include && other.cookie == nil { other.cookie = "session=probe" }
            probes.append(("credentials \(credentials.rawValue)", other))
        }
        var plain = request
        plain.method = "GET"
        plain.body = nil
        plain.headers = []
        probes.append(("a plain GET", plain))
        return probes
    }

    /// What the test compares: the outcome, and what the script can read when allowed.
    static func verdictKey(_ exchange: Exchange) -> String {
        "\(exchange.verdict.outcome.rawValue) \(exchange.verdict.readableHeaders ?? [])"
    }
}
