import CORSCore

/// Writes a middleware server as the `middleware`, `config` and `app` keys that `MiddlewareDecoder` reads back.
///
/// A config key is written only when its value differs from the middleware's default.
enum MiddlewareWriter {
    /// The server lines (not indented) for `configuration`.
    static func lines(_ configuration: MiddlewareConfiguration) -> [String] {
        var lines = ["middleware: \(configuration.preset.name)"]
        let config = self.config(configuration.preset)
        if !config.isEmpty {
            lines.append("config:")
            lines += ScenarioWriter.indented(config)
        }
        let app = self.app(configuration.app)
        if !app.isEmpty {
            lines.append("app:")
            lines += ScenarioWriter.indented(app)
        }
        return lines
    }

    static func app(_ app: MiddlewareApp) -> [String] {
        let defaults = MiddlewareApp()
        var lines: [String] = []
        if app.status != defaults.status { lines.append("status: \(app.status)") }
        if app.headers != defaults.headers {
            lines += ScenarioWriter.headerList("headers", app.headers, omitWhenEmpty: false)
        }
        if let status = app.optionsStatus { lines.append("options_status: \(status)") }
        return lines
    }

    static func config(_ preset: MiddlewarePreset) -> [String] {
        switch preset {
        case .expressCORS(let options): return express(options)
        case .flaskCORS(let options): return flask(options)
        case .rsCORS(let options): return rsCORS(options)
        case .spring(let options): return spring(options)
        case .towerHTTP(let options): return towerHTTP(options)
        case .vapor(let options): return vapor(options)
        case .hummingbird(let options): return hummingbird(options)
        case .aspNetCore(let options): return aspNetCore(options)
        case .nginx(let options): return nginx(options)
        }
    }

    private static func express(_ options: ExpressCORS) -> [String] {
        let defaults = ExpressCORS()
        var lines: [String] = []
        switch options.origin {
        case .wildcard: break
        case .disabled: lines.append("origin: false")
        case .reflect: lines.append("origin: true")
        case .fixed(let value): lines.append("origin: \(q(value))")
        case .allowList(let patterns):
            lines += ScenarioWriter.flowList("origin", patterns.map(originEntry))
        }
        if options.methods != defaults.methods { lines.append("methods: \(q(options.methods))") }
        if let value = options.allowedHeaders { lines.append("allowedHeaders: \(q(value))") }
        if let value = options.exposedHeaders { lines.append("exposedHeaders: \(q(value))") }
        if options.credentials { lines.append("credentials: true") }
        if let value = options.maxAge { lines.append("maxAge: \(value)") }
        if options.preflightContinue { lines.append("preflightContinue: true") }
        if options.optionsSuccessStatus != defaults.optionsSuccessStatus {
            lines.append("optionsSuccessStatus: \(options.optionsSuccessStatus)")
        }
        return lines
    }

    private static func flask(_ options: FlaskCORS) -> [String] {
        let defaults = FlaskCORS()
        var lines: [String] = []
        if options.origins != defaults.origins { lines += list("origins", options.origins) }
        if options.methods != defaults.methods { lines += list("methods", options.methods) }
        if options.allowHeaders != defaults.allowHeaders { lines += list("allow_headers", options.allowHeaders) }
        if options.exposeHeaders != defaults.exposeHeaders { lines += list("expose_headers", options.exposeHeaders) }
        if options.supportsCredentials { lines.append("supports_credentials: true") }
        if let value = options.maxAge { lines.append("max_age: \(value)") }
        if options.sendWildcard { lines.append("send_wildcard: true") }
        if !options.varyHeader { lines.append("vary_header: false") }
        if !options.alwaysSend { lines.append("always_send: false") }
        if options.resources != defaults.resources { lines += list("resources", options.resources) }
        return lines
    }

    private static func rsCORS(_ options: RsCORS) -> [String] {
        let defaults = RsCORS()
        var lines: [String] = []
        if options.allowedOrigins != defaults.allowedOrigins { lines += list("AllowedOrigins", options.allowedOrigins) }
        if options.allowedMethods != defaults.allowedMethods { lines += list("AllowedMethods", options.allowedMethods) }
        if options.allowedHeaders != defaults.allowedHeaders { lines += list("AllowedHeaders", options.allowedHeaders) }
        if options.exposedHeaders != defaults.exposedHeaders { lines += list("ExposedHeaders", options.exposedHeaders) }
        if options.allowCredentials { lines.append("AllowCredentials: true") }
        if options.maxAge != defaults.maxAge { lines.append("MaxAge: \(options.maxAge)") }
        if options.optionsPassthrough { lines.append("OptionsPassthrough: true") }
        if options.optionsSuccessStatus != defaults.optionsSuccessStatus {
            lines.append("OptionsSuccessStatus: \(options.optionsSuccessStatus)")
        }
        return lines
    }

    private static func spring(_ options: SpringCORS) -> [String] {
        var lines: [String] = []
        if let value = options.allowedOrigins { lines += list("allowedOrigins", value) }
        if let value = options.allowedOriginPatterns { lines += list("allowedOriginPatterns", value) }
        if let value = options.allowedMethods { lines += list("allowedMethods", value) }
        if let value = options.allowedHeaders { lines += list("allowedHeaders", value) }
        if let value = options.exposedHeaders { lines += list("exposedHeaders", value) }
        if let value = options.allowCredentials { lines.append("allowCredentials: \(value)") }
        if let value = options.maxAge { lines.append("maxAge: \(value)") }
        if options.permitDefaultValues { lines.append("applyPermitDefaultValues: true") }
        return lines
    }

