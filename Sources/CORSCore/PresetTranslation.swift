/// A `CORSPolicy` written as one middleware preset's configuration, as faithfully as that middleware's options
/// allow, with a note for every part of the policy the middleware cannot say.
///
/// The one place where a generic policy becomes a preset: the explorer's server editor uses it when the user
/// switches from a policy to a preset.
public struct PresetTranslation: Sendable, Equatable {
    /// The middleware server.
    public var configuration: MiddlewareConfiguration
    /// What the preset could not express and what it does instead, e.g. "vapor has no regex origins: …".
    public var notes: [String]

    /// Translates `policy` into the preset called `presetName` (one of `MiddlewarePreset.names`); nil for another
    /// name. `page` is the page's origin (used when the preset cannot express the policy's origins) and
    /// `requestedHeaders` the headers this request's preflight names (used when the preset cannot mirror them).
    public init?(policy: CORSPolicy, presetName: String, page: String, requestedHeaders: [String] = []) {
        var builder = Builder(policy: policy, name: presetName, page: page, requestedHeaders: requestedHeaders)
        guard let preset = builder.preset() else { return nil }
        if presetName != "nginx" { builder.noteServerBehaviour() }
        var app = MiddlewareApp(status: policy.actualStatus, headers: policy.responseHeaders)
        // nginx passes an OPTIONS it does not `return` on to the app, which answers as the unrouted policy did.
        if presetName == "nginx" && !policy.optionsRouted && policy.unroutedStatus != 404 {
            app.optionsStatus = policy.unroutedStatus
        }
        configuration = MiddlewareConfiguration(preset: preset, app: app)
        notes = builder.notes
    }

    /// Builds one preset and collects the notes.
    private struct Builder {
        let policy: CORSPolicy
        let name: String
        let page: String
        let requestedHeaders: [String]
        var notes: [String] = []

        init(policy: CORSPolicy, name: String, page: String, requestedHeaders: [String]) {
            self.policy = policy
            self.name = name
            self.page = page
            self.requestedHeaders = requestedHeaders
        }

        mutating func preset() -> MiddlewarePreset? {
            switch name {
            case "express-cors": return .expressCORS(express())
            case "flask-cors": return .flaskCORS(flask())
            case "rs-cors": return .rsCORS(rsCORS())
            case "spring": return .spring(spring())
            case "tower-http": return .towerHTTP(towerHTTP())
            case "vapor": return .vapor(vapor())
            case "hummingbird": return .hummingbird(hummingbird())
            case "aspnet-core": return .aspNetCore(aspNetCore())
            case "nginx": return .nginx(nginx())
            default: return nil
            }
        }

        // MARK: Presets

        mutating func express() -> ExpressCORS {
            var options = ExpressCORS()
            switch policy.allowOrigins {
            case .any: options.origin = .wildcard
            case .reflectAny: options.origin = .reflect
            case .list(let patterns):
                options.origin = .allowList(
                    patterns.map { pattern in
                        guard case .subdomainWildcard = pattern else { return pattern }
                        notes.append("express has no wildcard origins: \(pattern.written) becomes a RegExp")
                        return .regex(Self.subdomainRegex(pattern))
                    })
            }
            options.methods = policy.allowMethods.joined(separator: ",")
            switch policy.allowHeaders {
            case .wildcard: options.allowedHeaders = "*"
            case .mirror: options.allowedHeaders = nil
            case .list(let names): options.allowedHeaders = names.joined(separator: ",")
            }
            options.exposedHeaders = policy.exposeHeaders.isEmpty ? nil : policy.exposeHeaders.joined(separator: ",")
            options.credentials = policy.allowCredentials
            options.maxAge = policy.maxAge
            if policy.maxAge == 0 { notes.append("express sends no Access-Control-Max-Age for maxAge 0") }
            options.optionsSuccessStatus = policy.preflightStatus
            return options
        }

