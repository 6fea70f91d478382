import CORSCore

/// The rules about who gets in, each decided by evaluating requests from attacker origins.
enum OriginProbeRules {
    static func findings(_ context: LintContext) -> [LintFinding] {
        guard context.api.isHTTP else { return [] }
        let unrelated = ProbeOrigins.unrelated(scheme: context.api.scheme)
        if let demo = context.bestDemonstration(among: unrelated) {
            // Everything else about who gets in follows from "everyone does".
            return [anyOrigin(demo, context)]
        }
        var found: [LintFinding] = []
        if let demo = context.demonstration(from: .opaque) { found.append(nullOrigin(demo)) }
        let bases = ProbeOrigins.bases(trusted: context.trusted, api: context.api, wildcardBases: context.wildcardBases)
        let suffixDemo = context.bestDemonstration(among: ProbeOrigins.suffix(bases))
        if let demo = suffixDemo { found.append(suffix(demo)) }
        if let demo = context.bestDemonstration(among: ProbeOrigins.unanchoredEnd(bases)) {
            found.append(unanchoredEnd(demo))
        }
        // A suffix check also accepts `appxexample.com`; only dot probes that break every trusted suffix then
        // prove an unescaped dot.
        let baseHosts = bases.compactMap(\.host)
        let dotProbes = ProbeOrigins.unescapedDot(bases).filter { probe in
            guard suffixDemo != nil, let host = probe.host else { return true }
            return !baseHosts.contains { host.hasSuffix($0) }
        }
        if let demo = context.bestDemonstration(among: dotProbes) { found.append(unescapedDot(demo)) }
        // An http origin on the list is the very thing this rule reports, so trusted ones count.
        let insecureProbes = ProbeOrigins.insecure(context.trusted, api: context.api)
        if let demo = context.bestDemonstration(among: insecureProbes, includingTrusted: true) {
            found.append(insecure(demo))
        }
        if let demo = context.bestDemonstration(among: ProbeOrigins.subdomain(bases)) { found.append(subdomain(demo)) }
        let shared = ProbeOrigins.sharedHosting(api: context.api, listed: LintContext.listedOrigins(context.policy))
        // The scenario's own page may be a local development origin: that is exactly what this rule reports.
        if let demo = shared.lazy.compactMap(context.demonstration(from:)).first { found.append(sharedHosting(demo)) }
        return found
    }

    private static func severity(_ demo: LintDemonstration, withCookies: LintSeverity, without: LintSeverity)
        -> LintSeverity
    {
        demo.sendsCredentials ? withCookies : without
    }

    private static func anyOrigin(_ demo: LintDemonstration, _ context: LintContext) -> LintFinding {
        // A scenario's page may be the attacker itself, so the fix names a neutral example.
        let example = "https://app.example.com"
        if demo.sendsCredentials {
            return LintFinding(
                rule: .anyOriginWithCredentials, severity: .critical,
                title: "Any website can read responses with the user's cookies",
                explanation:
                    "The server accepts every origin (it echoes whatever Origin arrives, or its check accepts "
                    + "anything) and also sends Access-Control-Allow-Credentials: true. Any page the user opens, on "
                    + "any site, can call this API with the user's cookies and read the answer: their data, tokens, "
                    + "everything the API returns to them.",
                fix:
                    "Replace the reflect-any check with an explicit list of the origins that need the API (for example "
                    + "allow_origins: [\(example)]). If the API is public and needs no cookies, send * and turn "
                    + "credentials off.",
                demonstration: demo)
        }
        let host = context.api.host
        let isPrivate = HostFacts.isPrivate(host)
        let explanation =
            "Every origin can read this API's responses, but without the user's cookies. For public data that is "
            + "fine: anyone could fetch it directly anyway."
            + (isPrivate
                ? " This API is on a private network or loopback address (\(host)), though: a public website opened "
                    + "by someone inside that network can read it through their browser, which an outsider could "
                    + "not reach directly." : "")
        return LintFinding(
            rule: .anyOriginWithoutCredentials, severity: isPrivate ? .medium : .info,
            title: "Any website can read responses (without cookies)", explanation: explanation,
            fix: isPrivate
                ? "Allow only the origins that need this internal API, for example \(example)."
                : "Nothing to do if the data is public; otherwise allow only your own origins.",
            demonstration: demo)
    }

    private static func nullOrigin(_ demo: LintDemonstration) -> LintFinding {
        LintFinding(
            rule: .nullOriginAllowed, severity: severity(demo, withCookies: .high, without: .low),
            title: "The null origin is allowed",
            explanation:
                "The server allows Origin: null. Browsers send null from sandboxed iframes, data: URLs, file: pages "
                + "and after some redirects, and any attacker can put a sandboxed iframe on their own site. "
                + "Allowing null therefore lets any site in.",
            fix:
                "Remove null from the allowed origins. Serve local tools from an origin such as "
                + "http://localhost:8080 and allow it in a development configuration only.",
            demonstration: demo)
    }

