/// How a browser must resolve a scenario's host names so they reach the loopback servers, and nothing else.
public enum HostMapping {
    /// Chromium's `--host-resolver-rules` value: each `host:port` to `127.0.0.1:localPort`, and every other name
    /// to nowhere, so no request leaves the machine; `localhost` and the scenario's own IP literals stay as they are.
    public static func chromiumRules(_ bound: [BoundOrigin]) -> String {
        let rules = bound.filter { !$0.origin.isLoopbackLiteral }.map {
            "MAP \($0.origin.hostAndPort) 127.0.0.1:\($0.localPort)"
        }
        // `MAP *` also catches IP literals: a scenario's own loopback address must be left alone like localhost.
        let kept = hosts(of: bound, loopbackLiterals: true, after: ["localhost"])
        return (rules + ["MAP * ~NOTFOUND"] + kept.map { "EXCLUDE \($0)" }).joined(separator: ", ")
    }

    /// Firefox's `network.dns.localDomains` value: the scenario's host names, which Firefox then resolves as
    /// `localhost`. Every other name goes to the system resolver.
    ///
    /// Not `network.dns.forceResolve`: with it every lookup yields a fresh record, and Firefox drops a cached
    /// preflight whose host has a DNS record newer than the entry, so it would never use its preflight cache.
    public static func firefoxLocalDomains(_ bound: [BoundOrigin]) -> String {
        hosts(of: bound, loopbackLiterals: false).joined(separator: ",")
    }

    /// `first`, then each host of `bound` that is (or is not) a loopback literal, once, in order.
    private static func hosts(of bound: [BoundOrigin], loopbackLiterals: Bool, after first: [String] = []) -> [String] {
        var hosts = first
        for origin in bound where origin.origin.isLoopbackLiteral == loopbackLiterals {
            if !hosts.contains(origin.origin.host) { hosts.append(origin.origin.host) }
        }
        return hosts
    }

    /// Whether Firefox can reach every origin: its `network.dns.localDomains` preference maps host names to the
    /// loopback address but cannot move ports, so each origin must be served on its own port.
    public static func firefoxCanReach(_ bound: [BoundOrigin]) -> Bool { bound.allSatisfy(\.keepsItsPort) }

    /// A shell command line that opens `url` in Chromium with the mapping.
    public static func chromiumCommand(_ bound: [BoundOrigin], url: String) -> String {
        "chromium --user-data-dir=$(mktemp -d) --host-resolver-rules='\(chromiumRules(bound))' '\(url)'"
    }
}
