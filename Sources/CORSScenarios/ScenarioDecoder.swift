import CORSCore
import Yams

/// Turns a composed YAML document into a `Scenario`, key by key.
struct ScenarioDecoder {
    let reader: YAMLReader

    static let topKeys = ["title", "lesson", "browser", "repeat_after", "request", "server", "expect"]
    static let requestKeys = [
        "page", "url", "api", "mode", "method", "headers", "credentials", "with_credentials", "body",
        "upload_listener", "cookie",
    ]
    static let serverKeys = ["policy", "preflight", "response", "redirects", "middleware", "config", "app"]
    static let policyKeys = [
        "allow_origins", "allow_methods", "allow_headers", "expose_headers", "allow_credentials", "max_age",
        "preflight_status", "options_routed", "unrouted_status", "actual_status", "headers_on_actual",
        "headers_on_errors", "vary_origin", "response_headers",
    ]
    static let responseKeys = ["status", "headers"]
    static let redirectKeys = ["from", "to", "status", "headers", "cors_headers", "on_preflight"]
    static let expectKeys = [
        "outcome", "preflight", "access_control_request_headers", "console", "readable_headers", "origin",
        "cookie_sent", "preflight_count", "repeat", "browsers",
    ]

    /// `place: reason; expectation`, without the expectation when the reason already says what was expected.
    static func parseFailure(_ place: String, _ reason: String, _ expectation: String) -> String {
        reason.hasPrefix("expected") ? "\(place): \(reason)" : "\(place): \(reason); \(expectation)"
    }

    func scenario(_ root: Node) throws(ScenarioError) -> Scenario {
        var title: String?
        var lesson: String?
        var browser = BrowserProfile.chromium
        var repeatAfter: Double?
        var requestNode: Node?
        var serverNode: Node?
        var expectNode: Node?
        for (key, _, value) in try reader.mapping(root, at: "the file", allowed: Self.topKeys) {
            switch key {
            case "title": title = try reader.string(value, "title")
            case "lesson":
                // A folded or literal block ends with a newline that is not part of the text.
                var text = try reader.string(value, "lesson")
                while text.last?.isNewline == true { text.removeLast() }
                lesson = text
            case "browser": browser = try reader.choice(value, "browser", as: BrowserProfile.self)
            case "repeat_after": repeatAfter = try reader.number(value, "repeat_after")
            case "request": requestNode = value
            case "server": serverNode = value
            default: expectNode = value
            }
        }
        guard let title, !title.isEmpty else { throw reader.error(root, "missing 'title': every scenario needs one") }
        guard let requestNode else { throw reader.error(root, "missing 'request': the browser request to evaluate") }
        guard let serverNode else { throw reader.error(root, "missing 'server': a policy or raw responses") }
        var expectation: ScenarioExpectation?
        if let expectNode {
            let parsed = try self.expectation(expectNode, path: "expect")
            let anyRepeat = parsed.repeated != nil || parsed.browsers.values.contains { $0.repeated != nil }
            if anyRepeat && repeatAfter == nil {
                throw reader.error(expectNode, "expect.repeat needs repeat_after at the top level")
            }
            expectation = parsed
        }
        return Scenario(
            title: title, lesson: lesson, browser: browser, repeatAfter: repeatAfter,
            request: try request(requestNode), server: try server(serverNode), expectation: expectation)
    }

    // MARK: Request