    private static func towerHTTP(_ options: TowerHTTPCORS) -> [String] {
        var lines: [String] = []
        lines += setting("allow_origin", options.allowOrigin)
        lines += setting("allow_methods", options.allowMethods)
        lines += setting("allow_headers", options.allowHeaders)
        lines += setting("expose_headers", options.exposeHeaders)
        if options.allowCredentials { lines.append("allow_credentials: true") }
        if let value = options.maxAge { lines.append("max_age: \(value)") }
        if options.vary != TowerHTTPCORS.defaultVary { lines += list("vary", options.vary) }
        return lines
    }

    private static func setting(_ key: String, _ setting: TowerHTTPCORS.Setting) -> [String] {
        switch setting {
        case .unset: return []
        case .any: return ["\(key): \"*\""]
        case .mirrorRequest: return ["\(key): mirror_request"]
        case .list(let items): return list(key, items)
        }
    }

    private static func vapor(_ options: VaporCORS) -> [String] {
        let defaults = VaporCORS()
        var lines: [String] = []
        switch options.allowedOrigin {
        case .originBased: break
        case .none: lines.append("allowedOrigin: none")
        case .all: lines.append("allowedOrigin: all")
        case .any(let origins): lines.append("allowedOrigin: {any: [\(origins.map(q).joined(separator: ", "))]}")
        case .custom(let value): lines.append("allowedOrigin: {custom: \(q(value))}")
        }
        if options.allowedMethods != defaults.allowedMethods { lines += list("allowedMethods", options.allowedMethods) }
        if options.allowedHeaders != defaults.allowedHeaders { lines += list("allowedHeaders", options.allowedHeaders) }
        if options.allowCredentials { lines.append("allowCredentials: true") }
        if options.cacheExpiration != defaults.cacheExpiration {
            lines.append("cacheExpiration: \(options.cacheExpiration.map(String.init) ?? "none")")
        }
        if let value = options.exposedHeaders { lines += list("exposedHeaders", value) }
        return lines
    }

    private static func hummingbird(_ options: HummingbirdCORS) -> [String] {
        let defaults = HummingbirdCORS()
        var lines: [String] = []
        switch options.allowOrigin {
        case .originBased: break
        case .none: lines.append("allowOrigin: none")
        case .all: lines.append("allowOrigin: all")
        case .oneOf(let origins): lines.append("allowOrigin: {oneOf: [\(origins.map(q).joined(separator: ", "))]}")
        case .custom(let value): lines.append("allowOrigin: {custom: \(q(value))}")
        }
        if options.allowHeaders != defaults.allowHeaders { lines += list("allowHeaders", options.allowHeaders) }
        if options.allowMethods != defaults.allowMethods { lines += list("allowMethods", options.allowMethods) }
        if options.allowCredentials { lines.append("allowCredentials: true") }
        if let value = options.exposedHeaders { lines += list("exposedHeaders", value) }
        if let value = options.maxAge { lines.append("maxAge: \(value)") }
        return lines
    }

    private static func aspNetCore(_ options: AspNetCoreCORS) -> [String] {
        var lines: [String] = []
        if !options.withOrigins.isEmpty { lines += list("WithOrigins", options.withOrigins) }
        if options.allowAnyOrigin { lines.append("AllowAnyOrigin: true") }
        if options.setIsOriginAllowedToAny { lines.append("SetIsOriginAllowed: any") }
        if options.allowWildcardSubdomains { lines.append("SetIsOriginAllowedToAllowWildcardSubdomains: true") }
        if !options.withMethods.isEmpty { lines += list("WithMethods", options.withMethods) }
        if options.allowAnyMethod { lines.append("AllowAnyMethod: true") }
        if !options.withHeaders.isEmpty { lines += list("WithHeaders", options.withHeaders) }
        if options.allowAnyHeader { lines.append("AllowAnyHeader: true") }
        if !options.withExposedHeaders.isEmpty { lines += list("WithExposedHeaders", options.withExposedHeaders) }
        if options.allowCredentials { lines.append("AllowCredentials: true") }
        if let value = options.preflightMaxAge { lines.append("SetPreflightMaxAge: \(value)") }
        return lines
    }

    private static func nginx(_ options: NginxCORS) -> [String] {
        var lines = ScenarioWriter.headerList("add_header", options.addHeader, omitWhenEmpty: true)
        if options.always { lines.append("always: true") }
        if let value = options.optionsReturn { lines.append("options_return: \(value)") }
        return lines
    }

    private static func originEntry(_ pattern: OriginPattern) -> String {
        if case .regex(let source) = pattern { return "{regex: \(q(source))}" }
        return q(pattern.written)
    }

    private static func list(_ key: String, _ items: [String]) -> [String] {
        ScenarioWriter.flowList(key, items.map(q))
    }

    private static func q(_ text: String) -> String { ScenarioWriter.quoted(text) }
}
