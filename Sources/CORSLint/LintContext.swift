import CORSCore

/// One lint run's inputs and the probes it can make: evaluated requests from attacker origins, and the raw
/// responses the server gives to chosen requests.
struct LintContext {
    let server: ServerDefinition
    let request: BrowserRequest
    let browser: BrowserProfile
    /// The API: the scenario's request URL.
    var api: ParsedURL { request.url }
    /// The origins the server is meant to trust: the scenario's page and the policy's exact allow-list entries.
    let trusted: [Origin]
    /// The policy, when the server is one; only for facts probing cannot see (regex text, configured numbers).
    let policy: CORSPolicy?

    init(server: ServerDefinition, request: BrowserRequest, browser: BrowserProfile) {
        self.server = server
        self.request = request
        self.browser = browser
        if case .policy(let policy) = server.behavior {
            self.policy = policy
        } else {
            self.policy = nil
        }
        var trusted: [Origin] = []
        if case .tuple(let scheme, _, _) = request.page, scheme == "http" || scheme == "https" {
            trusted.append(request.page)
        }
        trusted += Self.listedOrigins(policy).filter {
            if case .tuple(let scheme, _, _) = $0 { return scheme == "http" || scheme == "https" }
            return false
        }
        self.trusted = ProbeOrigins.unique(trusted)
    }

    /// The policy's allow-list entries.
    var patterns: [OriginPattern] {
        guard let policy, case .list(let patterns) = policy.allowOrigins else { return [] }
        return patterns
    }

    /// The exact allow-list entries that parse as origins.
    static func listedOrigins(_ policy: CORSPolicy?) -> [Origin] {
        guard let policy, case .list(let patterns) = policy.allowOrigins else { return [] }
        return patterns.compactMap { pattern in
            guard case .exact(let text) = pattern, text != "null", let origin = try? Origin.parse(text),
                origin.serialized == text
            else { return nil }
            return origin
        }
    }

    /// The bases of the policy's wildcard-subdomain entries, as origins.
    var wildcardBases: [Origin] {
        patterns.compactMap { pattern in
            guard case .subdomainWildcard(let scheme, let host, let port) = pattern else { return nil }
            return .tuple(scheme: scheme, host: host, port: port)
        }
    }

    /// Whether `origin` is one the server is meant to trust (so its getting in proves nothing).
    func isTrusted(_ origin: Origin) -> Bool { trusted.contains(origin) }

    /// Evaluates a `GET` of the API from `origin`, first with credentials, then without; the first that the
    /// browser lets the script read, or nil when neither is readable.
    func demonstration(from origin: Origin) -> LintDemonstration? {
        guard api.isHTTP else { return nil }
        for credentials in [CredentialsMode.include, .omit] {
            let probe = BrowserRequest(
                page: origin, url: api, method: "GET", credentials: credentials,
                cookie: request.cookie ?? "session=victim-session")
            let exchange = CORSEvaluator.evaluate(probe, server: server, browser: browser)
            guard exchange.isCrossOrigin, exchange.verdict.outcome == .allowed else { continue }
            return LintDemonstration(
                request: probe, browser: browser, outcome: exchange.verdict.outcome,
                sendsCredentials: exchange.finalActual?.includesCredentials ?? false,
                readableHeaders: exchange.verdict.readableHeaders ?? [])
        }
        return nil
    }

    /// The best demonstration among `candidates`: one with credentials when any has them. Trusted origins are
    /// skipped unless `includingTrusted` (for rules about what the trusted list itself holds).
    func bestDemonstration(among candidates: [Origin], includingTrusted: Bool = false) -> LintDemonstration? {
        var fallback: LintDemonstration?
        for origin in candidates where includingTrusted || !isTrusted(origin) {
            guard let demo = demonstration(from: origin) else { continue }
            if demo.sendsCredentials { return demo }
            if fallback == nil { fallback = demo }
        }
        return fallback
    }

    /// The server's raw answer to a simple `GET` of the API with `Origin: origin`.
    func actualResponse(origin: String) -> ServerResponse {
        let wire = WireRequest(method: "GET", url: api, headers: [HeaderField("Origin", origin)])
        return PolicyResponder.reply(to: wire, server: server).response
    }

    /// The header names the lint's preflight probe asks for.
    static let probeRequestHeaders = "authorization,x-lint-probe"

    /// The server's raw answer to a preflight for a credentialed `PUT` with `Authorization` and a custom header.
    func preflightResponse(origin: String) -> ServerResponse {
        let wire = WireRequest(
            method: "OPTIONS", url: api,
            headers: [
                HeaderField("Origin", origin), HeaderField("Access-Control-Request-Method", "PUT"),
                HeaderField("Access-Control-Request-Headers", Self.probeRequestHeaders),
            ])
        return PolicyResponder.reply(to: wire, server: server).response
    }
}
