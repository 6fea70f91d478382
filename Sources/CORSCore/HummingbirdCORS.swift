/// Hummingbird 2's `CORSMiddleware` (`Sources/Hummingbird/Middleware/CORSMiddleware.swift`): options and headers.
///
/// Requests without `Origin` pass through. *Every* OPTIONS request with an `Origin` is answered by the middleware
/// with 204 and the CORS headers, preflight or not; nothing is validated.
public struct HummingbirdCORS: Sendable, Equatable {
    /// `AllowOrigin`.
    public enum AllowOrigin: Sendable, Equatable {
        /// `.none`: no allow-origin header.
        case none
        /// `.all`: `*`.
        case all
        /// `.originBased` (the default): reflect the origin, except `null`; `Vary: Origin`.
        case originBased
        /// `.oneOf([...])`: echo a listed origin; `Vary: Origin`.
        case oneOf([String])
        /// `.custom(value)`: send `value` as is.
        case custom(String)
    }

    /// `allowOrigin`.
    public var allowOrigin: AllowOrigin
    /// `allowHeaders`, joined with `", "`.
    public var allowHeaders: [String]
    /// `allowMethods`, joined with `", "`.
    public var allowMethods: [String]
    /// `allowCredentials`.
    public var allowCredentials: Bool
    /// `exposedHeaders`; nil sends nothing.
    public var exposedHeaders: [String]?
    /// `maxAge` in seconds; nil sends nothing.
    public var maxAge: Int?

    /// Creates the middleware options with Hummingbird's defaults.
    public init(
        allowOrigin: AllowOrigin = .originBased,
        allowHeaders: [String] = ["Accept", "Authorization", "Content-Type", "Origin"],
        allowMethods: [String] = ["GET", "POST", "HEAD", "OPTIONS"], allowCredentials: Bool = false,
        exposedHeaders: [String]? = nil, maxAge: Int? = nil
    ) {
        self.allowOrigin = allowOrigin
        self.allowHeaders = allowHeaders
        self.allowMethods = allowMethods
        self.allowCredentials = allowCredentials
        self.exposedHeaders = exposedHeaders
        self.maxAge = maxAge
    }

    /// The response to `request` from a Hummingbird app with this middleware.
    public func reply(to request: WireRequest, app: MiddlewareApp) -> ServerReply {
        reply(to: request, app: app, detail: .full)
    }

    /// The response to `request`; notes only at `.full` detail.
    func reply(to request: WireRequest, app: MiddlewareApp, detail: EvaluationDetail) -> ServerReply {
        let isOptions = request.method.asciiUppercased == "OPTIONS"
        guard let origin = MiddlewareSupport.origin(request) else {
            let answer = isOptions ? app.optionsAnswer() : app.routeResponse
            return ServerReply(
                response: answer, notes: NoteLog(detail, "no Origin header: CORSMiddleware passes the request on").notes
            )
        }
        var notes = NoteLog(detail)
        var headers: [HeaderField] = []
        if let value = allowOriginValue(origin) {
            headers.append(HeaderField("Access-Control-Allow-Origin", value))
        } else {
            notes.append("allowOrigin gives no value for Origin \(origin): no allow-origin header")
        }
        let varies: Bool
        switch allowOrigin {
        case .originBased, .oneOf, .custom: varies = true
        case .none, .all: varies = false
        }
        if isOptions {
            headers.append(HeaderField("Access-Control-Allow-Headers", allowHeaders.joined(separator: ", ")))
            headers.append(HeaderField("Access-Control-Allow-Methods", allowMethods.joined(separator: ", ")))
            if allowCredentials { headers.append(HeaderField("Access-Control-Allow-Credentials", "true")) }
            if let maxAge { headers.append(HeaderField("Access-Control-Max-Age", String(maxAge))) }
            if let exposedHeaders {
                headers.append(HeaderField("Access-Control-Expose-Headers", exposedHeaders.joined(separator: ", ")))
            }
            if varies { headers.append(HeaderField("Vary", "Origin")) }
            notes.append("every OPTIONS request with an Origin gets 204 and the CORS headers; the app never sees it")
            return ServerReply(response: ServerResponse(status: 204, headers: headers), notes: notes.notes)
        }
        if allowCredentials { headers.append(HeaderField("Access-Control-Allow-Credentials", "true")) }
        if let exposedHeaders {
            headers.append(HeaderField("Access-Control-Expose-Headers", exposedHeaders.joined(separator: ", ")))
        }
        if varies { headers.append(HeaderField("Vary", "Origin")) }
        notes.append("the app answers \(app.status); the middleware adds its headers afterwards (errors included)")
        return ServerReply(
            response: ServerResponse(status: app.status, headers: app.headers + headers), notes: notes.notes)
    }

    private func allowOriginValue(_ origin: String) -> String? {
        switch allowOrigin {
        case .none: return nil
        case .all: return "*"
        case .originBased: return origin == "null" ? nil : origin
        case .oneOf(let origins): return origins.contains(origin) ? origin : nil
        case .custom(let value): return value
        }
    }
}
