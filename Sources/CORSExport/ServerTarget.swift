import CORSCore

/// What every middleware target shares when it stands in for a generic policy: the behaviours it cannot copy.
struct ServerTarget {
    /// The name in messages, e.g. `express`.
    var name: String
    /// The status the middleware answers every preflight with, or nil when it is configurable.
    var fixedPreflightStatus: Int?

    /// The differences every middleware has from `policy` and `server` (routing, error responses, redirects).
    func commonDifferences(_ policy: CORSPolicy, server: ServerDefinition) -> [String] {
        var differences: [String] = []
        if !policy.optionsRouted {
            differences.append(
                "the original does not route OPTIONS (\(policy.unroutedStatus), no CORS headers), so its preflights "
                    + "fail; \(name) answers them: this is the fix, not a copy of the bug")
        } else if let fixed = fixedPreflightStatus, fixed != policy.preflightStatus,
            !(200..<300).contains(policy.preflightStatus)
        {
            differences.append(
                "the original answers preflights with \(policy.preflightStatus), which fails them; \(name) always "
                    + "answers \(fixed)")
        }
        if !policy.headersOnActual {
            differences.append(
                "the original adds CORS headers to preflights only; \(name) adds them to actual responses too")
        }
        if !policy.headersOnErrors && (policy.actualStatus >= 400 || policy.preflightStatus >= 400) {
            differences.append(
                "the original leaves CORS headers off error responses; \(name) adds them to errors too")
        }
        for redirect in server.redirects {
            differences.append(
                "the redirect of \(redirect.from.serializedWithoutFragment) (\(redirect.status) to "
                    + "\(redirect.location)) is not part of this configuration")
        }
        return differences
    }

    /// The app behind the middleware: the policy's actual status and headers.
    static func app(_ policy: CORSPolicy) -> MiddlewareApp {
        MiddlewareApp(status: policy.actualStatus, headers: policy.responseHeaders)
    }

    /// The methods a middleware that checks methods must allow so that the browser's safelisted methods (which
    /// need no `Access-Control-Allow-Methods`) keep working, as they do with the original.
    static func methodsWithSafelisted(_ methods: [String]) -> [String] {
        var result = methods.map(\.asciiUppercased)
        for method in ["GET", "HEAD", "POST"] where !result.contains(method) { result.append(method) }
        return result
    }

    /// A regex source for a wildcard-subdomain origin pattern, anchored at both ends.
    static func subdomainRegex(scheme: String, baseHost: String, port: Int?) -> String {
        "^" + escapedRegex(scheme + "://") + "[^/:]+\\." + escapedRegex(baseHost)
            + (port.map { ":\($0)" } ?? "") + "$"
    }

    /// `text` with every regex metacharacter escaped.
    static func escapedRegex(_ text: String) -> String {
        var output = ""
        for character in text {
            if "\\^$.|?*+()[]{}".contains(character) { output.append("\\") }
            output.append(character)
        }
        return output
    }
}
