/// Spring's `CorsConfiguration` with `DefaultCorsProcessor` (spring-web): the fields and what the processor sends.
///
/// A request the configuration rejects (origin, method, or a preflight's headers) is answered by the processor
/// itself with `403 Invalid CORS request`, actual requests included. Every response gets three `Vary` lines first.
public struct SpringCORS: Sendable, Equatable {
    /// `allowedOrigins`: exact origins, compared ignoring case after a trailing `/` is trimmed; `*` allows any
    /// (and is refused together with credentials).
    public var allowedOrigins: [String]?
    /// `allowedOriginPatterns`: origins where `*` matches any run of characters.
    public var allowedOriginPatterns: [String]?
    /// `allowedMethods`; unset means GET and HEAD; `*` allows any.
    public var allowedMethods: [String]?
    /// `allowedHeaders`; unset rejects every preflight that names a header; `*` allows any.
    public var allowedHeaders: [String]?
    /// `exposedHeaders`.
    public var exposedHeaders: [String]?
    /// `allowCredentials`.
    public var allowCredentials: Bool?
    /// `maxAge` in seconds.
    public var maxAge: Int?
    /// `applyPermitDefaultValues()` (what `@CrossOrigin` does): unset fields become `*`, GET/HEAD/POST, `*`, 1800.
    public var permitDefaultValues: Bool

    /// Creates a configuration; a new `CorsConfiguration` allows nothing.
    public init(
        allowedOrigins: [String]? = nil, allowedOriginPatterns: [String]? = nil, allowedMethods: [String]? = nil,
        allowedHeaders: [String]? = nil, exposedHeaders: [String]? = nil, allowCredentials: Bool? = nil,
        maxAge: Int? = nil, permitDefaultValues: Bool = false
    ) {
        self.allowedOrigins = allowedOrigins
        self.allowedOriginPatterns = allowedOriginPatterns
        self.allowedMethods = allowedMethods
        self.allowedHeaders = allowedHeaders
        self.exposedHeaders = exposedHeaders
        self.allowCredentials = allowCredentials
        self.maxAge = maxAge
        self.permitDefaultValues = permitDefaultValues
    }

    /// The configuration after `applyPermitDefaultValues()`, when asked for.
    var effective: SpringCORS {
        guard permitDefaultValues else { return self }
        var result = self
        if allowedOrigins == nil && allowedOriginPatterns == nil { result.allowedOrigins = ["*"] }
        if allowedMethods == nil { result.allowedMethods = ["GET", "HEAD", "POST"] }
        if allowedHeaders == nil { result.allowedHeaders = ["*"] }
        if maxAge == nil { result.maxAge = 1800 }
        result.permitDefaultValues = false
        return result
    }

    /// The response to `request` from a Spring MVC app with this configuration.
    public func reply(to request: WireRequest, app: MiddlewareApp) -> ServerReply {
        reply(to: request, app: app, detail: .full)
    }