        mutating func flask() -> FlaskCORS {
            var options = FlaskCORS()
            switch policy.allowOrigins {
            case .any:
                options.origins = ["*"]
                options.sendWildcard = !policy.allowCredentials
                if policy.allowCredentials {
                    notes.append("flask-cors refuses send_wildcard with supports_credentials: it reflects the origin")
                }
            case .reflectAny: options.origins = ["*"]
            case .list(let patterns):
                options.origins = patterns.map { pattern in
                    switch pattern {
                    case .exact(let origin): return origin
                    case .subdomainWildcard: return Self.subdomainRegex(pattern)
                    case .regex(let source):
                        notes.append("flask-cors matches a regex at the start of the origin only (re.match)")
                        return source
                    }
                }
            }
            if policy.allowMethods == ["*"] {
                notes.append("flask-cors has no method wildcard: its default methods")
            } else {
                options.methods = policy.allowMethods
            }
            switch policy.allowHeaders {
            case .wildcard, .mirror: options.allowHeaders = ["*"]
            case .list(let names): options.allowHeaders = names
            }
            options.exposeHeaders = policy.exposeHeaders
            options.supportsCredentials = policy.allowCredentials
            options.maxAge = policy.maxAge
            options.varyHeader = policy.varyOrigin
            return options
        }

        mutating func rsCORS() -> RsCORS {
            var options = RsCORS()
            switch policy.allowOrigins {
            case .any: options.allowedOrigins = ["*"]
            case .reflectAny:
                options.allowedOrigins = ["*"]
                notes.append("rs-cors cannot reflect every origin: AllowedOrigins * sends *")
            case .list(let patterns):
                var origins: [String] = []
                for pattern in patterns {
                    switch pattern {
                    case .exact(let origin): origins.append(origin)
                    case .subdomainWildcard: origins.append(pattern.written)
                    case .regex: notes.append("rs-cors has no regex origins: \(pattern.written) is left out")
                    }
                }
                if origins.isEmpty {
                    origins = patterns.isEmpty ? ["https://none.invalid"] : [page]
                    notes.append("rs-cors allows every origin for an empty list: using \(origins[0])")
                }
                options.allowedOrigins = origins
            }
            if policy.allowMethods == ["*"] {
                options.allowedMethods = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"]
                notes.append("rs-cors has no method wildcard: listing the common methods")
            } else {
                options.allowedMethods = policy.allowMethods
            }
            switch policy.allowHeaders {
            case .wildcard, .mirror: options.allowedHeaders = ["*"]
            case .list(let names): options.allowedHeaders = names
            }
            options.exposedHeaders = policy.exposeHeaders
            options.allowCredentials = policy.allowCredentials
            // MaxAge 0 sends nothing; a negative MaxAge sends 0 (rs-cors never sends a negative value).
            options.maxAge = policy.maxAge.map { $0 <= 0 ? -1 : $0 } ?? 0
            options.optionsSuccessStatus = policy.preflightStatus
            return options
        }

        mutating func spring() -> SpringCORS {
            var options = SpringCORS()
            switch policy.allowOrigins {
            case .any:
                if policy.allowCredentials {
                    options.allowedOriginPatterns = ["*"]
                    notes.append("Spring refuses allowedOrigins * with credentials: allowedOriginPatterns * reflects")
                } else {
                    options.allowedOrigins = ["*"]
                }
            case .reflectAny: options.allowedOriginPatterns = ["*"]
            case .list(let patterns):
                var exact: [String] = []
                var wildcards: [String] = []
                for pattern in patterns {
                    switch pattern {
                    case .exact(let origin): exact.append(origin)
                    case .subdomainWildcard: wildcards.append(pattern.written)
                    case .regex: notes.append("Spring has no regex origins: \(pattern.written) is left out")
                    }
                }
                options.allowedOrigins = exact
                options.allowedOriginPatterns = wildcards.isEmpty ? nil : wildcards
            }
            options.allowedMethods = policy.allowMethods
            switch policy.allowHeaders {
            case .wildcard, .mirror: options.allowedHeaders = ["*"]
            case .list(let names): options.allowedHeaders = names.isEmpty ? nil : names
            }
            options.exposedHeaders = policy.exposeHeaders.isEmpty ? nil : policy.exposeHeaders
            options.allowCredentials = policy.allowCredentials ? true : nil
            options.maxAge = policy.maxAge
            return options
        }

