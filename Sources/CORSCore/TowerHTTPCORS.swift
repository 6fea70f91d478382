/// tower-http's `CorsLayer` (Rust, `src/cors/`): its builder settings and the headers it sends.
///
/// The layer answers *every* OPTIONS request itself with an empty 200 (the handler never runs) and never rejects
/// anything: it emits what it is configured with. Lists are joined with `,`; hyper writes names in lowercase.
public struct TowerHTTPCORS: Sendable, Equatable {
    /// A setting that is a fixed list, `Any` (`*`), or `mirror_request`.
    public enum Setting: Sendable, Equatable {
        /// Not configured: no header.
        case unset
        /// `Any`: `*`.
        case any
        /// `mirror_request`: echo what the request says.
        case mirrorRequest
        /// A fixed list (`exact` for a single origin).
        case list([String])
    }

    /// `allow_origin`: a list echoes a listed origin exactly; one entry is sent as is.
    public var allowOrigin: Setting
    /// `allow_methods`.
    public var allowMethods: Setting
    /// `allow_headers`.
    public var allowHeaders: Setting
    /// `expose_headers` (`mirror_request` is not offered).
    public var exposeHeaders: Setting
    /// `allow_credentials`.
    public var allowCredentials: Bool
    /// `max_age` in seconds.
    public var maxAge: Int?
    /// `vary`: the names sent in `Vary` (default origin, access-control-request-method,
    /// access-control-request-headers).
    public var vary: [String]

    /// The default `vary` list.
    public static let defaultVary = ["origin", "access-control-request-method", "access-control-request-headers"]

    /// Creates a layer; `CorsLayer::new()` sends nothing but `Vary`.
    public init(
        allowOrigin: Setting = .unset, allowMethods: Setting = .unset, allowHeaders: Setting = .unset,
        exposeHeaders: Setting = .unset, allowCredentials: Bool = false, maxAge: Int? = nil,
        vary: [String] = TowerHTTPCORS.defaultVary
    ) {
        self.allowOrigin = allowOrigin
        self.allowMethods = allowMethods
        self.allowHeaders = allowHeaders
        self.exposeHeaders = exposeHeaders
        self.allowCredentials = allowCredentials
        self.maxAge = maxAge
        self.vary = vary
    }

    /// Why the layer panics when the service is built, or nil.
    public var configurationError: String? {
        guard allowCredentials else { return nil }
        let wildcards = [
            ("allow_origin", allowOrigin), ("allow_methods", allowMethods), ("allow_headers", allowHeaders),
            ("expose_headers", exposeHeaders),
        ].filter { $0.1 == .any }.map(\.0)
        guard let first = wildcards.first else { return nil }
        return "tower-http panics at startup: Access-Control-Allow-Credentials: true cannot be combined with "
            + "\(first) Any (*)"
    }

    /// The response to `request` from a service wrapped in this layer.
    public func reply(to request: WireRequest, app: MiddlewareApp) -> ServerReply {
        reply(to: request, app: app, detail: .full)
    }

    /// The response to `request`; notes only at `.full` detail.
    func reply(to request: WireRequest, app: MiddlewareApp, detail: EvaluationDetail) -> ServerReply {
        let origin = MiddlewareSupport.origin(request)
        var headers: [HeaderField] = []
        var notes = NoteLog(detail)
        switch allowOrigin {
        case .unset: notes.append("allow_origin is not set: no access-control-allow-origin")
        case .any: headers.append(HeaderField("access-control-allow-origin", "*"))
        case .mirrorRequest:
            if let origin { headers.append(HeaderField("access-control-allow-origin", origin)) }
        case .list(let origins) where origins.count == 1:
            headers.append(HeaderField("access-control-allow-origin", origins[0]))
        case .list(let origins):
            if let origin, origins.contains(origin) {
                headers.append(HeaderField("access-control-allow-origin", origin))
            } else {
                notes.append("Origin \(origin ?? "(none)") is not in the allow_origin list: no allow-origin header")
            }
        }
        if allowCredentials { headers.append(HeaderField("access-control-allow-credentials", "true")) }
        if !vary.isEmpty { headers.append(HeaderField("vary", vary.joined(separator: ","))) }
        guard request.method.asciiUppercased == "OPTIONS" else {
            if let expose = value(exposeHeaders, mirrored: nil) {
                headers.append(HeaderField("access-control-expose-headers", expose))
            }
            notes.append("the handler answers \(app.status); the layer adds its headers to that response")
            return ServerReply(
                response: ServerResponse(status: app.status, headers: app.headers + headers), notes: notes.notes)
        }
        let requestedMethod = MiddlewareSupport.first(request, "Access-Control-Request-Method")
        if let methods = value(allowMethods, mirrored: requestedMethod) {
            headers.append(HeaderField("access-control-allow-methods", methods))
        }
        let requestedHeaders = request.headers.combinedValue(named: "Access-Control-Request-Headers")
        if let names = value(allowHeaders, mirrored: requestedHeaders) {
            headers.append(HeaderField("access-control-allow-headers", names))
        }
        if let maxAge { headers.append(HeaderField("access-control-max-age", String(maxAge))) }
        notes.append("CorsLayer answers every OPTIONS request itself with an empty 200; the handler never runs")
        return ServerReply(response: ServerResponse(status: 200, headers: headers), notes: notes.notes)
    }

    private func value(_ setting: Setting, mirrored: String?) -> String? {
        switch setting {
        case .unset: return nil
        case .any: return "*"
        case .mirrorRequest: return mirrored
        case .list(let items): return items.isEmpty ? nil : items.joined(separator: ",")
        }
    }
}
