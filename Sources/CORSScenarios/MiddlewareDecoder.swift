import CORSCore
import Yams

/// Reads `server.middleware`, `server.config` and `server.app` into a `MiddlewareConfiguration`.
///
/// Each middleware's keys are its own option names; a key that is left out keeps that middleware's default.
struct MiddlewareDecoder {
    let reader: YAMLReader

    static let appKeys = ["status", "headers", "options_status"]
    static let configKeys: [String: [String]] = [
        "express-cors": [
            "origin", "methods", "allowedHeaders", "exposedHeaders", "credentials", "maxAge", "preflightContinue",
            "optionsSuccessStatus",
        ],
        "flask-cors": [
            "origins", "methods", "allow_headers", "expose_headers", "supports_credentials", "max_age",
            "send_wildcard", "vary_header", "always_send", "resources",
        ],
        "rs-cors": [
            "AllowedOrigins", "AllowedMethods", "AllowedHeaders", "ExposedHeaders", "AllowCredentials", "MaxAge",
            "OptionsPassthrough", "OptionsSuccessStatus",
        ],
        "spring": [
            "allowedOrigins", "allowedOriginPatterns", "allowedMethods", "allowedHeaders", "exposedHeaders",
            "allowCredentials", "maxAge", "applyPermitDefaultValues",
        ],
        "tower-http": [
            "allow_origin", "allow_methods", "allow_headers", "expose_headers", "allow_credentials", "max_age", "vary",
        ],
        "vapor": [
            "allowedOrigin", "allowedMethods", "allowedHeaders", "allowCredentials", "cacheExpiration",
            "exposedHeaders",
        ],
        "hummingbird": ["allowOrigin", "allowHeaders", "allowMethods", "allowCredentials", "exposedHeaders", "maxAge"],
        "aspnet-core": [
            "WithOrigins", "AllowAnyOrigin", "SetIsOriginAllowed", "SetIsOriginAllowedToAllowWildcardSubdomains",
            "WithMethods", "AllowAnyMethod", "WithHeaders", "AllowAnyHeader", "WithExposedHeaders", "AllowCredentials",
            "SetPreflightMaxAge",
        ],
        "nginx": ["add_header", "always", "options_return"],
    ]

    /// The middleware server; `nameNode` is the `middleware:` value, `config` and `app` may be absent.
    func configuration(nameNode: Node, config: Node?, app: Node?) throws(ScenarioError) -> MiddlewareConfiguration {
        let name = try reader.string(nameNode, "server.middleware")
        guard let keys = Self.configKeys[name] else {
            throw reader.error(
                nameNode,
                "server.middleware must be one of \(MiddlewarePreset.names.joined(separator: " | ")), found '\(name)'")
        }
        let entries =
            try config.map { node throws(ScenarioError) in
                try reader.mapping(node, at: "server.config (\(name))", allowed: keys)
            } ?? []
        let preset: MiddlewarePreset
        switch name {
        case "express-cors": preset = .expressCORS(try express(entries))
        case "flask-cors": preset = .flaskCORS(try flask(entries))
        case "rs-cors": preset = .rsCORS(try rsCORS(entries))
        case "spring": preset = .spring(try spring(entries))
        case "tower-http": preset = .towerHTTP(try towerHTTP(entries))
        case "vapor": preset = .vapor(try vapor(entries))
        case "hummingbird": preset = .hummingbird(try hummingbird(entries))
        case "aspnet-core": preset = .aspNetCore(try aspNetCore(entries))
        default: preset = .nginx(try nginx(entries))
        }
        if let problem = preset.configurationError { throw reader.error(config ?? nameNode, problem) }
        return MiddlewareConfiguration(preset: preset, app: try self.app(app))
    }

    private func app(_ node: Node?) throws(ScenarioError) -> MiddlewareApp {
        var app = MiddlewareApp()
        guard let node else { return app }
        for (key, _, value) in try reader.mapping(node, at: "server.app", allowed: Self.appKeys) {
            let path = "app.\(key)"
            switch key {
            case "status": app.status = try reader.int(value, path, range: 100...999)
            case "options_status": app.optionsStatus = try reader.int(value, path, range: 100...999)
            default:
                app.headers = try reader.headers(value, path, sentBy: .server).map { HeaderField($0.name, $0.value) }
            }
        }
        return app
    }