        mutating func towerHTTP() -> TowerHTTPCORS {
            var options = TowerHTTPCORS()
            let credentials = policy.allowCredentials
            switch policy.allowOrigins {
            case .any where credentials:
                options.allowOrigin = .mirrorRequest
                notes.append("tower-http panics on Any with credentials: allow_origin mirror_request")
            case .any: options.allowOrigin = .any
            case .reflectAny: options.allowOrigin = .mirrorRequest
            case .list(let patterns):
                options.allowOrigin = .list(exactOrigins(patterns, preset: "tower-http", fallback: false))
            }
            if policy.allowMethods == ["*"] {
                options.allowMethods = credentials ? .mirrorRequest : .any
            } else {
                options.allowMethods = .list(policy.allowMethods)
            }
            switch policy.allowHeaders {
            case .wildcard: options.allowHeaders = credentials ? .mirrorRequest : .any
            case .mirror: options.allowHeaders = .mirrorRequest
            case .list(let names): options.allowHeaders = names.isEmpty ? .unset : .list(names)
            }
            if policy.exposeHeaders == ["*"] && credentials {
                notes.append("tower-http panics on expose_headers Any with credentials: none exposed")
            } else if policy.exposeHeaders == ["*"] {
                options.exposeHeaders = .any
            } else if !policy.exposeHeaders.isEmpty {
                options.exposeHeaders = .list(policy.exposeHeaders)
            }
            options.allowCredentials = credentials
            options.maxAge = policy.maxAge
            return options
        }

        mutating func vapor() -> VaporCORS {
            var options = VaporCORS()
            switch policy.allowOrigins {
            case .any: options.allowedOrigin = .all
            case .reflectAny: options.allowedOrigin = .originBased
            case .list(let patterns): options.allowedOrigin = .any(exactOrigins(patterns, preset: "vapor"))
            }
            options.allowedMethods = policy.allowMethods
            options.allowedHeaders = headerList(preset: "vapor")
            options.allowCredentials = policy.allowCredentials
            options.cacheExpiration = policy.maxAge
            options.exposedHeaders = policy.exposeHeaders.isEmpty ? nil : policy.exposeHeaders
            return options
        }

        mutating func hummingbird() -> HummingbirdCORS {
            var options = HummingbirdCORS()
            switch policy.allowOrigins {
            case .any: options.allowOrigin = .all
            case .reflectAny: options.allowOrigin = .originBased
            case .list(let patterns): options.allowOrigin = .oneOf(exactOrigins(patterns, preset: "hummingbird"))
            }
            options.allowMethods = policy.allowMethods
            options.allowHeaders = headerList(preset: "hummingbird")
            options.allowCredentials = policy.allowCredentials
            options.exposedHeaders = policy.exposeHeaders.isEmpty ? nil : policy.exposeHeaders
            options.maxAge = policy.maxAge
            return options
        }

        mutating func aspNetCore() -> AspNetCoreCORS {
            var options = AspNetCoreCORS()
            switch policy.allowOrigins {
            case .any where policy.allowCredentials:
                options.setIsOriginAllowedToAny = true
                notes.append("ASP.NET Core refuses AllowAnyOrigin with AllowCredentials: SetIsOriginAllowed reflects")
            case .any: options.allowAnyOrigin = true
            case .reflectAny: options.setIsOriginAllowedToAny = true
            case .list(let patterns):
                for pattern in patterns {
                    switch pattern {
                    case .exact(let origin): options.withOrigins.append(origin)
                    case .subdomainWildcard:
                        options.withOrigins.append(pattern.written)
                        options.allowWildcardSubdomains = true
                    case .regex: notes.append("ASP.NET Core has no regex origins: \(pattern.written) is left out")
                    }
                }
            }
            if policy.allowMethods == ["*"] {
                options.allowAnyMethod = true
            } else {
                options.withMethods = policy.allowMethods
            }
            switch policy.allowHeaders {
            case .wildcard, .mirror: options.allowAnyHeader = true
            case .list(let names): options.withHeaders = names
            }
            options.withExposedHeaders = policy.exposeHeaders
            options.allowCredentials = policy.allowCredentials
            options.preflightMaxAge = policy.maxAge
            return options
        }

