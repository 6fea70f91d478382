import CORSCore
import CORSServe

/// What `serve` prints: where everything is, then each request and answer.
enum ServeLogText {
    static func banner(plan: ServePlan, bound: [BoundOrigin]) -> [String] {
        var lines = ["Serving \"\(Escaping.visible(plan.scenario.title))\""]
        for origin in bound {
            lines.append(
                "  \(origin.origin.serialized)  (\(origin.origin.role.rawValue))  on 127.0.0.1:\(origin.localPort)")
        }
        lines += [
            "", "The page: \(plan.pageURL)", "",
            "Open it in Chromium with the scenario's host names mapped to these servers (inside that browser only):",
            "  " + HostMapping.chromiumCommand(bound, url: plan.pageURL),
        ]
        if HostMapping.firefoxCanReach(bound) {
            let hosts = HostMapping.firefoxLocalDomains(bound)
            lines += [
                hosts.isEmpty
                    ? "or in Firefox."
                    : "or in Firefox, in a fresh profile whose about:config has network.dns.localDomains = \(hosts)."
            ]
        }
        lines += ["", "Requests as they arrive (Ctrl-C stops):"]
        return lines
    }

    static func lines(_ request: ArrivedRequest, reply: HTTPReply, dropped: [String]) -> [String] {
        let kind =
            request.isMisdirected
            ? " (for a host this scenario does not have)"
            : request.isHarness ? " (the harness)" : request.isPreflight ? " (preflight)" : ""
        let target = request.isMisdirected ? request.target : request.url
        var lines = ["→ \(Escaping.visible(request.method)) \(Escaping.visible(target))\(kind)"]
        lines += request.headers.map { "    \(Escaping.visible($0.name)): \(Escaping.visible($0.value))" }
        lines.append("← \(reply.status) \(HTTPStatus.reasonPhrase(reply.status))")
        if request.isScenarioTraffic {
            lines += reply.headers.map { "    \(Escaping.visible($0.name)): \(Escaping.visible($0.value))" }
        }
        lines += dropped.map { "    (not sent: a line break inside \($0))" }
        return lines
    }
}
