/// A `CORSPolicy` written as one middleware preset's configuration, as faithfully as that middleware's options
/// allow, with a note for every way the preset's answers differ from the policy's.
///
/// The one place where a generic policy becomes a preset: the explorer's server editor uses it when the user
/// switches from a policy to a preset, and `cors-explorer export` when it writes a policy as express, flask-cors,
/// Spring, Vapor or Hummingbird code.
public struct PresetTranslation: Sendable, Equatable {
    /// The middleware server.
    public var configuration: MiddlewareConfiguration
    /// Each way the preset differs from the policy and what it does instead, e.g. "Vapor has no wildcard or regex
    /// origins: … left out, so the origins they match are refused".
    public var notes: [String]

    /// Translates `policy` into the preset called `presetName` (one of `MiddlewarePreset.names`); nil for another
    /// name. `page` is the page's origin (listed in place of the allow-list entries a preset cannot express when one
    /// of them matches it) and `requestedHeaders` the header names listed for a preset that cannot echo
    /// `Access-Control-Request-Headers` (the explorer passes this request's preflight's, the exporter the script's).
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

    /// The methods a middleware that checks methods itself must allow so that the browser's safelisted methods
    /// (which need no `Access-Control-Allow-Methods`) keep working, as they do with the policy.
    public static func methodsWithSafelisted(_ methods: [String]) -> [String] {
        var result = methods.map(\.asciiUppercased)
        for method in ["GET", "HEAD", "POST"] where !result.contains(method) { result.append(method) }
        return result
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

        /// The middleware's name in notes.
        var displayName: String {
            switch name {
            case "express-cors": return "express cors"
            case "spring": return "Spring"
            case "vapor": return "Vapor"
            case "hummingbird": return "Hummingbird"
            case "aspnet-core": return "ASP.NET Core"
            default: return name
            }
        }

        /// The status the middleware answers every preflight with; nil where it is an option (express cors and
        /// rs-cors `optionsSuccessStatus`).
        var fixedPreflightStatus: Int? {
            switch name {
            case "flask-cors", "spring", "tower-http", "vapor": return 200
            case "hummingbird", "aspnet-core": return 204
            default: return nil
            }
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
            case .reflectAny:
                options.origin = .reflect
                noteAddedVary()
            case .list(let patterns):
                // A wildcard-subdomain entry becomes the RegExp that matches the same origins.
                options.origin = .allowList(
                    patterns.map { pattern in
                        guard case .subdomainWildcard(let scheme, let baseHost, let port) = pattern else {
                            return pattern
                        }
                        return .regex(OriginRegex.subdomain(scheme: scheme, baseHost: baseHost, port: port))
                    })
                noteAddedVary()
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
            if policy.maxAge == 0 {
                notes.append(
                    "express cors sends no Access-Control-Max-Age for maxAge: 0 (0 is falsy in JavaScript), so "
                        + "browsers cache the preflight for their default 5 seconds instead of not at all")
            }
            options.optionsSuccessStatus = policy.preflightStatus
            return options
        }

        mutating func flask() -> FlaskCORS {
            var options = FlaskCORS()
            switch policy.allowOrigins {
            case .any where policy.allowCredentials:
                options.origins = ["*"]
                noteWildcardWithCredentials(
                    refusal: "flask-cors refuses send_wildcard with supports_credentials at startup",
                    instead: "origins \"*\" without send_wildcard")
            case .any:
                options.origins = ["*"]
                options.sendWildcard = true
            case .reflectAny:
                options.origins = ["*"]
                if policy.varyOrigin { notes.append("flask-cors reflects the origin without Vary: Origin") }
            case .list(let patterns):
                options.origins = patterns.map(Self.flaskOrigin)
                let varies = patterns.count > 1 || options.origins.contains(where: FlaskCORS.probablyRegex)
                if policy.varyOrigin && !varies {
                    notes.append("flask-cors sends no Vary: Origin for a single origin")
                } else if !policy.varyOrigin && varies {
                    options.varyHeader = false
                }
                if patterns.contains(where: { if case .exact = $0 { false } else { true } }) {
                    notes.append("flask-cors matches origin regexes ignoring case")
                }
            }
            if policy.allowMethods.contains("*") {
                options.methods = FlaskCORS.allMethods
                notes.append(
                    "flask-cors has no method wildcard: Access-Control-Allow-Methods: * becomes its list of seven "
                        + "methods; other methods are refused")
            } else {
                options.methods = PresetTranslation.methodsWithSafelisted(policy.allowMethods)
            }
            switch policy.allowHeaders {
            case .list(let names): options.allowHeaders = names
            case .wildcard:
                // `*` covers every name but Authorization, and nothing at all with credentials.
                options.allowHeaders = policy.allowCredentials ? [] : ["(?!authorization$).*"]
            case .mirror: options.allowHeaders = ["*"]
            }
            options.exposeHeaders = policy.exposeHeaders
            options.supportsCredentials = policy.allowCredentials
            options.maxAge = policy.maxAge
            return options
        }

        /// An origin entry as flask-cors reads it (a regex when it looks like one, matched with `re.match`).
        static func flaskOrigin(_ pattern: OriginPattern) -> String {
            switch pattern {
            case .exact(let origin):
                return FlaskCORS.probablyRegex(origin) ? "^" + OriginRegex.escaped(origin) + "$" : origin
            case .subdomainWildcard(let scheme, let baseHost, let port):
                return OriginRegex.subdomain(scheme: scheme, baseHost: baseHost, port: port)
            case .regex(let source):
                // `re.match` anchors at the start; the policy searches anywhere.
                return ".*(?:" + source + ")"
            }
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
                var regexes: [OriginPattern] = []
                for pattern in patterns {
                    switch pattern {
                    case .exact(let origin): origins.append(origin)
                    case .subdomainWildcard: origins.append(pattern.written)
                    case .regex: regexes.append(pattern)
                    }
                }
                origins += leaveOut(regexes, kind: "regex", listed: origins)
                if origins.isEmpty {
                    origins = ["https://none.invalid"]
                    notes.append("rs-cors allows every origin for an empty list: using https://none.invalid")
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
            case .any where policy.allowCredentials:
                options.allowedOriginPatterns = ["*"]
                noteWildcardWithCredentials(
                    refusal: "Spring refuses allowedOrigins \"*\" with credentials",
                    instead: "allowedOriginPatterns \"*\"")
            case .any: options.allowedOrigins = ["*"]
            case .reflectAny: options.allowedOriginPatterns = ["*"]
            case .list(let patterns):
                var origins: [String] = []
                var globs: [String] = []
                var regexes: [OriginPattern] = []
                for pattern in patterns {
                    switch pattern {
                    case .exact(let origin): origins.append(origin)
                    case .subdomainWildcard: globs.append(pattern.written)
                    case .regex: regexes.append(pattern)
                    }
                }
                origins += leaveOut(regexes, kind: "regex", listed: origins)
                options.allowedOrigins = origins.isEmpty ? nil : origins
                options.allowedOriginPatterns = globs.isEmpty ? nil : globs
                if !origins.isEmpty { notes.append("Spring compares origins ignoring case and a trailing /") }
            }
            if !policy.varyOrigin { notes.append("Spring always sends Vary: Origin, which the policy leaves out") }
            if policy.allowMethods.contains("*") {
                options.allowedMethods = ["*"]
                if policy.allowCredentials {
                    notes.append(
                        "allowedMethods \"*\" echoes the requested method, which also works with credentials, where "
                            + "the policy's literal * does not")
                }
            } else {
                options.allowedMethods = PresetTranslation.methodsWithSafelisted(policy.allowMethods)
            }
            switch policy.allowHeaders {
            case .list(let names): options.allowedHeaders = names
            case .wildcard:
                options.allowedHeaders = ["*"]
                notes.append(
                    "allowedHeaders \"*\" echoes the requested headers, so Authorization"
                        + (policy.allowCredentials ? " and every header with credentials are" : " is")
                        + " allowed too, unlike the policy's Access-Control-Allow-Headers: *")
            case .mirror: options.allowedHeaders = ["*"]
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
                noteWildcardWithCredentials(
                    refusal: "tower-http panics on allow_origin Any with credentials", instead: "mirror_request")
            case .any: options.allowOrigin = .any
            case .reflectAny: options.allowOrigin = .mirrorRequest
            case .list(let patterns): options.allowOrigin = .list(exactOrigins(patterns))
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
            case .reflectAny:
                options.allowedOrigin = .originBased
                noteAddedVary()
            case .list(let patterns):
                options.allowedOrigin = .any(exactOrigins(patterns))
                if policy.varyOrigin { notes.append("Vapor's .any([...]) sends no Vary: Origin") }
            }
            options.allowedMethods = policy.allowMethods
            options.allowedHeaders = headerList()
            options.allowCredentials = policy.allowCredentials
            options.cacheExpiration = policy.maxAge
            options.exposedHeaders = policy.exposeHeaders.isEmpty ? nil : policy.exposeHeaders
            return options
        }

        mutating func hummingbird() -> HummingbirdCORS {
            var options = HummingbirdCORS()
            switch policy.allowOrigins {
            case .any: options.allowOrigin = .all
            case .reflectAny:
                options.allowOrigin = .originBased
                notes.append("Hummingbird's .originBased does not reflect the origin null (sandboxed and file: pages)")
                noteAddedVary()
            case .list(let patterns):
                options.allowOrigin = .oneOf(exactOrigins(patterns))
                noteAddedVary()
            }
            options.allowMethods = policy.allowMethods
            options.allowHeaders = headerList()
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
                noteWildcardWithCredentials(
                    refusal: "ASP.NET Core refuses AllowAnyOrigin with AllowCredentials",
                    instead: "SetIsOriginAllowed(_ => true)")
            case .any: options.allowAnyOrigin = true
            case .reflectAny: options.setIsOriginAllowedToAny = true
            case .list(let patterns):
                var regexes: [OriginPattern] = []
                for pattern in patterns {
                    switch pattern {
                    case .exact(let origin): options.withOrigins.append(origin)
                    case .subdomainWildcard:
                        options.withOrigins.append(pattern.written)
                        options.allowWildcardSubdomains = true
                    case .regex: regexes.append(pattern)
                    }
                }
                options.withOrigins += leaveOut(regexes, kind: "regex", listed: options.withOrigins)
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
                let origins = exactOrigins(patterns)
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
                notes.append(
                    "the policy adds CORS headers to preflights only; nginx add_header adds them to every response")
            }
            return NginxCORS(
                addHeader: lines, always: policy.headersOnErrors,
                optionsReturn: policy.optionsRouted ? policy.preflightStatus : nil)
        }