    private func request(_ node: Node) throws(ScenarioError) -> BrowserRequest {
        var page: Origin?
        var url: ParsedURL?
        var urlText: String?
        var api = RequestAPI.fetch
        var mode: (RequestMode, Node)?
        var method = "GET"
        var headers: [HeaderField] = []
        var credentials: (CredentialsMode, Node)?
        var withCredentials: Bool?
        var withCredentialsNode: Node?
        var body: String?
        var uploadListener: (Bool, Node)?
        var cookie: String?
        for (key, keyNode, value) in try reader.mapping(node, at: "request", allowed: Self.requestKeys) {
            switch key {
            case "page":
                let text = try reader.string(value, "request.page")
                do { page = try Origin.parse(text) } catch {
                    throw reader.error(
                        value,
                        Self.parseFailure(
                            "request.page", error.reason, "expected an origin such as https://app.example.com, or null")
                    )
                }
            case "url":
                let text = try reader.string(value, "request.url")
                urlText = text
                do { url = try ParsedURL.parseForAnyBrowser(text) } catch {
                    throw reader.error(
                        value,
                        Self.parseFailure(
                            "request.url", error.reason, "expected an absolute URL such as https://api.example.com/data"
                        ))
                }
            case "api": api = try reader.choice(value, "request.api", as: RequestAPI.self)
            case "mode": mode = (try reader.choice(value, "request.mode", as: RequestMode.self), value)
            case "method":
                method = try reader.string(value, "request.method")
                if method.isEmpty { throw reader.error(value, "request.method must not be empty") }
            case "headers":
                headers = try reader.headers(value, "request.headers", sentBy: .script).map {
                    HeaderField($0.name, $0.value)
                }
            case "credentials":
                credentials = (try reader.choice(value, "request.credentials", as: CredentialsMode.self), value)
            case "with_credentials":
                withCredentials = try reader.bool(value, "request.with_credentials")
                withCredentialsNode = keyNode
            case "body": body = try reader.string(value, "request.body")
            case "upload_listener": uploadListener = (try reader.bool(value, "request.upload_listener"), keyNode)
            default: cookie = try reader.string(value, "request.cookie")
            }
        }
        guard let page else {
            throw reader.error(node, "request needs 'page': the origin of the page running the script")
        }
        guard let url else { throw reader.error(node, "request needs 'url': the URL the script requests") }
        var credentialsMode = credentials?.0 ?? .sameOrigin
        if api == .xhr {
            if let (value, modeNode) = mode, value != .cors {
                throw reader.error(modeNode, "request.mode applies to fetch only; XMLHttpRequest always uses cors")
            }
            if let (value, credentialsNode) = credentials, value == .omit {
                throw reader.error(
                    credentialsNode,
                    "XMLHttpRequest cannot omit credentials; use same-origin or include (or with_credentials)")
            }
            if let withCredentials {
                if credentials != nil {
                    throw reader.error(withCredentialsNode, "give either credentials or with_credentials, not both")
                }
                credentialsMode = withCredentials ? .include : .sameOrigin
            }
        } else {
            if withCredentials != nil {
                throw reader.error(
                    withCredentialsNode,
                    "with_credentials is for api: xhr; fetch uses credentials: omit | same-origin | include")
            }
            if let (listens, listenerNode) = uploadListener, listens {
                throw reader.error(listenerNode, "upload_listener is for api: xhr only")
            }
        }
        return BrowserRequest(
            page: page, url: url, urlText: urlText, api: api, mode: mode?.0 ?? .cors, method: method, headers: headers,
            credentials: credentialsMode, body: body, hasUploadListener: uploadListener?.0 ?? false, cookie: cookie)
    }

    // MARK: Server

    private func server(_ node: Node) throws(ScenarioError) -> ServerDefinition {
        var policy: CORSPolicy?
        var preflight: ServerResponse?
        var response: ServerResponse?
        var redirects: [ServerRedirect] = []
        var policyNode: Node?
        var middleware: (key: Node, value: Node)?
        var config: (key: Node, value: Node)?
        var app: (key: Node, value: Node)?
        for (key, keyNode, value) in try reader.mapping(node, at: "server", allowed: Self.serverKeys) {
            switch key {
            case "middleware": middleware = (keyNode, value)
            case "config": config = (keyNode, value)
            case "app": app = (keyNode, value)
            case "policy":
                policy = try self.policy(value)
                policyNode = keyNode
            case "preflight": preflight = try rawResponse(value, "server.preflight")
            case "response": response = try rawResponse(value, "server.response")
            default:
                for item in try reader.sequence(value, "server.redirects") { redirects.append(try redirect(item)) }
            }
        }
        if let middleware {
            if policy != nil || preflight != nil || response != nil {
                throw reader.error(
                    middleware.key, "server has a middleware and a policy or raw responses; use only one of them")
            }
            let configuration = try MiddlewareDecoder(reader: reader).configuration(
                nameNode: middleware.value, config: config?.value, app: app?.value)
            return ServerDefinition(behavior: .middleware(configuration), redirects: redirects)
        }
        if let stray = config ?? app {
            throw reader.error(stray.key, "server.config and server.app need server.middleware")
        }
        if let policy {
            if preflight != nil || response != nil, let policyNode {
                throw reader.error(policyNode, "server has both a policy and raw responses; use one or the other")
            }
            return ServerDefinition(behavior: .policy(policy), redirects: redirects)
        }
        guard preflight != nil || response != nil else {
            throw reader.error(node, "server needs 'policy', 'middleware' or raw 'preflight'/'response'")
        }
        return ServerDefinition(
            behavior: .raw(preflight: preflight, response: response ?? ServerResponse()), redirects: redirects)
    }

