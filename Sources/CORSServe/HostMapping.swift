/// How a browser must resolve a scenario's host names so they reach the loopback servers, and nothing else.
public enum HostMapping {
    /// Chromium's `--host-resolver-rules` value: each `host:port` to `127.0.0.1:localPort`, and every other name
    /// to nowhere, so no request leaves the machine.
    public static func chromiumRules(_ bound: [BoundOrigin]) -> String {
        let rules = bound.filter { !$0.origin.isLoopbackLiteral }.map {
            "MAP \($0.origin.hostAndPort) 127.0.0.1:\($0.localPort)"
        }
        return (rules + ["MAP * ~NOTFOUND", "EXCLUDE localhost"]).joined(separator: ", ")
    }

    /// Whether Firefox can reach every origin: its `network.dns.forceResolve` preference maps host names to
    /// 127.0.0.1 but cannot move ports, so each origin must be served on its own port.
    public static func firefoxCanReach(_ bound: [BoundOrigin]) -> Bool { bound.allSatisfy(\.keepsItsPort) }

    /// A shell command line that opens `url` in Chromium with the mapping.
    public static func chromiumCommand(_ bound: [BoundOrigin], url: String) -> String {
        "chromium --user-data-dir=$(mktemp -d) --host-resolver-rules='\(chromiumRules(bound))' '\(url)'"
    }
}
