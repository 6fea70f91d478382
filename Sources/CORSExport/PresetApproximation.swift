import CORSCore

/// A middleware preset read as a generic policy, to translate it into another middleware.
///
/// The generic policy never checks methods or headers and answers preflights like a well-behaved CORS handler, so
/// each preset's own quirks are listed as differences rather than silently dropped.
enum PresetApproximation {
    /// The policy closest to `configuration`, and each quirk of the source middleware the policy does not keep; nil
    /// when the preset has no policy form (nginx's hand-written lines).
    static func policy(_ configuration: MiddlewareConfiguration) -> (policy: CORSPolicy, differences: [String])? {
        let app = configuration.app
        var policy = CORSPolicy(actualStatus: app.status, responseHeaders: app.headers)
        let source = configuration.preset.name
        var quirks: [String] = []
        switch configuration.preset {
        case .expressCORS(let options):
            switch options.origin {
            case .wildcard: policy.allowOrigins = .any
            case .disabled:
                policy.allowOrigins = .list([])
                quirks.append("origin: false skips the middleware; here no origin is allowed")
            case .reflect: policy.allowOrigins = .reflectAny
            case .fixed(let value):
                policy.allowOrigins = .list([.exact(value)])
                quirks.append("a string origin is sent to every origin; here only \(value) gets it")
            case .allowList(let patterns): policy.allowOrigins = .list(patterns)
            }
            policy.allowMethods = split(options.methods)
            policy.allowHeaders = options.allowedHeaders.map { .list(split($0)) } ?? .mirror
            policy.exposeHeaders = split(options.exposedHeaders ?? "")
            policy.allowCredentials = options.credentials
            policy.maxAge = options.maxAge == 0 ? nil : options.maxAge
            policy.preflightStatus = options.optionsSuccessStatus
            if options.preflightContinue { quirks.append("preflightContinue passes OPTIONS on to the app") }
        case .flaskCORS(let options):
            let wildcard = options.origins.contains("*")
            policy.allowOrigins =
                wildcard
                ? (options.sendWildcard ? .any : .reflectAny)
                : .list(options.origins.map { FlaskExport.probablyRegex($0) ? .regex("^(?i:" + $0 + ")") : .exact($0) })
            policy.allowMethods = options.methods
            policy.allowHeaders = options.allowHeaders.contains("*") ? .mirror : .list(options.allowHeaders)
            policy.exposeHeaders = options.exposeHeaders
            policy.allowCredentials = options.supportsCredentials
            policy.maxAge = options.maxAge
            policy.preflightStatus = 200
            policy.varyOrigin =
                options.varyHeader
                && (options.origins.count > 1 || options.origins.contains(where: FlaskExport.probablyRegex))
            quirks.append("flask-cors leaves out -Allow-Methods and -Allow-Headers when the method is not listed")
        case .vapor(let options):
            switch options.allowedOrigin {
            case .none: policy.allowOrigins = .list([])
            case .originBased: policy.allowOrigins = .reflectAny
            case .all: policy.allowOrigins = .any
            case .any(let list): policy.allowOrigins = .list(list.map(OriginPattern.exact))
            case .custom(let value):
                policy.allowOrigins = .list([.exact(value)])
                quirks.append(".custom sends its value to every origin; here only \(value) gets it")
            }
            policy.varyOrigin = options.allowedOrigin == .originBased
            policy.allowMethods = options.allowedMethods
            policy.allowHeaders = .list(options.allowedHeaders)
            policy.exposeHeaders = options.exposedHeaders ?? []
            policy.allowCredentials = options.allowCredentials
            policy.maxAge = options.cacheExpiration
            policy.preflightStatus = 200
        case .hummingbird(let options):
            switch options.allowOrigin {
            case .none: policy.allowOrigins = .list([])
            case .all: policy.allowOrigins = .any
            case .originBased: policy.allowOrigins = .reflectAny
            case .oneOf(let list): policy.allowOrigins = .list(list.map(OriginPattern.exact))
            case .custom(let value):
                policy.allowOrigins = .list([.exact(value)])
                quirks.append(".custom sends its value to every origin; here only \(value) gets it")
            }
            policy.allowMethods = options.allowMethods
            policy.allowHeaders = .list(options.allowHeaders)
            policy.exposeHeaders = options.exposedHeaders ?? []
            policy.allowCredentials = options.allowCredentials
            policy.maxAge = options.maxAge
        case .spring(let options):
            let origins = options.allowedOrigins ?? []
            let patterns = options.allowedOriginPatterns ?? []
            if origins.contains("*") || patterns.contains("*") {
                policy.allowOrigins = patterns.contains("*") ? .reflectAny : .any
            } else {
                policy.allowOrigins = .list(origins.map(OriginPattern.exact) + patterns.map(OriginPattern.parse))
            }
            policy.allowMethods = options.allowedMethods ?? ["GET", "HEAD"]
            let headers = options.allowedHeaders ?? []
            policy.allowHeaders = headers.contains("*") ? .mirror : .list(headers)
            policy.exposeHeaders = options.exposedHeaders ?? []
            policy.allowCredentials = options.allowCredentials ?? false
            policy.maxAge = options.maxAge
            policy.preflightStatus = 200
            if options.permitDefaultValues { quirks.append("applyPermitDefaultValues() is not carried over") }
            quirks.append("Spring rejects disallowed requests with 403 Invalid CORS request")
        case .rsCORS(let options):
            let any = options.allowedOrigins.isEmpty || options.allowedOrigins.contains("*")
            policy.allowOrigins = any ? .any : .list(options.allowedOrigins.map(OriginPattern.parse))
            policy.allowMethods = options.allowedMethods
            policy.allowHeaders = options.allowedHeaders.contains("*") ? .mirror : .list(options.allowedHeaders)
            policy.exposeHeaders = options.exposedHeaders
            policy.allowCredentials = options.allowCredentials
            policy.maxAge = options.maxAge > 0 ? options.maxAge : (options.maxAge < 0 ? 0 : nil)
            policy.preflightStatus = options.optionsSuccessStatus
            quirks.append("rs/cors drops every CORS header from a preflight that fails one check")
        case .towerHTTP(let options):
            switch options.allowOrigin {
            case .unset: policy.allowOrigins = .list([])
            case .any: policy.allowOrigins = .any
            case .mirrorRequest: policy.allowOrigins = .reflectAny
            case .list(let list): policy.allowOrigins = .list(list.map(OriginPattern.exact))
            }
            policy.allowMethods = towerList(options.allowMethods)
            policy.allowHeaders =
                options.allowHeaders == .mirrorRequest
                ? .mirror : (options.allowHeaders == .any ? .wildcard : .list(towerList(options.allowHeaders)))
            policy.exposeHeaders = towerList(options.exposeHeaders)
            policy.allowCredentials = options.allowCredentials
            policy.maxAge = options.maxAge
            policy.preflightStatus = 200
        case .aspNetCore(let options):
            if options.setIsOriginAllowedToAny {
                policy.allowOrigins = .reflectAny
            } else if options.allowAnyOrigin {
                policy.allowOrigins = .any
            } else {
                policy.allowOrigins = .list(
                    options.withOrigins.map {
                        options.allowWildcardSubdomains ? .parse($0.asciiLowercased) : .exact($0.asciiLowercased)
                    })
            }
            policy.allowMethods = options.allowAnyMethod ? ["*"] : options.withMethods
            policy.allowHeaders = options.allowAnyHeader ? .mirror : .list(options.withHeaders)
            policy.exposeHeaders = options.withExposedHeaders
            policy.allowCredentials = options.allowCredentials
            policy.maxAge = options.preflightMaxAge
            if options.allowAnyMethod { quirks.append("AllowAnyMethod() echoes the method; here it is *") }
        case .nginx:
            return nil
        }
        let differences = quirks.map { "translated from \(source): \($0)" }
        return (policy, differences)
    }

    private static func split(_ value: String) -> [String] {
        value.split(separator: ",").map { String($0).trimmingHTTPWhitespace }.filter { !$0.isEmpty }
    }

    private static func towerList(_ setting: TowerHTTPCORS.Setting) -> [String] {
        switch setting {
        case .unset: return []
        case .any, .mirrorRequest: return ["*"]
        case .list(let values): return values
        }
    }
}