    private func rawResponse(_ node: Node, _ path: String) throws(ScenarioError) -> ServerResponse {
        var response = ServerResponse()
        for (key, _, value) in try reader.mapping(node, at: path, allowed: Self.responseKeys) {
            if key == "status" {
                response.status = try reader.int(value, "\(path).status", range: 100...999)
            } else {
                response.headers = try reader.headers(value, "\(path).headers", sentBy: .server).map {
                    HeaderField($0.name, $0.value)
                }
            }
        }
        return response
    }

    private func redirect(_ node: Node) throws(ScenarioError) -> ServerRedirect {
        var from: ParsedURL?
        var location: String?
        var status = 302
        var headers: [HeaderField] = []
        var addsCORSHeaders = true
        var appliesToPreflight = true
        for (key, _, value) in try reader.mapping(node, at: "a redirect", allowed: Self.redirectKeys) {
            switch key {
            case "from":
                let text = try reader.string(value, "redirect 'from'")
                do { from = try ParsedURL.parseForAnyBrowser(text) } catch {
                    throw reader.error(
                        value,
                        Self.parseFailure(
                            "redirect 'from'", error.reason, "expected the absolute URL that is redirected"))
                }
            case "to": location = try reader.string(value, "redirect 'to'")
            case "status": status = try reader.int(value, "redirect status", range: 300...399)
            case "headers":
                headers = try reader.headers(value, "redirect headers", sentBy: .server).map {
                    HeaderField($0.name, $0.value)
                }
            case "on_preflight": appliesToPreflight = try reader.bool(value, "redirect on_preflight")
            default: addsCORSHeaders = try reader.bool(value, "redirect cors_headers")
            }
        }
        guard let from, let location else { throw reader.error(node, "a redirect needs 'from' and 'to'") }
        return ServerRedirect(
            from: from, location: location, status: status, headers: headers, addsCORSHeaders: addsCORSHeaders,
            appliesToPreflight: appliesToPreflight)
    }

    private func policy(_ node: Node) throws(ScenarioError) -> CORSPolicy {
        var policy = CORSPolicy()
        for (key, _, value) in try reader.mapping(node, at: "server.policy", allowed: Self.policyKeys) {
            let path = "policy.\(key)"
            switch key {
            case "allow_origins": policy.allowOrigins = try origins(value)
            case "allow_methods":
                policy.allowMethods = try wildcardOrList(value, path)
            case "allow_headers":
                if case .scalar(let scalar) = value, scalar.string == "mirror" {
                    policy.allowHeaders = .mirror
                } else {
                    let list = try wildcardOrList(value, path, extra: "mirror")
                    policy.allowHeaders = list == ["*"] ? .wildcard : .list(list)
                }
            case "expose_headers": policy.exposeHeaders = try wildcardOrList(value, path)
            case "allow_credentials": policy.allowCredentials = try reader.bool(value, path)
            case "max_age": policy.maxAge = try reader.int(value, path)
            case "preflight_status": policy.preflightStatus = try reader.int(value, path, range: 100...999)
            case "options_routed": policy.optionsRouted = try reader.bool(value, path)
            case "unrouted_status": policy.unroutedStatus = try reader.int(value, path, range: 100...999)
            case "actual_status": policy.actualStatus = try reader.int(value, path, range: 100...999)
            case "headers_on_actual": policy.headersOnActual = try reader.bool(value, path)
            case "headers_on_errors": policy.headersOnErrors = try reader.bool(value, path)
            case "vary_origin": policy.varyOrigin = try reader.bool(value, path)
            default:
                policy.responseHeaders = try reader.headers(value, path, sentBy: .server).map {
                    HeaderField($0.name, $0.value)
                }
            }
        }
        return policy
    }

