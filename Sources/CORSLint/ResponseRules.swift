import CORSCore

/// The rules read from the responses the server actually produces (for a policy or raw headers alike).
enum ResponseRules {
    static func findings(_ context: LintContext) -> [LintFinding] {
        guard context.api.isHTTP else { return [] }
        let unrelated = ProbeOrigins.unrelated(scheme: context.api.scheme).map(\.serialized)
        let origins = uniqueStrings(context.trusted.map(\.serialized) + unrelated.prefix(1) + ["null"])
        var samples: [ResponseSample] = []
        for origin in origins {
            samples.append(
                ResponseSample(origin: origin, isPreflight: false, response: context.actualResponse(origin: origin)))
            samples.append(
                ResponseSample(origin: origin, isPreflight: true, response: context.preflightResponse(origin: origin)))
        }
        var found: [LintFinding] = []
        found += samples.lazy.compactMap(wildcardOriginWithCredentials).prefix(1)
        found += samples.lazy.compactMap(multipleValues).prefix(1)
        found += samples.lazy.compactMap(invalidValue).prefix(1)
        if let finding = missingVary(samples.filter { !$0.isPreflight }) { found.append(finding) }
        found += samples.lazy.compactMap(mirroredHeaders).prefix(1)
        found += samples.lazy.compactMap(wildcardListWithCredentials).prefix(1)
        found += samples.lazy.compactMap(authorizationUnderWildcard).prefix(1)
        if let finding = maxAge(samples, policy: context.policy) { found.append(finding) }
        return found
    }

    private static func uniqueStrings(_ values: [String]) -> [String] {
        var seen: Set<String> = []
        return values.filter { seen.insert($0).inserted }
    }

    private static func wildcardOriginWithCredentials(_ sample: ResponseSample) -> LintFinding? {
        guard sample.allowOrigin == ["*"], sample.allowsCredentials else { return nil }
        return LintFinding(
            rule: .wildcardOriginWithCredentials, severity: .medium,
            title: "Access-Control-Allow-Origin: * together with credentials",
            explanation:
                "\(capitalized(sample.description)) carries Access-Control-Allow-Origin: * and "
                + "Access-Control-Allow-Credentials: true. Browsers never accept * for a request with credentials, "
                + "so every request with cookies fails, from trusted pages too. The usual quick \"fix\", "
                + "reflecting any origin, opens the API to every website.",
            fix:
                "Echo the request's Origin when it is on your allow-list (and send Vary: Origin), or keep * and "
                + "turn credentials off.")
    }

    private static func multipleValues(_ sample: ResponseSample) -> LintFinding? {
        let values = sample.allowOrigin
        guard values.count > 1 || values.contains(where: { $0.contains(",") }) else { return nil }
        let shown = values.map { "'\($0)'" }.joined(separator: ", ")
        return LintFinding(
            rule: .multipleAllowOriginValues, severity: .medium,
            title: "Several Access-Control-Allow-Origin values",
            explanation:
                "\(capitalized(sample.description)) carries Access-Control-Allow-Origin \(shown). Browsers accept "
                + "exactly one value, so they block the response for everyone. Usually two layers (a proxy and "
                + "the application) both add CORS headers, or the server lists all allowed origins in one header.",
            fix:
                "Add CORS headers in one layer only, and send one origin: the request's own, when it is allowed.")
    }

    private static func invalidValue(_ sample: ResponseSample) -> LintFinding? {
        guard sample.allowOrigin.count == 1, let value = sample.allowOrigin.first, !value.contains(","),
            value != "*", value != "null"
        else { return nil }
        if let origin = try? Origin.parse(value), origin.serialized == value { return nil }
        var explanation =
            "\(capitalized(sample.description)) carries Access-Control-Allow-Origin '\(value)', which is neither * "
            + "nor one origin such as https://app.example.com, so no browser accepts it."
        if value.contains("*") {
            explanation += " CORS has no patterns: *.example.com does not mean every subdomain."
        } else if let parsed = try? ParsedURL.parse(value), parsed.origin.serialized != value {
            explanation += " An origin is scheme, host and port only: no path, not even a trailing slash."
        }
        return LintFinding(
            rule: .invalidAllowOriginValue, severity: .medium, title: "An invalid Access-Control-Allow-Origin value",
            explanation: explanation,
            fix:
                "Check the Origin request header against your allowed origins on the server and echo the one "
                + "that matches, exactly as the browser sent it (with Vary: Origin).")
    }

    private static func hasVaryOrigin(_ sample: ResponseSample) -> Bool {
        sample.tokens("Vary").contains { $0 == "origin" || $0 == "*" }
    }