        // MARK: Shared

        /// Notes for the policy's server behaviour that a CORS middleware decides for itself: whether OPTIONS
        /// reaches it, the preflight's status, and whether actual and error responses carry its headers. (nginx
        /// keeps them: `options_return` and `always`.)
        mutating func noteServerBehaviour() {
            if !policy.optionsRouted {
                notes.append(
                    "the policy does not route OPTIONS (\(policy.unroutedStatus), no CORS headers), so its preflights "
                        + "fail; \(displayName) answers them: this is the fix, not a copy of the bug")
            } else if let fixed = fixedPreflightStatus, !(200..<300).contains(policy.preflightStatus) {
                notes.append(
                    "the policy answers preflights with \(policy.preflightStatus), which fails them; \(displayName) "
                        + "always answers \(fixed)")
            }
            if !policy.headersOnActual {
                notes.append(
                    "the policy adds CORS headers to preflights only; \(displayName) adds them to actual responses too"
                )
            }
            if !policy.headersOnErrors && (policy.actualStatus >= 400 || policy.preflightStatus >= 400) {
                notes.append(
                    "the policy leaves CORS headers off error responses; \(displayName) adds them to errors too")
            }
        }

        /// The note for a policy's `*` with credentials, a pair the middleware refuses (`refusal`), so that its
        /// setting `instead` reflects the origin.
        mutating func noteWildcardWithCredentials(refusal: String, instead: String) {
            notes.append(
                "the policy sends Access-Control-Allow-Origin: * with credentials, which browsers refuse for "
                    + "credentialed requests; \(refusal), so \(instead) reflects the origin: credentialed requests "
                    + "from any origin succeed")
        }

