import CORSCore
import CORSScenarios

/// The loopback servers a scenario needs: every origin it involves, and the ports they listen on.
public struct ServePlan: Sendable, Equatable {
    /// The scenario served.
    public var scenario: Scenario
    /// Every origin involved, the page's first.
    public var origins: [ServedOrigin]
    /// The ports to bind.
    public var listeners: [Listener]

    /// The page's origin.
    public var page: ServedOrigin { origins[0] }

    /// The URL of the page that runs the scenario's request, as the browser must open it.
    public var pageURL: String { page.serialized + HarnessPath.run }

    /// Plans the servers for `scenario`, or says why it cannot run in a browser here.
    public init(scenario: Scenario, ports: PortChoice) throws(UnservableScenario) {
        self.scenario = scenario
        origins = try Self.origins(of: scenario)
        listeners = Self.listeners(for: origins, ports: ports)
    }

    private static func origins(of scenario: Scenario) throws(UnservableScenario) -> [ServedOrigin] {
        let request = scenario.request
        guard case .tuple(let scheme, let host, let port) = request.page else {
            throw UnservableScenario(
                "the page has an opaque origin (null); a sandboxed or file: page is not served here")
        }
        guard scheme == "http" else { throw notHTTP("the page", scheme: scheme) }
        var found = [ServedOrigin(host: host, port: port ?? 80, role: .page)]
        func add(_ url: ParsedURL, what: String) throws(UnservableScenario) {
            guard url.scheme == "http" else { throw notHTTP(what, scheme: url.scheme) }
            let port = url.port ?? 80
            if let index = found.firstIndex(where: { $0.host == url.host && $0.port == port }) {
                if found[index].role == .page { found[index].role = .pageAndServer }
            } else {
                found.append(ServedOrigin(host: url.host, port: port, role: .server))
            }
        }
        try add(request.url, what: "the request's URL")
        for redirect in scenario.server.redirects {
            try add(redirect.from, what: "a redirected URL")
            if let target = try? redirect.from.resolving(redirect.location), target.isHTTP {
                try add(target, what: "a redirect's target")
            }
        }
        return found
    }

    private static func notHTTP(_ what: String, scheme: String) -> UnservableScenario {
        UnservableScenario(
            "\(what) is \(scheme):; only http origins are served here (https needs a certificate the browser trusts)")
    }

    private static func listeners(for origins: [ServedOrigin], ports: PortChoice) -> [Listener] {
        var listeners: [Listener] = []
        func add(_ origin: ServedOrigin, port: Int) {
            if port != 0, let index = listeners.firstIndex(where: { $0.requestedPort == port }) {
                listeners[index].origins.append(origin)
            } else {
                listeners.append(Listener(requestedPort: port, origins: [origin]))
            }
        }
        var next: Int?
        if case .sequential(let first) = ports { next = first }
        for origin in origins {
            switch ports {
            case .scenario:
                add(origin, port: origin.port)
            case .everyOriginEphemeral:
                add(origin, port: 0)
            case _ where origin.isLoopbackLiteral:
                add(origin, port: origin.port)
            case .ephemeral:
                add(origin, port: 0)
            case .sequential:
                let port = next ?? origin.port
                add(origin, port: port)
                next = port + 1
            }
        }
        return listeners
    }
}