    private func wildcardOrList(_ node: Node, _ path: String, extra: String? = nil) throws(ScenarioError) -> [String] {
        if case .scalar(let scalar) = node {
            guard scalar.string == "*" else {
                let options = ["\"*\"", extra].compactMap { $0 }.joined(separator: ", ")
                throw reader.error(node, "\(path) must be a list or \(options), found '\(scalar.string)'")
            }
            return ["*"]
        }
        return try reader.stringList(node, path)
    }

    private func origins(_ node: Node) throws(ScenarioError) -> OriginAllowance {
        if case .scalar(let scalar) = node {
            switch scalar.string {
            case "*": return .any
            case "reflect": return .reflectAny
            default:
                throw reader.error(
                    node, "policy.allow_origins must be \"*\", reflect, or a list of origins, found '\(scalar.string)'")
            }
        }
        var patterns: [OriginPattern] = []
        for item in try reader.sequence(node, "policy.allow_origins") {
            if case .mapping = item {
                let entries = try reader.mapping(item, at: "an allow_origins entry", allowed: ["regex"])
                guard let (_, _, patternNode) = entries.first else {
                    throw reader.error(item, "expected {regex: PATTERN}")
                }
                let pattern = try reader.string(patternNode, "regex")
                guard (try? Regex(pattern)) != nil else {
                    throw reader.error(patternNode, "'\(pattern)' is not a valid regular expression")
                }
                patterns.append(.regex(pattern))
            } else {
                patterns.append(OriginPattern.parse(try reader.string(item, "each allow_origins entry")))
            }
        }
        return .list(patterns)
    }

    // MARK: Expectations

    private func expectation(_ node: Node, path base: String) throws(ScenarioError) -> ScenarioExpectation {
        var expectation = ScenarioExpectation()
        let allowed = base == "expect" ? Self.expectKeys : Self.expectKeys.filter { $0 != "browsers" }
        for (key, _, value) in try reader.mapping(node, at: base, allowed: allowed) {
            let path = "\(base).\(key)"
            switch key {
            case "outcome": expectation.outcome = try reader.choice(value, path, as: Outcome.self)
            case "preflight": expectation.preflight = try reader.bool(value, path)
            case "access_control_request_headers":
                expectation.accessControlRequestHeaders = try reader.string(value, path)
            case "console": expectation.console = try reader.string(value, path)
            case "readable_headers": expectation.readableHeaders = try reader.stringList(value, path)
            case "origin": expectation.origin = try reader.string(value, path)
            case "cookie_sent": expectation.cookieSent = try reader.bool(value, path)
            case "preflight_count": expectation.preflightCount = try reader.int(value, path, range: 0...100)
            case "repeat":
                var repeated = RepeatExpectation()
                for (repeatKey, _, repeatValue) in try reader.mapping(
                    value, at: path, allowed: ["preflight", "outcome"])
                {
                    if repeatKey == "preflight" {
                        repeated.preflight = try reader.bool(repeatValue, "\(path).preflight")
                    } else {
                        repeated.outcome = try reader.choice(repeatValue, "\(path).outcome", as: Outcome.self)
                    }
                }
                expectation.repeated = repeated
            default:
                let names = BrowserProfile.allCases.map(\.rawValue)
                for (name, _, browserNode) in try reader.mapping(value, at: path, allowed: names) {
                    guard let profile = BrowserProfile(rawValue: name) else { continue }
                    expectation.browsers[profile] = try self.expectation(browserNode, path: "\(path).\(name)")
                }
            }
        }
        return expectation
    }
}
