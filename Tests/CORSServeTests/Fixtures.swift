import CORSScenarios
import Foundation

/// Scenarios for the serve and verify tests.
enum Fixtures {
    /// The library folder.
    static let library = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("scenarios")

    /// A scenario from the library.
    static func library(_ name: String) throws -> Scenario {
        try ScenarioLoader.load(path: library.appendingPathComponent(name).path)
    }

    /// A scenario from YAML text.
    static func scenario(_ yaml: String) throws -> Scenario {
        try ScenarioLoader.parse(yaml, file: "test.yaml")
    }

    /// A cross-origin PUT with a custom header, against a policy that allows it.
    static let allowedPut = """
        title: allowed PUT
        request:
          page: http://app.example.com:3334
          url: http://api.example.com:3333/items?id=1
          method: PUT
          headers:
            - X-Trace: abc
          credentials: include
          cookie: "session=abc123"
        server:
          policy:
            allow_origins: ["http://app.example.com:3334"]
            allow_methods: [GET, PUT]
            allow_headers: [X-Trace]
            allow_credentials: true
        """
}