    /// The response to `request`; notes only at `.full` detail.
    func reply(to request: WireRequest, app: MiddlewareApp, detail: EvaluationDetail) -> ServerReply {
        let config = effective
        var headers = [
            HeaderField("Vary", "Origin"), HeaderField("Vary", "Access-Control-Request-Method"),
            HeaderField("Vary", "Access-Control-Request-Headers"),
        ]
        var notes = NoteLog(detail)
        let isPreflight = MiddlewareSupport.isPreflight(request) && request.headers.contains(named: "Origin")
        guard let origin = MiddlewareSupport.origin(request), origin != request.url.origin.serialized else {
            notes.append("not a CORS request (no Origin, or the same origin): only the Vary lines")
            let answer = isPreflight ? app.optionsAnswer() : app.routeResponse
            return ServerReply(
                response: ServerResponse(status: answer.status, headers: headers + answer.headers), notes: notes.notes)
        }
        if config.allowedOrigins?.contains("*") == true && config.allowCredentials == true {
            notes.append(
                "allowedOrigins '*' with allowCredentials throws IllegalArgumentException: a 500 with no CORS headers "
                    + "(use allowedOriginPatterns)")
            return ServerReply(response: ServerResponse(status: 500, headers: headers), notes: notes.notes)
        }
        func reject(_ reason: @autoclosure () -> String) -> ServerReply {
            notes.append(reason() + ": DefaultCorsProcessor answers 403 Invalid CORS request")
            return ServerReply(
                response: ServerResponse(status: 403, headers: headers + [HeaderField("Content-Length", "20")]),
                notes: notes.notes)
        }
        guard let allowOrigin = config.checkOrigin(origin) else {
            return reject("Origin \(origin) is in neither allowedOrigins nor allowedOriginPatterns")
        }
        let method =
            isPreflight ? (MiddlewareSupport.first(request, "Access-Control-Request-Method") ?? "") : request.method
        guard let allowMethods = config.checkMethod(method) else {
            return reject("the method \(method) is not in allowedMethods (unset means GET, HEAD)")
        }
        var allowHeaders: [String] = []
        if isPreflight {
            let requested = MiddlewareSupport.items(MiddlewareSupport.first(request, "Access-Control-Request-Headers"))
            guard let checked = config.checkHeaders(requested) else {
                return reject("no requested header (\(requested.joined(separator: ", "))) is in allowedHeaders")
            }
            allowHeaders = checked
            if checked.count < requested.count {
                notes.append("only some requested headers are allowed: Spring returns the allowed subset")
            }
        }
        headers.append(HeaderField("Access-Control-Allow-Origin", allowOrigin))
        if isPreflight {
            headers.append(HeaderField("Access-Control-Allow-Methods", allowMethods.joined(separator: ",")))
            if !allowHeaders.isEmpty {
                headers.append(HeaderField("Access-Control-Allow-Headers", allowHeaders.joined(separator: ", ")))
            }
        }
        if let exposed = config.exposedHeaders, !exposed.isEmpty {
            headers.append(HeaderField("Access-Control-Expose-Headers", exposed.joined(separator: ", ")))
        }
        if config.allowCredentials == true { headers.append(HeaderField("Access-Control-Allow-Credentials", "true")) }
        if isPreflight {
            if let maxAge = config.maxAge { headers.append(HeaderField("Access-Control-Max-Age", String(maxAge))) }
            notes.append("the preflight passes every check: Spring answers 200")
            return ServerReply(response: ServerResponse(status: 200, headers: headers), notes: notes.notes)
        }
        notes.append("the request passes the checks; the controller answers \(app.status)")
        return ServerReply(
            response: ServerResponse(status: app.status, headers: headers + app.headers), notes: notes.notes)
    }

    private func checkOrigin(_ origin: String) -> String? {
        let trimmed = origin.hasSuffix("/") ? String(origin.dropLast()) : origin
        if let origins = allowedOrigins {
            if origins.contains("*") { return "*" }
            let wanted = trimmed.asciiLowercased
            for allowed in origins {
                let entry = allowed.hasSuffix("/") ? String(allowed.dropLast()) : allowed
                if entry.asciiLowercased == wanted { return origin }
            }
        }
        for pattern in allowedOriginPatterns ?? [] {
            let entry = pattern.hasSuffix("/") ? String(pattern.dropLast()) : pattern
            if entry == "*" || MiddlewareSupport.globMatches(entry, trimmed) { return origin }
        }
        return nil
    }

    private func checkMethod(_ method: String) -> [String]? {
        let resolved = allowedMethods ?? ["GET", "HEAD"]
        if resolved.contains("*") { return [method] }
        let upper = resolved.map(\.asciiUppercased)
        return upper.contains(method) ? upper : nil
    }

    private func checkHeaders(_ requested: [String]) -> [String]? {
        guard !requested.isEmpty else { return [] }
        guard let allowed = allowedHeaders, !allowed.isEmpty else { return nil }
        let any = allowed.contains("*")
        let result = requested.filter { name in any || allowed.contains { $0.asciiLowercased == name.asciiLowercased } }
        return result.isEmpty ? nil : result
    }
}
