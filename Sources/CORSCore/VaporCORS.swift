/// Vapor 4's `CORSMiddleware` (`Sources/Vapor/Middleware/CORSMiddleware.swift`): its configuration and headers.
///
/// Requests without `Origin` pass through untouched. A preflight (OPTIONS with `Access-Control-Request-Method`) is
/// answered with an empty 200 and no validation; every other request goes to the app and gets the same headers.
public struct VaporCORS: Sendable, Equatable {
    /// `AllowOriginSetting`.
    public enum AllowOrigin: Sendable, Equatable {
        /// `.none`: no allow-origin header (the other headers are still sent).
        case none
        /// `.originBased` (the default): reflect any origin, with `Vary: origin`.
        case originBased
        /// `.all`: `*`.
        case all
        /// `.any([...])`: echo a listed origin (exact), without `Vary`.
        case any([String])
        /// `.custom(value)`: send `value` as is.
        case custom(String)
    }

    /// `allowedOrigin`.
    public var allowedOrigin: AllowOrigin
    /// `allowedMethods`, joined with `", "`.
    public var allowedMethods: [String]
    /// `allowedHeaders`, joined with `", "`.
    public var allowedHeaders: [String]
    /// `allowCredentials`.
    public var allowCredentials: Bool
    /// `cacheExpiration` (default 600); nil sends no max-age.
    public var cacheExpiration: Int?
    /// `exposedHeaders`; nil sends nothing.
    public var exposedHeaders: [String]?

    /// Creates the configuration; the defaults are `.default()`'s, with `cacheExpiration` 600.
    public init(
        allowedOrigin: AllowOrigin = .originBased,
        allowedMethods: [String] = ["GET", "POST", "PUT", "OPTIONS", "DELETE", "PATCH"],
        allowedHeaders: [String] = ["Accept", "Authorization", "Content-Type", "Origin", "X-Requested-With"],
        allowCredentials: Bool = false, cacheExpiration: Int? = 600, exposedHeaders: [String]? = nil
    ) {
        self.allowedOrigin = allowedOrigin
        self.allowedMethods = allowedMethods
        self.allowedHeaders = allowedHeaders
        self.allowCredentials = allowCredentials
        self.cacheExpiration = cacheExpiration
        self.exposedHeaders = exposedHeaders
    }

    /// The response to `request` from a Vapor app with this middleware.
    public func reply(to request: WireRequest, app: MiddlewareApp) -> ServerReply {
        reply(to: request, app: app, detail: .full)
    }

    /// The response to `request`; notes only at `.full` detail.
    func reply(to request: WireRequest, app: MiddlewareApp, detail: EvaluationDetail) -> ServerReply {
        guard let origin = MiddlewareSupport.origin(request) else {
            let answer =
                request.method.asciiUppercased == "OPTIONS"
                ? app.optionsAnswer() : app.routeResponse
            return ServerReply(
                response: answer, notes: NoteLog(detail, "no Origin header: CORSMiddleware passes the request on").notes
            )
        }
        var notes = NoteLog(detail)
        var response: ServerResponse
        if MiddlewareSupport.isPreflight(request) {
            response = ServerResponse(status: 200)
            notes.append("a preflight gets an empty 200 with every CORS header; nothing is validated")
        } else if request.method.asciiUppercased == "OPTIONS" {
            response = app.optionsAnswer()
            notes.append("OPTIONS without Access-Control-Request-Method is not a preflight: the app answers")
        } else {
            response = app.routeResponse
            notes.append("the app answers \(app.status); the middleware adds the CORS headers afterwards")
        }
        let allowOrigin: String
        switch allowedOrigin {
        case .none: allowOrigin = ""
        case .originBased:
            allowOrigin = origin
            notes.append(".originBased reflects any origin, here \(origin)")
        case .all: allowOrigin = "*"
        case .any(let origins):
            allowOrigin = origins.contains(origin) ? origin : ""
            notes.append(
                allowOrigin.isEmpty
                    ? "Origin \(origin) is not in the .any list: no allow-origin header, the others are still sent"
                    : "Origin \(origin) is in the .any list: it is echoed, without Vary: origin")
        case .custom(let value): allowOrigin = value
        }
        var headers: [HeaderField] = []
        if !allowOrigin.isEmpty { headers.append(HeaderField("Access-Control-Allow-Origin", allowOrigin)) }
        headers.append(HeaderField("Access-Control-Allow-Headers", allowedHeaders.joinedIntoOneBuffer(separator: ", ")))
        headers.append(HeaderField("Access-Control-Allow-Methods", allowedMethods.joinedIntoOneBuffer(separator: ", ")))
        if let exposedHeaders {
            headers.append(
                HeaderField("Access-Control-Expose-Headers", exposedHeaders.joinedIntoOneBuffer(separator: ", ")))
        }
        if let cacheExpiration { headers.append(HeaderField("Access-Control-Max-Age", String(cacheExpiration))) }
        if allowCredentials { headers.append(HeaderField("Access-Control-Allow-Credentials", "true")) }
        if case .originBased = allowedOrigin { headers.append(HeaderField("Vary", "origin")) }
        // `replaceOrAdd` replaces a line the app already set.
        response.headers.removeAll { line in headers.contains { $0.name != "Vary" && $0.hasName(line.name) } }
        response.headers += headers
        return ServerReply(response: response, notes: notes.notes)
    }
}