    private static func missingVary(_ samples: [ResponseSample]) -> LintFinding? {
        let fix =
            "Send Vary: Origin on every response whose CORS headers depend on the Origin header, including the "
            + "responses that carry no CORS headers."
        let values = Set(samples.map { $0.allowOrigin })
        for sample in samples where !hasVaryOrigin(sample) {
            guard let value = sample.allowOrigin.first, sample.allowOrigin.count == 1, value != "*",
                value == "null" || (try? Origin.parse(value))?.serialized == value
            else { continue }
            if values.count > 1 {
                let others = samples.filter { $0.allowOrigin != sample.allowOrigin }.prefix(1).map { other in
                    "Origin \(other.origin) gets " + (other.allowOrigin.first.map { "'\($0)'" } ?? "none")
                }
                return LintFinding(
                    rule: .missingVaryOrigin, severity: .medium,
                    title: "Access-Control-Allow-Origin depends on Origin, without Vary: Origin",
                    explanation:
                        "The answer's Access-Control-Allow-Origin changes with the request's Origin (Origin "
                        + "\(sample.origin) gets '\(value)'; \(others.joined())), but the response has no Vary: "
                        + "Origin. A shared cache (CDN, proxy) or the browser cache can store the answer made for "
                        + "one origin and hand it to another: pages fail at random, and a cached answer can reach "
                        + "the wrong site.",
                    fix: fix)
            }
            return LintFinding(
                rule: .missingVaryOrigin, severity: .info,
                title: "A specific Access-Control-Allow-Origin without Vary: Origin",
                explanation:
                    "The response names one origin ('\(value)') and has no Vary: Origin. This server sends the "
                    + "same value to every origin, which needs no Vary; but a server that names an origin usually "
                    + "picks it per request, and then caches can hand one origin's answer to another.",
                fix: fix)
        }
        return nil
    }

    private static func mirroredHeaders(_ sample: ResponseSample) -> LintFinding? {
        guard sample.isPreflight, sample.tokens("Access-Control-Allow-Headers").contains("x-lint-probe") else {
            return nil
        }
        return LintFinding(
            rule: .requestHeadersMirrored, severity: .info,
            title: "The preflight allows whatever headers are asked for",
            explanation:
                "Asked whether the header X-Lint-Probe may be sent, the preflight answer allowed it: the server "
                + "echoes Access-Control-Request-Headers. Every header a script asks for is allowed, which hides "
                + "mistakes and lets any allowed origin send any header.",
            fix: "List the request headers the API accepts, for example Access-Control-Allow-Headers: Content-Type.")
    }

    private static func wildcardListWithCredentials(_ sample: ResponseSample) -> LintFinding? {
        guard sample.allowsCredentials else { return nil }
        let names =
            sample.isPreflight
            ? ["Access-Control-Allow-Methods", "Access-Control-Allow-Headers"] : ["Access-Control-Expose-Headers"]
        let starred = names.filter { sample.tokens($0).contains("*") }
        guard !starred.isEmpty else { return nil }
        return LintFinding(
            rule: .wildcardListWithCredentials, severity: .low,
            title: "* in \(starred.joined(separator: " and ")) is a literal name with credentials",
            explanation:
                "\(capitalized(sample.description)) sends Access-Control-Allow-Credentials: true, and with "
                + "credentials browsers read * in \(starred.joined(separator: " and ")) as a name, not as "
                + "\"everything\". Credentialed requests that need a method or header, or that read a response "
                + "header, are blocked or see less than intended.",
            fix: "List the methods and headers by name when credentials are allowed.")
    }

    private static func authorizationUnderWildcard(_ sample: ResponseSample) -> LintFinding? {
        let tokens = sample.tokens("Access-Control-Allow-Headers")
        guard sample.isPreflight, tokens.contains("*"), !tokens.contains("authorization") else { return nil }
        return LintFinding(
            rule: .authorizationNotCoveredByWildcard, severity: .low,
            title: "Access-Control-Allow-Headers: * does not cover Authorization",
            explanation:
                "The preflight answer allows the headers *, which covers every request header except "
                + "Authorization: that one must be listed by name. Requests that send a bearer token fail their "
                + "preflight.",
            fix: "Name it: Access-Control-Allow-Headers: Authorization, * (or list every header the API accepts).")
    }

    private static func maxAge(_ samples: [ResponseSample], policy: CORSPolicy?) -> LintFinding? {
        let sent = samples.lazy.filter(\.isPreflight).compactMap {
            $0.response.headers.combinedValue(named: "Access-Control-Max-Age").flatMap { Int($0) }
        }.first
        guard let seconds = sent ?? policy?.maxAge, seconds > 7200 else { return nil }
        let beyond = seconds > 86400 ? "both caps" : "Chromium's cap"
        return LintFinding(
            rule: .maxAgeBeyondBrowserCaps, severity: .info,
            title: "Access-Control-Max-Age \(seconds) is beyond \(beyond)",
            explanation:
                "The preflight answer asks browsers to cache it for \(seconds) s. Chromium keeps a preflight for "
                + "at most 7200 s (2 hours) and Firefox for at most 86400 s (24 hours); beyond that they use their "
                + "cap. The longer the cache, the later a tightened policy reaches browsers.",
            fix: "Use 7200 or less; 600 (10 minutes) is a common choice.")
    }

    private static func capitalized(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.uppercased() + text.dropFirst()
    }
}
