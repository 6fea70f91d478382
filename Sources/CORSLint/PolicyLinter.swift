import CORSCore

/// The security lint: finds risky CORS configurations in a server definition.
///
/// It works from what the server does, not how it is configured: it asks `PolicyResponder` for the server's
/// answers to chosen requests, and `CORSEvaluator` whether attacker origins (an unrelated site, `null`,
/// look-alike domains, `http://`, subdomains, shared hosting) can read the API. It therefore works for every kind
/// of server definition. Only facts no response shows (how a regex is written, a configured max-age) are read
/// from a policy.
public enum PolicyLinter {
    /// The findings for `server`, most severe first.
    ///
    /// `request` is the scenario's request: its URL is the API that attackers probe, and its page origin is a
    /// trusted origin (as are the exact entries of a policy's allow-list). Probes are evaluated as `browser`.
    public static func findings(
        server: ServerDefinition, request: BrowserRequest, browser: BrowserProfile = .chromium
    ) -> [LintFinding] {
        let context = LintContext(server: server, request: request, browser: browser)
        var found = OriginProbeRules.findings(context)
        found += ResponseRules.findings(context)
        found += PatternRules.findings(context, besides: found)
        let order = Dictionary(uniqueKeysWithValues: LintRule.allCases.enumerated().map { ($1, $0) })
        return found.sorted {
            $0.severity != $1.severity
                ? $0.severity > $1.severity : order[$0.rule, default: 0] < order[$1.rule, default: 0]
        }
    }

    /// The attacker origins the lint probes `request`'s API with, in the lint's order and without repeats: an
    /// unrelated site, look-alike hosts (suffix, unanchored end, unescaped dot), a subdomain, `http://` twins and
    /// shared-hosting or local-development pages. Trusted origins (the page, exact allow-list entries) are left out.
    public static func probeOrigins(server: ServerDefinition, request: BrowserRequest) -> [Origin] {
        let context = LintContext(server: server, request: request, browser: .chromium)
        guard context.api.isHTTP else { return [] }
        let bases = ProbeOrigins.bases(trusted: context.trusted, api: context.api, wildcardBases: context.wildcardBases)
        let all =
            ProbeOrigins.unrelated(scheme: context.api.scheme) + ProbeOrigins.suffix(bases)
            + ProbeOrigins.unanchoredEnd(bases) + ProbeOrigins.unescapedDot(bases) + ProbeOrigins.subdomain(bases)
            + ProbeOrigins.insecure(context.trusted, api: context.api)
            + ProbeOrigins.sharedHosting(api: context.api, listed: LintContext.listedOrigins(context.policy))
        return ProbeOrigins.unique(all.filter { !context.isTrusted($0) })
    }

    /// The most severe finding's severity, or nil when there is none.
    public static func highestSeverity(of findings: [LintFinding]) -> LintSeverity? {
        findings.map(\.severity).max()
    }
}
