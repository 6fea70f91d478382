import CORSCore

/// Vapor's `CORSMiddleware.Configuration`: the policy translated into it, and the configuration written out.
enum VaporExport {
    static let target = ServerTarget(name: "Vapor's CORSMiddleware", fixedPreflightStatus: 200)

    /// The configuration closest to `policy`, and what still differs.
    static func translate(_ policy: CORSPolicy, server: ServerDefinition, request: BrowserRequest) -> (
        VaporCORS, [String]
    ) {
        var differences = target.commonDifferences(policy, server: server)
        var options = VaporCORS()
        switch policy.allowOrigins {
        case .any: options.allowedOrigin = .all
        case .reflectAny:
            options.allowedOrigin = .originBased
            if !policy.varyOrigin {
                differences.append(".originBased sends Vary: origin, which the original leaves out")
            }
        case .list(let patterns):
            let exact = ListedOrigins.exact(patterns)
            options.allowedOrigin = .any(exact.origins)
            differences += exact.differences(target: "Vapor")
            if policy.varyOrigin { differences.append(".any([...]) sends no Vary: origin") }
        }
        options.allowedMethods = policy.allowMethods
        switch policy.allowHeaders {
        case .list(let names): options.allowedHeaders = names
        case .wildcard: options.allowedHeaders = ["*"]
        case .mirror:
            let (names, difference) = ListedOrigins.headersInsteadOfMirror(request, middleware: "Vapor")
            options.allowedHeaders = names
            differences.append(difference)
        }
        options.exposedHeaders = policy.exposeHeaders.isEmpty ? nil : policy.exposeHeaders
        options.allowCredentials = policy.allowCredentials
        options.cacheExpiration = policy.maxAge
        return (options, differences)
    }

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
