import CORSCore
import CORSScenarios
import Testing

@testable import CORSServe

@Suite("Planning the loopback servers")
struct ServePlanTests {
    @Test("the page and the API are two origins; the page comes first")
    func origins() throws {
        let plan = try ServePlan(scenario: try Fixtures.scenario(Fixtures.allowedPut), ports: .scenario)
        #expect(
            plan.origins == [
                ServedOrigin(host: "app.example.com", port: 3334, role: .page),
                ServedOrigin(host: "api.example.com", port: 3333, role: .server),
            ])
        #expect(plan.pageURL == "http://app.example.com:3334/__cors-explorer/run")
        #expect(plan.listeners.map(\.requestedPort) == [3334, 3333])
    }

    @Test("a same-origin request shares one origin for the page and the server")
    func sameOrigin() throws {
        let scenario = try Fixtures.scenario(
            """
            title: same origin
            request: {page: "http://app.example.com", url: "http://app.example.com/data"}
            server: {policy: {}}
            """)
        let plan = try ServePlan(scenario: scenario, ports: .scenario)
        #expect(plan.origins == [ServedOrigin(host: "app.example.com", port: 80, role: .pageAndServer)])
        #expect(plan.page.serialized == "http://app.example.com")
    }

    @Test("redirect sources and targets are served too")
    func redirects() throws {
        let plan = try ServePlan(
            scenario: try Fixtures.library("rules-redirect-tainted-origin-exact.yaml"), ports: .ephemeral)
        #expect(plan.origins.count >= 3)
        #expect(plan.listeners.allSatisfy { $0.requestedPort == 0 })
    }

    @Test(
        "scenarios a browser cannot run here are refused with the reason",
        arguments: [
            ("learner-18-file-page-null-origin.yaml", "opaque origin"),
            ("learner-06-authorization-not-covered-by-star.yaml", "https"),
            ("learner-17-preflight-redirect.yaml", "https"),
        ])
    func unservable(_ file: String, _ reason: String) throws {
        let scenario = try Fixtures.library(file)
        #expect {
            try ServePlan(scenario: scenario, ports: .scenario)
        } throws: { error in
            (error as? UnservableScenario)?.reason.contains(reason) == true
        }
    }

    @Test("ports: the scenario's own, the ones after --port, or free ones; localhost keeps its own for a browser")
    func ports() throws {
        let scenario = try Fixtures.scenario(
            """
            title: ports
            request: {page: "http://localhost:5173", url: "http://api.example.com/items"}
            server: {policy: {}}
            """)
        #expect(try ServePlan(scenario: scenario, ports: .scenario).listeners.map(\.requestedPort) == [5173, 80])
        #expect(
            try ServePlan(scenario: scenario, ports: .sequential(from: 8000)).listeners.map(\.requestedPort)
                == [5173, 8000])
        #expect(try ServePlan(scenario: scenario, ports: .ephemeral).listeners.map(\.requestedPort) == [5173, 0])
        // For clients that map every origin themselves, localhost gets a free port too: two tests can serve it at once.
        #expect(
            try ServePlan(scenario: scenario, ports: .everyOriginEphemeral).listeners.map(\.requestedPort) == [0, 0])
    }

    @Test(
        "Chromium's rules move each host and port, send every other name nowhere, and leave localhost and IP literals alone"
    )
    func chromiumRules() {
        let bound = [
            BoundOrigin(origin: ServedOrigin(host: "app.example.com", port: 3334, role: .page), localPort: 41000),
            BoundOrigin(origin: ServedOrigin(host: "localhost", port: 8080, role: .server), localPort: 8080),
        ]
        #expect(
            HostMapping.chromiumRules(bound)
                == "MAP app.example.com:3334 127.0.0.1:41000, MAP * ~NOTFOUND, EXCLUDE localhost")
        let ip = BoundOrigin(origin: ServedOrigin(host: "127.0.0.1", port: 3333, role: .server), localPort: 3333)
        #expect(
            HostMapping.chromiumRules([bound[0], ip])
                == "MAP app.example.com:3334 127.0.0.1:41000, MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1")
        #expect(HostMapping.firefoxLocalDomains(bound) == "app.example.com")
        #expect(HostMapping.firefoxLocalDomains([bound[1]]).isEmpty)
        #expect(!HostMapping.firefoxCanReach(bound))
        #expect(HostMapping.firefoxCanReach([bound[1]]))
    }
}
