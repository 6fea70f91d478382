/// One real CORS middleware, configured with its own option names and defaults.
public enum MiddlewarePreset: Sendable, Equatable {
    /// The express `cors` package.
    case expressCORS(ExpressCORS)
    /// flask-cors's `CORS(app, ...)`.
    case flaskCORS(FlaskCORS)
    /// rs/cors for Go.
    case rsCORS(RsCORS)
    /// Spring's `CorsConfiguration`.
    case spring(SpringCORS)
    /// tower-http's `CorsLayer`.
    case towerHTTP(TowerHTTPCORS)
    /// Vapor's `CORSMiddleware`.
    case vapor(VaporCORS)
    /// Hummingbird's `CORSMiddleware`.
    case hummingbird(HummingbirdCORS)
    /// ASP.NET Core's CORS middleware.
    case aspNetCore(AspNetCoreCORS)
    /// nginx `add_header` lines.
    case nginx(NginxCORS)

    /// The names scenario files use, in the order of the cases.
    public static let names = [
        "express-cors", "flask-cors", "rs-cors", "spring", "tower-http", "vapor", "hummingbird", "aspnet-core", "nginx",
    ]

    /// The name a scenario file uses for this middleware.
    public var name: String {
        switch self {
        case .expressCORS: return "express-cors"
        case .flaskCORS: return "flask-cors"
        case .rsCORS: return "rs-cors"
        case .spring: return "spring"
        case .towerHTTP: return "tower-http"
        case .vapor: return "vapor"
        case .hummingbird: return "hummingbird"
        case .aspNetCore: return "aspnet-core"
        case .nginx: return "nginx"
        }
    }

    /// Why the real middleware refuses this configuration at startup, or nil when it starts.
    public var configurationError: String? {
        switch self {
        case .flaskCORS(let options): return options.configurationError
        case .towerHTTP(let options): return options.configurationError
        case .aspNetCore(let options): return options.configurationError
        case .expressCORS, .rsCORS, .spring, .vapor, .hummingbird, .nginx: return nil
        }
    }

    /// The response the middleware, in front of `app`, sends for `request`.
    public func reply(to request: WireRequest, app: MiddlewareApp) -> ServerReply {
        reply(to: request, app: app, memo: EvaluationMemo())
    }

    /// The response to `request`, the presets' regexes compiled through `memo`; notes only at `.full` detail.
    func reply(
        to request: WireRequest, app: MiddlewareApp, memo: EvaluationMemo, detail: EvaluationDetail = .full
    ) -> ServerReply {
        switch self {
        case .expressCORS(let options): return options.reply(to: request, app: app, memo: memo, detail: detail)
        case .flaskCORS(let options): return options.reply(to: request, app: app, memo: memo, detail: detail)
        case .rsCORS(let options): return options.reply(to: request, app: app, detail: detail)
        case .spring(let options): return options.reply(to: request, app: app, detail: detail)
        case .towerHTTP(let options): return options.reply(to: request, app: app, detail: detail)
        case .vapor(let options): return options.reply(to: request, app: app, detail: detail)
        case .hummingbird(let options): return options.reply(to: request, app: app, detail: detail)
        case .aspNetCore(let options): return options.reply(to: request, app: app, detail: detail)
        case .nginx(let options): return options.reply(to: request, app: app, detail: detail)
        }
    }
}