    // MARK: Presets

    private func express(_ entries: [(String, Node, Node)]) throws(ScenarioError) -> ExpressCORS {
        var options = ExpressCORS()
        for (key, _, value) in entries {
            let path = "config.\(key)"
            switch key {
            case "origin": options.origin = try expressOrigin(value)
            case "methods": options.methods = try stringOrList(value, path, separator: ",")
            case "allowedHeaders": options.allowedHeaders = try stringOrList(value, path, separator: ",")
            case "exposedHeaders": options.exposedHeaders = try stringOrList(value, path, separator: ",")
            case "credentials": options.credentials = try reader.bool(value, path)
            case "maxAge": options.maxAge = try reader.int(value, path)
            case "preflightContinue": options.preflightContinue = try reader.bool(value, path)
            default: options.optionsSuccessStatus = try reader.int(value, path, range: 100...999)
            }
        }
        return options
    }

    private func expressOrigin(_ node: Node) throws(ScenarioError) -> ExpressCORS.OriginOption {
        switch node {
        case .scalar(let scalar):
            switch scalar.string {
            case "*": return .wildcard
            case "true": return .reflect
            case "false": return .disabled
            default: return .fixed(scalar.string)
            }
        case .mapping: return .allowList([try regexEntry(node, "config.origin")])
        default:
            var patterns: [OriginPattern] = []
            for item in try reader.sequence(node, "config.origin") {
                if case .mapping = item {
                    patterns.append(try regexEntry(item, "an origin entry"))
                } else {
                    patterns.append(.exact(try reader.string(item, "each entry of config.origin")))
                }
            }
            return .allowList(patterns)
        }
    }

    private func regexEntry(_ node: Node, _ path: String) throws(ScenarioError) -> OriginPattern {
        let entries = try reader.mapping(node, at: path, allowed: ["regex"])
        guard let (_, _, patternNode) = entries.first else { throw reader.error(node, "expected {regex: PATTERN}") }
        let pattern = try reader.string(patternNode, "regex")
        guard (try? Regex(pattern)) != nil else {
            throw reader.error(patternNode, "'\(pattern)' is not a valid regular expression")
        }
        return .regex(pattern)
    }

    private func flask(_ entries: [(String, Node, Node)]) throws(ScenarioError) -> FlaskCORS {
        var options = FlaskCORS()
        for (key, _, value) in entries {
            let path = "config.\(key)"
            switch key {
            case "origins": options.origins = try scalarOrList(value, path)
            case "methods": options.methods = try scalarOrList(value, path)
            case "allow_headers": options.allowHeaders = try scalarOrList(value, path)
            case "expose_headers": options.exposeHeaders = try scalarOrList(value, path)
            case "supports_credentials": options.supportsCredentials = try reader.bool(value, path)
            case "max_age": options.maxAge = try reader.int(value, path)
            case "send_wildcard": options.sendWildcard = try reader.bool(value, path)
            case "vary_header": options.varyHeader = try reader.bool(value, path)
            case "always_send": options.alwaysSend = try reader.bool(value, path)
            default: options.resources = try scalarOrList(value, path)
            }
        }
        return options
    }

    private func rsCORS(_ entries: [(String, Node, Node)]) throws(ScenarioError) -> RsCORS {
        var options = RsCORS()
        for (key, _, value) in entries {
            let path = "config.\(key)"
            switch key {
            case "AllowedOrigins": options.allowedOrigins = try reader.stringList(value, path)
            case "AllowedMethods": options.allowedMethods = try reader.stringList(value, path)
            case "AllowedHeaders": options.allowedHeaders = try reader.stringList(value, path)
            case "ExposedHeaders": options.exposedHeaders = try reader.stringList(value, path)
            case "AllowCredentials": options.allowCredentials = try reader.bool(value, path)
            case "MaxAge": options.maxAge = try reader.int(value, path)
            case "OptionsPassthrough": options.optionsPassthrough = try reader.bool(value, path)
            default: options.optionsSuccessStatus = try reader.int(value, path, range: 100...999)
            }
        }
        return options
    }

