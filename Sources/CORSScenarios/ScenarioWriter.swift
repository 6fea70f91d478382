import CORSCore

/// Writes a `Scenario` as a scenario file that `ScenarioLoader` reads back to the same value.
///
/// The file has no `expect` block. Keys come in the order docs/scenarios.md lists them, and a key is left out when
/// its value is the one the loader assumes anyway (`api: fetch`, `method: GET`, the policy defaults, …). Every free
/// text (titles, URLs, header names and values, origins, patterns) is written as a double-quoted YAML string with
/// escapes, so text such as `null`, `true`, `204`, `*` or `- x`, surrounding spaces and control characters all come
/// back as written.
///
/// A value the loader never produces is still written, and the loader then rejects the file with its usual message
/// (an XHR that omits credentials, a status outside 100–999, an invalid regular expression, an empty title).
public enum ScenarioWriter {
    /// The scenario as scenario-file YAML, without its `expect` block.
    public static func yaml(_ scenario: Scenario) -> String {
        var lines = ["# Written by cors-explorer."]
        lines.append("title: \(quoted(scenario.title))")
        if let lesson = scenario.lesson { lines.append("lesson: \(quoted(lesson))") }
        if scenario.browser != .chromium { lines.append("browser: \(scenario.browser.rawValue)") }
        if let repeatAfter = scenario.repeatAfter { lines.append("repeat_after: \(number(repeatAfter))") }
        lines.append("request:")
        lines += indented(request(scenario.request))
        lines.append("server:")
        lines += indented(server(scenario.server))
        return lines.joined(separator: "\n") + "\n"
    }

    /// A middleware server's lines as a file writes them under `server:`: `middleware:`, then `config` and `app`.
    public static func middlewareLines(_ configuration: MiddlewareConfiguration) -> [String] {
        MiddlewareWriter.lines(configuration)
    }

    // MARK: Request

    private static func request(_ request: BrowserRequest) -> [String] {
        var lines = ["page: \(quoted(request.page.serialized))"]
        lines.append("url: \(quoted(request.urlText ?? request.url.description))")
        if request.api != .fetch { lines.append("api: \(request.api.rawValue)") }
        if request.mode != .cors { lines.append("mode: \(request.mode.rawValue)") }
        if request.method != "GET" { lines.append("method: \(quoted(request.method))") }
        lines += headerList("headers", request.headers, omitWhenEmpty: true)
        // With `api: xhr` the loader takes same-origin and include (omit is an error it reports); with_credentials
        // is only another spelling of the same two modes, so `credentials` serves both APIs.
        if request.credentials != .sameOrigin { lines.append("credentials: \(request.credentials.rawValue)") }
        if let body = request.body { lines.append("body: \(quoted(body))") }
        if request.hasUploadListener { lines.append("upload_listener: true") }
        if let cookie = request.cookie { lines.append("cookie: \(quoted(cookie))") }
        return lines
    }

    // MARK: Server

    private static func server(_ server: ServerDefinition) -> [String] {
        var lines: [String] = []
        switch server.behavior {
        case .policy(let policy):
            let body = self.policy(policy)
            if body.isEmpty {
                lines.append("policy: {}")
            } else {
                lines.append("policy:")
                lines += indented(body)
            }
        case .middleware(let configuration):
            lines += MiddlewareWriter.lines(configuration)
        case .raw(let preflight, let response):
            if let preflight {
                lines.append("preflight:")
                lines += indented(rawResponse(preflight))
            }
            // Without a preflight the response must be written, or the server would have neither kind.
            if preflight == nil || response != ServerResponse() {
                lines.append("response:")
                lines += indented(rawResponse(response))
            }
        }
        if !server.redirects.isEmpty {
            lines.append("redirects:")
            for redirect in server.redirects { lines += indented(listItem(self.redirect(redirect))) }
        }
        return lines
    }

    private static func rawResponse(_ response: ServerResponse) -> [String] {
        // The status is always written (the loader's default is 200) so that a raw response never reads as `{}`.
        ["status: \(response.status)"] + headerList("headers", response.headers, omitWhenEmpty: true)
    }

    private static func redirect(_ redirect: ServerRedirect) -> [String] {
        var lines = ["from: \(quoted(redirect.from.description))", "to: \(quoted(redirect.location))"]
        if redirect.status != 302 { lines.append("status: \(redirect.status)") }
        lines += headerList("headers", redirect.headers, omitWhenEmpty: true)
        if !redirect.addsCORSHeaders { lines.append("cors_headers: false") }
        if !redirect.appliesToPreflight { lines.append("on_preflight: false") }
        return lines
    }

