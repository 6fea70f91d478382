import CORSCore

/// The attacker origins the lint tries, derived from the trusted origins and the policy's patterns.
///
/// The shapes follow what CORS scanners (Corsy, CORScanner, CORStest, PortSwigger's labs) send: an unrelated
/// origin, `null`, the trusted host with something before it, after it, or in place of a dot, a subdomain, plain
/// `http://`, and hosts anyone can publish on.
enum ProbeOrigins {
    /// Origins with no relation to the site; the scheme follows the API's (an `https` page cannot call `http`).
    static func unrelated(scheme: String) -> [Origin] {
        ["evil.com", "attacker.example"].map { .tuple(scheme: scheme, host: $0, port: nil) }
    }

    /// `https://evil<host>`: accepted by a suffix check without a `.` before the trusted domain.
    static func suffix(_ bases: [Origin]) -> [Origin] {
        hostProbes(bases) { host in host.isEmpty ? [] : ["evil" + host, "attacker" + host] }
    }

    /// `https://<host>.evil.net`: accepted by a check that does not anchor the end of the origin.
    static func unanchoredEnd(_ bases: [Origin]) -> [Origin] {
        hostProbes(bases) { host in [host + ".evil.net"] }
    }

    /// The host with one dot replaced by `x` (last dot first): accepted by a regex whose `.` is unescaped.
    static func unescapedDot(_ bases: [Origin]) -> [Origin] {
        hostProbes(bases) { host in
            host.indices.filter { host[$0] == "." }.reversed().map { index in
                var copy = host
                copy.replaceSubrange(index...index, with: "x")
                return copy
            }
        }
    }

    /// `https://evil.<host>`: accepted by a wildcard-subdomain pattern.
    static func subdomain(_ bases: [Origin]) -> [Origin] {
        hostProbes(bases) { host in ["evil." + host] }
    }

    /// When the API is `https`: every trusted `http://` origin, and the `http://` twin of every trusted
    /// `https://` one.
    static func insecure(_ trusted: [Origin], api: ParsedURL) -> [Origin] {
        guard api.scheme == "https" else { return [] }
        let listed = trusted.filter { if case .tuple("http", _, _) = $0 { return true } else { return false } }
        let twins = trusted.compactMap { origin -> Origin? in
            guard case .tuple("https", let host, let port) = origin else { return nil }
            return .tuple(scheme: "http", host: host, port: port)
        }
        return unique(listed + twins)
    }

    /// Pages anyone can publish (github.io, codepen, jsfiddle…) and, unless the API is itself local, local
    /// development origins; plus any exact allow-list entries of either kind.
    static func sharedHosting(api: ParsedURL, listed: [Origin]) -> [Origin] {
        var candidates: [Origin] = [
            "attacker.github.io", "codepen.io", "cdpn.io", "s.codepen.io", "jsfiddle.net", "fiddle.jshell.net",
            "jsbin.com", "output.jsbin.com", "attacker.repl.co", "attacker.glitch.me", "attacker.herokuapp.com",
            "attacker.netlify.app", "attacker.vercel.app", "attacker.pages.dev", "attacker.web.app",
            "attacker.s3.amazonaws.com", "attacker.stackblitz.io", "attacker.codesandbox.io",
        ].map { .tuple(scheme: "https", host: $0, port: nil) }
        let apiIsLocal = HostFacts.isPrivate(api.host)
        if !apiIsLocal {
            for host in ["localhost", "127.0.0.1"] {
                for port in [nil, 3000, 5173, 8000, 8080] as [Int?] {
                    candidates.append(.tuple(scheme: "http", host: host, port: port))
                }
            }
        }
        for origin in listed {
            guard case .tuple(_, let host, _) = origin else { continue }
            let local = !apiIsLocal && HostFacts.isPrivate(host)
            if local || HostFacts.sharedHostingDomain(host) != nil { candidates.append(origin) }
        }
        return unique(candidates)
    }

    /// The bases to derive host probes from: the API's registrable domain, each trusted origin and its
    /// registrable domain, and the base of every wildcard pattern. IP addresses are left out.
    static func bases(trusted: [Origin], api: ParsedURL, wildcardBases: [Origin]) -> [Origin] {
        var result: [Origin] = []
        // The API's own domain first: the probes then read as look-alikes of the site, not of a scenario's page.
        if api.isHTTP, let registrable = HostFacts.registrableDomain(api.host) {
            result.append(.tuple(scheme: api.scheme, host: registrable, port: nil))
        }
        for origin in trusted + wildcardBases {
            guard case .tuple(let scheme, let host, let port) = origin, !HostFacts.isIPAddress(host) else { continue }
            if let registrable = HostFacts.registrableDomain(host), registrable != host {
                result.append(.tuple(scheme: scheme, host: registrable, port: port))
            }
            result.append(origin)
        }
        return unique(result)
    }

    private static func hostProbes(_ bases: [Origin], _ hosts: (String) -> [String]) -> [Origin] {
        unique(
            bases.flatMap { base -> [Origin] in
                guard case .tuple(let scheme, let host, let port) = base else { return [] }
                return hosts(host).map { .tuple(scheme: scheme, host: $0, port: port) }
            })
    }

    /// `origins` without repeats, in order.
    static func unique(_ origins: [Origin]) -> [Origin] {
        var seen: Set<Origin> = []
        return origins.filter { seen.insert($0).inserted }
    }
}
