/// What `export` produces from a scenario: client code for the page, or the server's configuration.
public enum ExportKind: String, Sendable, Equatable, Hashable, CaseIterable {
    /// Shell commands that replay the browser's requests with curl.
    case curl
    /// JavaScript `fetch()` code for the page.
    case fetch
    /// JavaScript `XMLHttpRequest` code for the page.
    case xhr
    /// An express app with the `cors` package.
    case express
    /// An nginx `server` block.
    case nginx
    /// A Flask app with flask-cors.
    case flaskCORS = "flask-cors"
    /// Vapor's `CORSMiddleware.Configuration`.
    case vapor
    /// Hummingbird's `CORSMiddleware`.
    case hummingbird
    /// Spring's `CorsConfiguration` behind a `CorsFilter`.
    case spring

    /// The kinds that write a server configuration.
    public static let serverKinds: [ExportKind] = [.express, .nginx, .flaskCORS, .vapor, .hummingbird, .spring]

    /// Whether the export is a server configuration (not client code).
    public var isServer: Bool { Self.serverKinds.contains(self) }

    /// The file extension of the export, without the leading dot; kinds that share a language keep their name in
    /// it (`fetch.js`, `xhr.js`), so that exports of one scenario never overwrite each other.
    public var fileExtension: String {
        switch self {
        case .curl: return "sh"
        case .fetch, .xhr, .express: return rawValue + ".js"
        case .nginx: return "conf"
        case .flaskCORS: return "py"
        case .vapor, .hummingbird: return rawValue + ".swift"
        case .spring: return "java"
        }
    }

    /// One line saying what the export is, for choosers and help.
    public var summary: String {
        switch self {
        case .curl: return "curl commands replaying the browser's requests"
        case .fetch: return "fetch() code for the page"
        case .xhr: return "XMLHttpRequest code for the page"
        case .express: return "express app with the cors package"
        case .nginx: return "nginx server block with add_header"
        case .flaskCORS: return "Flask app with flask-cors"
        case .vapor: return "Vapor CORSMiddleware configuration"
        case .hummingbird: return "Hummingbird CORSMiddleware"
        case .spring: return "Spring CorsConfiguration behind a CorsFilter"
        }
    }
}