    private func spring(_ entries: [(String, Node, Node)]) throws(ScenarioError) -> SpringCORS {
        var options = SpringCORS()
        for (key, _, value) in entries {
            let path = "config.\(key)"
            switch key {
            case "allowedOrigins": options.allowedOrigins = try reader.stringList(value, path)
            case "allowedOriginPatterns": options.allowedOriginPatterns = try reader.stringList(value, path)
            case "allowedMethods": options.allowedMethods = try reader.stringList(value, path)
            case "allowedHeaders": options.allowedHeaders = try reader.stringList(value, path)
            case "exposedHeaders": options.exposedHeaders = try reader.stringList(value, path)
            case "allowCredentials": options.allowCredentials = try reader.bool(value, path)
            case "maxAge": options.maxAge = try reader.int(value, path)
            default: options.permitDefaultValues = try reader.bool(value, path)
            }
        }
        return options
    }

    private func towerHTTP(_ entries: [(String, Node, Node)]) throws(ScenarioError) -> TowerHTTPCORS {
        var options = TowerHTTPCORS()
        for (key, _, value) in entries {
            let path = "config.\(key)"
            switch key {
            case "allow_origin": options.allowOrigin = try towerSetting(value, path, mirror: true)
            case "allow_methods": options.allowMethods = try towerSetting(value, path, mirror: true)
            case "allow_headers": options.allowHeaders = try towerSetting(value, path, mirror: true)
            case "expose_headers": options.exposeHeaders = try towerSetting(value, path, mirror: false)
            case "allow_credentials": options.allowCredentials = try reader.bool(value, path)
            case "max_age": options.maxAge = try reader.int(value, path)
            default: options.vary = try reader.stringList(value, path)
            }
        }
        return options
    }

    private func towerSetting(_ node: Node, _ path: String, mirror: Bool) throws(ScenarioError)
        -> TowerHTTPCORS.Setting
    {
        guard case .scalar(let scalar) = node else { return .list(try reader.stringList(node, path)) }
        switch scalar.string {
        case "*", "Any": return .any
        case "mirror_request" where mirror: return .mirrorRequest
        default:
            if path.hasSuffix("allow_origin") { return .list([scalar.string]) }
            let options = mirror ? "\"*\", mirror_request" : "\"*\""
            throw reader.error(node, "\(path) must be a list, \(options), found '\(scalar.string)'")
        }
    }

    private func vapor(_ entries: [(String, Node, Node)]) throws(ScenarioError) -> VaporCORS {
        var options = VaporCORS()
        for (key, _, value) in entries {
            let path = "config.\(key)"
            switch key {
            case "allowedOrigin":
                let (name, argument) = try originSetting(
                    value, path, plain: ["none", "originBased", "all"], withList: "any", withValue: "custom")
                switch (name, argument) {
                case ("none", _): options.allowedOrigin = .none
                case ("all", _): options.allowedOrigin = .all
                case ("any", .list(let origins)): options.allowedOrigin = .any(origins)
                case ("custom", .text(let text)): options.allowedOrigin = .custom(text)
                default: options.allowedOrigin = .originBased
                }
            case "allowedMethods": options.allowedMethods = try reader.stringList(value, path)
            case "allowedHeaders": options.allowedHeaders = try reader.stringList(value, path)
            case "allowCredentials": options.allowCredentials = try reader.bool(value, path)
            case "cacheExpiration": options.cacheExpiration = try optionalInt(value, path)
            default: options.exposedHeaders = try reader.stringList(value, path)
            }
        }
        return options
    }

    private func hummingbird(_ entries: [(String, Node, Node)]) throws(ScenarioError) -> HummingbirdCORS {
        var options = HummingbirdCORS()
        for (key, _, value) in entries {
            let path = "config.\(key)"
            switch key {
            case "allowOrigin":
                let (name, argument) = try originSetting(
                    value, path, plain: ["none", "all", "originBased"], withList: "oneOf", withValue: "custom")
                switch (name, argument) {
                case ("none", _): options.allowOrigin = .none
                case ("all", _): options.allowOrigin = .all
                case ("oneOf", .list(let origins)): options.allowOrigin = .oneOf(origins)
                case ("custom", .text(let text)): options.allowOrigin = .custom(text)
                default: options.allowOrigin = .originBased
                }
            case "allowHeaders": options.allowHeaders = try reader.stringList(value, path)
            case "allowMethods": options.allowMethods = try reader.stringList(value, path)
            case "allowCredentials": options.allowCredentials = try reader.bool(value, path)
            case "exposedHeaders": options.exposedHeaders = try reader.stringList(value, path)
            default: options.maxAge = try reader.int(value, path)
            }
        }
        return options
    }