    private static func suffix(_ demo: LintDemonstration) -> LintFinding {
        LintFinding(
            rule: .suffixWithoutLabelBoundary, severity: severity(demo, withCookies: .high, without: .low),
            title: "Look-alike domains that end with the trusted name get in",
            explanation:
                "\(demo.attackerOrigin) is not trusted, yet it gets in: the check only asks whether the origin ends "
                + "with the trusted domain, without requiring a dot before it. Anyone can register such a domain "
                + "and read the API's responses.",
            fix:
                "Match whole labels: the host must equal the domain or end with \".\" + domain (as a regex: "
                + "^https://([a-z0-9-]+\\.)*example\\.com$), or better, list the exact origins.",
            demonstration: demo)
    }

    private static func unanchoredEnd(_ demo: LintDemonstration) -> LintFinding {
        LintFinding(
            rule: .unanchoredOriginEnd, severity: severity(demo, withCookies: .high, without: .low),
            title: "The origin check does not anchor the end",
            explanation:
                "\(demo.attackerOrigin) is not trusted, yet it gets in: the check finds a trusted name at the "
                + "start of the origin and ignores what follows. That host is just a subdomain of the attacker's "
                + "own domain, so creating it costs nothing.",
            fix:
                "Compare the whole origin: exact equality with a list entry, or a regex anchored with ^ and $ "
                + "(for example ^https://app\\.example\\.com$).",
            demonstration: demo)
    }

    private static func unescapedDot(_ demo: LintDemonstration) -> LintFinding {
        LintFinding(
            rule: .unescapedDot, severity: severity(demo, withCookies: .high, without: .low),
            title: "A dot in the origin pattern matches any character",
            explanation:
                "\(demo.attackerOrigin) gets in, though it has a letter where a trusted name has a dot. In a "
                + "regular expression an unescaped . matches any character, so an attacker can register a "
                + "look-alike domain like this one.",
            fix: "Escape every dot in the pattern (\\.) and anchor it with ^ and $, or better, list the exact origins.",
            demonstration: demo)
    }

    private static func insecure(_ demo: LintDemonstration) -> LintFinding {
        LintFinding(
            rule: .insecureOriginTrusted, severity: severity(demo, withCookies: .medium, without: .low),
            title: "An http:// origin can read this https:// API",
            explanation:
                "\(demo.attackerOrigin) gets in. A page served over plain http can be altered by anyone on the "
                + "network path (public Wi-Fi, a compromised router), who can then inject a script that reads "
                + "this API's responses; the API's https no longer protects its data.",
            fix: "Allow only https:// origins for an https:// API.",
            demonstration: demo)
    }

    private static func subdomain(_ demo: LintDemonstration) -> LintFinding {
        let host = demo.request.page.host ?? demo.attackerOrigin
        let base = host.hasPrefix("evil.") ? String(host.dropFirst(5)) : host
        return LintFinding(
            rule: .anySubdomainTrusted, severity: severity(demo, withCookies: .low, without: .info),
            title: "Every subdomain is trusted",
            explanation:
                "\(demo.attackerOrigin) gets in, so every subdomain of \(base) can read the API. One weak "
                + "subdomain (a cross-site scripting bug, a forgotten test page, a DNS record someone else took "
                + "over) is then enough to read users' data.",
            fix:
                "List the subdomains that need access, or make sure every subdomain is as trustworthy as the API "
                + "itself.",
            demonstration: demo)
    }

    private static func sharedHosting(_ demo: LintDemonstration) -> LintFinding {
        let host = demo.request.page.host ?? ""
        let explanation: String
        if let domain = HostFacts.sharedHostingDomain(host) {
            explanation =
                "\(demo.attackerOrigin) gets in. Anyone can publish pages on \(domain), so an attacker can host a "
                + "script there that reads this API's responses."
        } else {
            explanation =
                "\(demo.attackerOrigin) gets in, though the API is not local. A local development origin in a "
                + "production allow-list lets any page a local server serves (a dev server, a tool, malware) read "
                + "the API with the user's session."
        }
        return LintFinding(
            rule: .sharedHostingOrigin, severity: severity(demo, withCookies: .medium, without: .low),
            title: "An origin anyone can publish on is trusted", explanation: explanation,
            fix:
                "Remove shared-hosting and localhost origins from the production allow-list; keep a separate "
                + "development configuration.",
            demonstration: demo)
    }
}