        mutating func nginx() -> NginxCORS {
            var lines: [HeaderField] = []
            var reflects = false
            switch policy.allowOrigins {
            case .any: lines.append(HeaderField("Access-Control-Allow-Origin", "*"))
            case .reflectAny:
                lines.append(HeaderField("Access-Control-Allow-Origin", "$http_origin"))
                reflects = true
            case .list(let patterns):
                let origins = exactOrigins(patterns, preset: "nginx")
                if origins.count > 1 {
                    notes.append(
                        "nginx add_header cannot choose among origins (that takes a map block): sending \(origins[0])")
                }
                if let first = origins.first { lines.append(HeaderField("Access-Control-Allow-Origin", first)) }
            }
            if policy.allowCredentials { lines.append(HeaderField("Access-Control-Allow-Credentials", "true")) }
            if !policy.allowMethods.isEmpty {
                lines.append(HeaderField("Access-Control-Allow-Methods", policy.allowMethods.joined(separator: ", ")))
            }
            switch policy.allowHeaders {
            case .wildcard: lines.append(HeaderField("Access-Control-Allow-Headers", "*"))
            case .mirror:
                lines.append(HeaderField("Access-Control-Allow-Headers", "$http_access_control_request_headers"))
            case .list(let names) where !names.isEmpty:
                lines.append(HeaderField("Access-Control-Allow-Headers", names.joined(separator: ", ")))
            case .list: break
            }
            if !policy.exposeHeaders.isEmpty {
                lines.append(HeaderField("Access-Control-Expose-Headers", policy.exposeHeaders.joined(separator: ", ")))
            }
            if let maxAge = policy.maxAge { lines.append(HeaderField("Access-Control-Max-Age", String(maxAge))) }
            if reflects && policy.varyOrigin { lines.append(HeaderField("Vary", "Origin")) }
            if !policy.headersOnActual {
                notes.append("nginx add_header applies to every response: CORS headers on preflight only is not kept")
            }
            return NginxCORS(
                addHeader: lines, always: policy.headersOnErrors,
                optionsReturn: policy.optionsRouted ? policy.preflightStatus : nil)
        }

        // MARK: Shared

        /// Notes for the policy's server behaviour that a CORS middleware decides for itself: the preflight's status,
        /// whether OPTIONS reaches it, and whether actual and error responses carry its headers. (nginx keeps them:
        /// `options_return` and `always`.)
        mutating func noteServerBehaviour() {
            let defaults = CORSPolicy()
            var kept: [String] = []
            if !policy.optionsRouted { kept.append("OPTIONS not routed") }
            if policy.optionsRouted && !(200...299).contains(policy.preflightStatus)
                && !["express-cors", "rs-cors"].contains(name)
            {
                kept.append("preflight status \(policy.preflightStatus)")
            }
            if policy.headersOnActual != defaults.headersOnActual { kept.append("CORS headers on preflight only") }
            if policy.headersOnErrors != defaults.headersOnErrors { kept.append("no CORS headers on errors") }
            guard !kept.isEmpty else { return }
            notes.append("\(name) decides for itself what the policy set as \(kept.joined(separator: ", "))")
        }

        /// The exact origins of a list; wildcard and regex entries are left out with a note. When that empties a
        /// list that had entries, the page's origin stands in (with `fallback`).
        mutating func exactOrigins(_ patterns: [OriginPattern], preset: String, fallback: Bool = true) -> [String] {
            var origins: [String] = []
            var dropped: [String] = []
            for pattern in patterns {
                if case .exact(let origin) = pattern { origins.append(origin) } else { dropped.append(pattern.written) }
            }
            guard !dropped.isEmpty else { return origins }
            let list = dropped.joined(separator: ", ")
            if origins.isEmpty && fallback && page != "null" {
                notes.append("\(preset) has no regex or wildcard origins (\(list)): using the page origin \(page)")
                return [page]
            }
            notes.append("\(preset) has no regex or wildcard origins: \(list) left out")
            return origins
        }

        /// A fixed header list for a middleware without mirroring or a wildcard of its own.
        mutating func headerList(preset: String) -> [String] {
            switch policy.allowHeaders {
            case .list(let names): return names
            case .wildcard: return ["*"]
            case .mirror:
                notes.append(
                    "\(preset) cannot mirror Access-Control-Request-Headers: listing this request's "
                        + (requestedHeaders.isEmpty ? "(none)" : requestedHeaders.joined(separator: ", ")))
                return requestedHeaders
            }
        }

        /// An anchored regex for a `https://*.example.com` entry: one or more labels before the base host.
        static func subdomainRegex(_ pattern: OriginPattern) -> String {
            guard case .subdomainWildcard(let scheme, let baseHost, let port) = pattern else { return "" }
            let escape = { (text: String) in
                String(text.flatMap { "\\^$.|?*+()[]{}/".contains($0) ? ["\\", $0] : [$0] })
            }
            return "^" + escape(scheme) + ":\\/\\/([a-z0-9-]+\\.)+" + escape(baseHost)
                + (port.map { ":\($0)" } ?? "") + "$"
        }
    }
}
