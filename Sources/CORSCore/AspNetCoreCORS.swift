/// ASP.NET Core's CORS middleware with a `CorsPolicyBuilder` policy (`CorsService`, `CorsMiddleware`).
///
/// A disallowed origin gets no CORS headers, but the request still runs. A preflight (OPTIONS with
/// `Access-Control-Request-Method`) is always answered 204 once the policy is found. Lists are joined with `,`.
public struct AspNetCoreCORS: Sendable, Equatable {
    /// `WithOrigins(...)`: lower-cased, a trailing `/` kept (so it never matches).
    public var withOrigins: [String]
    /// `AllowAnyOrigin()`: `*`.
    public var allowAnyOrigin: Bool
    /// `SetIsOriginAllowed(_ => true)`: reflect any origin (with `Vary: Origin`).
    public var setIsOriginAllowedToAny: Bool
    /// `SetIsOriginAllowedToAllowWildcardSubdomains()`: `https://*.example.com` entries match subdomains.
    public var allowWildcardSubdomains: Bool
    /// `WithMethods(...)`.
    public var withMethods: [String]
    /// `AllowAnyMethod()`: echo the requested method.
    public var allowAnyMethod: Bool
    /// `WithHeaders(...)`.
    public var withHeaders: [String]
    /// `AllowAnyHeader()`: echo the requested headers.
    public var allowAnyHeader: Bool
    /// `WithExposedHeaders(...)`.
    public var withExposedHeaders: [String]
    /// `AllowCredentials()`.
    public var allowCredentials: Bool
    /// `SetPreflightMaxAge(...)` in seconds.
    public var preflightMaxAge: Int?

    /// Creates a policy; an empty builder allows nothing.
    public init(
        withOrigins: [String] = [], allowAnyOrigin: Bool = false, setIsOriginAllowedToAny: Bool = false,
        allowWildcardSubdomains: Bool = false, withMethods: [String] = [], allowAnyMethod: Bool = false,
        withHeaders: [String] = [], allowAnyHeader: Bool = false, withExposedHeaders: [String] = [],
        allowCredentials: Bool = false, preflightMaxAge: Int? = nil
    ) {
        self.withOrigins = withOrigins
        self.allowAnyOrigin = allowAnyOrigin
        self.setIsOriginAllowedToAny = setIsOriginAllowedToAny
        self.allowWildcardSubdomains = allowWildcardSubdomains
        self.withMethods = withMethods
        self.allowAnyMethod = allowAnyMethod
        self.withHeaders = withHeaders
        self.allowAnyHeader = allowAnyHeader
        self.withExposedHeaders = withExposedHeaders
        self.allowCredentials = allowCredentials
        self.preflightMaxAge = preflightMaxAge
    }

    /// Why the policy is refused, or nil.
    public var configurationError: String? {
        guard allowAnyOrigin && allowCredentials else { return nil }
        return "ASP.NET Core refuses AllowAnyOrigin() with AllowCredentials() (InsecureConfiguration)"
    }

    /// The response to `request` from an app with `UseCors` and this policy.
    public func reply(to request: WireRequest, app: MiddlewareApp) -> ServerReply {
        reply(to: request, app: app, detail: .full)
    }

    /// The response to `request`; notes only at `.full` detail.
    func reply(to request: WireRequest, app: MiddlewareApp, detail: EvaluationDetail) -> ServerReply {
        let isOptions = request.method.asciiUppercased == "OPTIONS"
        let passOn =
            isOptions
            ? app.optionsAnswer(frameworkDefault: 405)
            : ServerResponse(
                status: app.status, headers: app.headers)
        guard let origin = MiddlewareSupport.origin(request) else {
            return ServerReply(
                response: passOn, notes: NoteLog(detail, "no Origin header: the CORS middleware does nothing").notes)
        }
        let isPreflight = MiddlewareSupport.isPreflight(request)
        var notes = NoteLog(detail)
        var headers: [HeaderField] = []
        if originAllowed(origin) {
            let varies = allowAnyOrigin ? allowCredentials : (withOrigins.count > 1 || isCustomPredicate)
            headers.append(HeaderField("Access-Control-Allow-Origin", allowAnyOrigin ? "*" : origin))
            if allowCredentials { headers.append(HeaderField("Access-Control-Allow-Credentials", "true")) }
            if isPreflight {
                let requestedHeaders = MiddlewareSupport.items(
                    request.headers.combinedValue(named: "Access-Control-Request-Headers"))
                let names = allowAnyHeader ? requestedHeaders : withHeaders
                if !names.isEmpty {
                    headers.append(HeaderField("Access-Control-Allow-Headers", names.joined(separator: ",")))
                }
                let requestedMethod = MiddlewareSupport.first(request, "Access-Control-Request-Method") ?? ""
                let methods = allowAnyMethod ? [requestedMethod] : withMethods
                if !methods.isEmpty {
                    headers.append(HeaderField("Access-Control-Allow-Methods", methods.joined(separator: ",")))
                }
                if let preflightMaxAge {
                    headers.append(HeaderField("Access-Control-Max-Age", String(preflightMaxAge)))
                }
            } else if !withExposedHeaders.isEmpty {
                headers.append(
                    HeaderField("Access-Control-Expose-Headers", withExposedHeaders.joined(separator: ",")))
            }
            if varies { headers.append(HeaderField("Vary", "Origin")) }
        } else {
            notes.append("Origin \(origin) is not allowed by the policy: no CORS headers, but the request still runs")
        }
        if isPreflight {
            notes.append("a preflight is always answered 204 once a policy is found; nothing else is checked")
            return ServerReply(response: ServerResponse(status: 204, headers: headers), notes: notes.notes)
        }
        notes.append("the endpoint answers \(passOn.status); the CORS headers are added when the response starts")
        return ServerReply(
            response: ServerResponse(status: passOn.status, headers: passOn.headers + headers), notes: notes.notes)
    }

    private var isCustomPredicate: Bool { setIsOriginAllowedToAny || allowWildcardSubdomains }

    private func originAllowed(_ origin: String) -> Bool {
        if allowAnyOrigin || setIsOriginAllowedToAny { return true }
        let normalized = withOrigins.map(\.asciiLowercased)
        if normalized.contains(origin) { return true }
        guard allowWildcardSubdomains else { return false }
        return normalized.contains { entry in
            guard entry.contains("://*.") else { return false }
            return OriginPattern.parse(entry).matches(origin)
        }
    }
}