    private func aspNetCore(_ entries: [(String, Node, Node)]) throws(ScenarioError) -> AspNetCoreCORS {
        var options = AspNetCoreCORS()
        for (key, _, value) in entries {
            let path = "config.\(key)"
            switch key {
            case "WithOrigins": options.withOrigins = try reader.stringList(value, path)
            case "AllowAnyOrigin": options.allowAnyOrigin = try reader.bool(value, path)
            case "SetIsOriginAllowed":
                guard try reader.string(value, path) == "any" else {
                    throw reader.error(value, "\(path) must be any (the predicate _ => true)")
                }
                options.setIsOriginAllowedToAny = true
            case "SetIsOriginAllowedToAllowWildcardSubdomains":
                options.allowWildcardSubdomains = try reader.bool(value, path)
            case "WithMethods": options.withMethods = try reader.stringList(value, path)
            case "AllowAnyMethod": options.allowAnyMethod = try reader.bool(value, path)
            case "WithHeaders": options.withHeaders = try reader.stringList(value, path)
            case "AllowAnyHeader": options.allowAnyHeader = try reader.bool(value, path)
            case "WithExposedHeaders": options.withExposedHeaders = try reader.stringList(value, path)
            case "AllowCredentials": options.allowCredentials = try reader.bool(value, path)
            default: options.preflightMaxAge = try reader.int(value, path)
            }
        }
        return options
    }

    private func nginx(_ entries: [(String, Node, Node)]) throws(ScenarioError) -> NginxCORS {
        var options = NginxCORS()
        for (key, _, value) in entries {
            let path = "config.\(key)"
            switch key {
            case "add_header":
                options.addHeader = try reader.headers(value, path, sentBy: .server).map {
                    HeaderField($0.name, $0.value)
                }
            case "always": options.always = try reader.bool(value, path)
            default: options.optionsReturn = try reader.int(value, path, range: 100...999)
            }
        }
        return options
    }

    // MARK: Values

    /// The argument of a `{name: argument}` origin setting.
    private enum SettingArgument {
        case none, text(String), list([String])
    }

    /// `plain` names as scalars, `{withList: [origins]}` or `{withValue: "text"}`.
    private func originSetting(
        _ node: Node, _ path: String, plain: [String], withList: String, withValue: String
    ) throws(ScenarioError) -> (String, SettingArgument) {
        let forms = (plain + ["{\(withList): [...]}", "{\(withValue): \"...\"}"]).joined(separator: " | ")
        if case .scalar(let scalar) = node {
            guard plain.contains(scalar.string) else {
                throw reader.error(node, "\(path) must be one of \(forms), found '\(scalar.string)'")
            }
            return (scalar.string, .none)
        }
        guard case .mapping = node else { throw reader.error(node, "\(path) must be one of \(forms)") }
        let entries = try reader.mapping(node, at: path, allowed: [withList, withValue])
        guard entries.count == 1, let (name, _, value) = entries.first else {
            throw reader.error(node, "\(path) must be one of \(forms)")
        }
        if name == withList { return (name, .list(try reader.stringList(value, "\(path).\(name)"))) }
        return (name, .text(try reader.string(value, "\(path).\(name)")))
    }

    /// A string, or a list joined with `separator` (as JavaScript's `Array.join` does).
    private func stringOrList(_ node: Node, _ path: String, separator: String) throws(ScenarioError) -> String {
        if case .scalar(let scalar) = node { return scalar.string }
        return try reader.stringList(node, path).joined(separator: separator)
    }

    /// A single value as a one-item list, or a list.
    private func scalarOrList(_ node: Node, _ path: String) throws(ScenarioError) -> [String] {
        if case .scalar(let scalar) = node { return [scalar.string] }
        return try reader.stringList(node, path)
    }

    /// A whole number, or `none`.
    private func optionalInt(_ node: Node, _ path: String) throws(ScenarioError) -> Int? {
        if case .scalar(let scalar) = node, scalar.string == "none" { return nil }
        return try reader.int(node, path)
    }
}