    private static func policy(_ policy: CORSPolicy) -> [String] {
        let defaults = CORSPolicy()
        var lines: [String] = []
        switch policy.allowOrigins {
        case .any: lines.append("allow_origins: \"*\"")
        case .reflectAny: lines.append("allow_origins: reflect")
        case .list(let patterns):
            // In a list, `"*"` is the exact origin text `*`, not the wildcard.
            if !patterns.isEmpty { lines += flowList("allow_origins", patterns.map(originEntry)) }
        }
        if policy.allowMethods != defaults.allowMethods {
            lines += wildcardOrList("allow_methods", policy.allowMethods)
        }
        switch policy.allowHeaders {
        case .wildcard: lines.append("allow_headers: \"*\"")
        case .mirror: lines.append("allow_headers: mirror")
        case .list(let names):
            // The loader reads `["*"]` as the wildcard; any other list, `[mirror]` included, stays a list.
            if !names.isEmpty { lines += flowList("allow_headers", names.map(quoted)) }
        }
        if !policy.exposeHeaders.isEmpty { lines += wildcardOrList("expose_headers", policy.exposeHeaders) }
        if policy.allowCredentials { lines.append("allow_credentials: true") }
        if let maxAge = policy.maxAge { lines.append("max_age: \(maxAge)") }
        if policy.preflightStatus != defaults.preflightStatus {
            lines.append("preflight_status: \(policy.preflightStatus)")
        }
        if !policy.optionsRouted { lines.append("options_routed: false") }
        if policy.unroutedStatus != defaults.unroutedStatus {
            lines.append("unrouted_status: \(policy.unroutedStatus)")
        }
        if policy.actualStatus != defaults.actualStatus { lines.append("actual_status: \(policy.actualStatus)") }
        if !policy.headersOnActual { lines.append("headers_on_actual: false") }
        if !policy.headersOnErrors { lines.append("headers_on_errors: false") }
        if !policy.varyOrigin { lines.append("vary_origin: false") }
        if policy.responseHeaders != defaults.responseHeaders {
            // Giving the key replaces the default, so an empty list is written as `[]`.
            lines += headerList("response_headers", policy.responseHeaders, omitWhenEmpty: false)
        }
        return lines
    }

    private static func originEntry(_ pattern: OriginPattern) -> String {
        switch pattern {
        case .regex(let pattern): return "{regex: \(quoted(pattern))}"
        case .exact, .subdomainWildcard: return quoted(pattern.written)
        }
    }

    /// A list the loader also accepts as the single scalar `"*"`.
    private static func wildcardOrList(_ key: String, _ values: [String]) -> [String] {
        values == ["*"] ? ["\(key): \"*\""] : flowList(key, values.map(quoted))
    }

    // MARK: YAML pieces

    /// `key: [a, b]` when that fits on a line, otherwise a block list; `items` are already YAML.
    static func flowList(_ key: String, _ items: [String]) -> [String] {
        let flow = "\(key): [\(items.joined(separator: ", "))]"
        guard flow.count > 100, !items.isEmpty else { return [flow] }
        return ["\(key):"] + items.map { "  - \($0)" }
    }

    /// An ordered header list: one single-entry mapping per line, so duplicates, casing and order are kept.
    static func headerList(_ key: String, _ fields: [HeaderField], omitWhenEmpty: Bool) -> [String] {
        if fields.isEmpty { return omitWhenEmpty ? [] : ["\(key): []"] }
        var lines = ["\(key):"]
        for field in fields {
            let name = quoted(field.name)
            // A YAML implicit key must stay under 1024 characters; a longer name needs the explicit `?` form.
            if name.utf8.count < 1000 {
                lines.append("  - \(name): \(quoted(field.value))")
            } else {
                lines += ["  - ? \(name)", "    : \(quoted(field.value))"]
            }
        }
        return lines
    }

    /// The lines of one block-list entry: `- ` before the first, two spaces before the others.
    private static func listItem(_ lines: [String]) -> [String] {
        lines.enumerated().map { index, line in (index == 0 ? "- " : "  ") + line }
    }

    static func indented(_ lines: [String]) -> [String] {
        lines.map { "  " + $0 }
    }

    /// Seconds as the loader reads them back: whole numbers without a fraction, others in Swift's shortest form.
    /// `value` as a scenario file writes it: a whole number without a decimal point (`10`, not `10.0`).
    public static func number(_ value: Double) -> String {
        if value.isFinite, value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return "\(value)"
    }

    /// `text` as a double-quoted YAML scalar that reads back exactly.
    ///
    /// Quotes, backslashes and everything YAML does not allow or would fold as a line break (C0 and C1 controls,
    /// DEL, U+2028, U+2029, U+FEFF, U+FFFE, U+FFFF) are escaped; all other characters stay as UTF-8.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            default:
                let value = scalar.value
                if value < 0x20 || (0x7F...0x9F).contains(value) {
                    result += "\\x" + hex(value, digits: 2)
                } else if [0x2028, 0x2029, 0xFEFF, 0xFFFE, 0xFFFF].contains(value) {
                    result += "\\u" + hex(value, digits: 4)
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }

    private static func hex(_ value: UInt32, digits: Int) -> String {
        let text = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}