        /// A note for a middleware that sends `Vary: Origin` where the policy leaves it out.
        mutating func noteAddedVary() {
            if !policy.varyOrigin { notes.append("\(displayName) sends Vary: Origin, which the policy leaves out") }
        }

        /// The exact origins of a list, for a middleware without patterns; the other entries are left out
        /// (`leaveOut`).
        mutating func exactOrigins(_ patterns: [OriginPattern]) -> [String] {
            var origins: [String] = []
            var dropped: [OriginPattern] = []
            for pattern in patterns {
                if case .exact(let origin) = pattern { origins.append(origin) } else { dropped.append(pattern) }
            }
            return origins + leaveOut(dropped, kind: "wildcard or regex", listed: origins)
        }

        /// Notes the allow-list entries the middleware has no form for (`kind`, e.g. "regex") as left out, and
        /// returns the page's origin to list in their place when one of them matches it and `listed` lacks it: the
        /// page keeps the policy's verdict, every other origin they match is refused.
        mutating func leaveOut(_ dropped: [OriginPattern], kind: String, listed: [String]) -> [String] {
            guard !dropped.isEmpty else { return [] }
            let written = dropped.map(\.written).joined(separator: ", ")
            let note =
                "\(displayName) has no \(kind) origins: \(written) left out, so the origins they match are refused"
            guard !listed.contains(page), dropped.contains(where: { $0.matches(page) }) else {
                notes.append(note)
                return []
            }
            notes.append(note + " except the page's origin \(page), listed in their place")
            return [page]
        }

        /// A fixed header list for a middleware without mirroring: `requestedHeaders` stands in for echoing
        /// `Access-Control-Request-Headers`.
        mutating func headerList() -> [String] {
            switch policy.allowHeaders {
            case .list(let names): return names
            case .wildcard: return ["*"]
            case .mirror:
                let listed = requestedHeaders.isEmpty ? "none" : requestedHeaders.joined(separator: ", ")
                notes.append(
                    "\(displayName) cannot echo Access-Control-Request-Headers: it lists this request's headers "
                        + "(\(listed)), other headers are refused")
                return requestedHeaders
            }
        }
    }
}
