import CORSCore

/// Vapor's `CORSMiddleware.Configuration` (`PresetTranslation` makes it from a policy) written out.
enum VaporExport {
    /// The middleware registration.
    static func render(_ options: VaporCORS, app: MiddlewareApp, context: ServerExportContext) -> String {
        var lines = context.heading(comment: "//")
        let origin: String
        switch options.allowedOrigin {
        case .none: origin = ".none"
        case .originBased: origin = ".originBased  // reflects any origin"
        case .all: origin = ".all"
        case .any(let list): origin = ".any([" + list.map(CodeLiteral.swift).joined(separator: ", ") + "])"
        case .custom(let value): origin = ".custom(" + CodeLiteral.swift(value) + ")"
        }
        lines += [
            "// In configure(_ app: Application) of a Vapor 4 app.",
            "import Vapor",
            "",
            "func configure(_ app: Application) throws {",
            "    app.http.server.configuration.hostname = " + CodeLiteral.swift(context.listenHost),
            "    app.http.server.configuration.port = \(context.listenPort)",
            "    let cors = CORSMiddleware.Configuration(",
            "        allowedOrigin: " + origin + ",",
            "        allowedMethods: [" + options.allowedMethods.map(method).joined(separator: ", ") + "],",
            "        allowedHeaders: [" + options.allowedHeaders.map(headerName).joined(separator: ", ") + "],",
            "        allowCredentials: \(options.allowCredentials),",
            "        cacheExpiration: " + (options.cacheExpiration.map(String.init) ?? "nil") + ",",
            "        exposedHeaders: "
                + (options.exposedHeaders.map { "[" + $0.map(headerName).joined(separator: ", ") + "]" } ?? "nil"),
            "    )",
            "    // Before ErrorMiddleware, so that errors keep their CORS headers.",
            "    app.middleware.use(CORSMiddleware(configuration: cors), at: .beginning)",
            "",
            "    app.on(.GET, \"**\") { _ in route() }",
            "    app.on(.POST, \"**\") { _ in route() }",
            "    app.on(.PUT, \"**\") { _ in route() }",
            "    app.on(.PATCH, \"**\") { _ in route() }",
            "    app.on(.DELETE, \"**\") { _ in route() }",
            "}",
            "",
            "/// The scenario's app: its status and headers.",
            "func route() -> Response {",
            "    var headers = HTTPHeaders()",
        ]
        for header in app.headers {
            lines.append(
                "    headers.add(name: " + CodeLiteral.swift(header.name) + ", value: "
                    + CodeLiteral.swift(header.value) + ")")
        }
        lines += [
            "    return Response(status: .init(statusCode: \(app.status)), headers: headers, body: .init(string: "
                + CodeLiteral.swift(context.body(app.headers)) + "))",
            "}",
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    private static func method(_ name: String) -> String {
        let known = [
            "GET", "PUT", "ACL", "HEAD", "POST", "COPY", "LOCK", "MOVE", "BIND", "LINK", "PATCH", "TRACE",
            "MKCOL", "MERGE", "PURGE", "NOTIFY", "SEARCH", "UNLOCK", "REBIND", "UNBIND", "REPORT", "DELETE", "UNLINK",
            "CONNECT", "MSEARCH", "OPTIONS", "PROPFIND", "CHECKOUT", "PROPPATCH", "SUBSCRIBE", "MKCALENDAR",
            "MKACTIVITY", "UNSUBSCRIBE", "SOURCE",
        ]
        return known.contains(name) ? "." + name : ".RAW(value: " + CodeLiteral.swift(name) + ")"
    }

    private static func headerName(_ name: String) -> String {
        ".init(" + CodeLiteral.swift(name) + ")"
    }
}
