import CORSCore

/// Hummingbird 2's `CORSMiddleware`: its options (`PresetTranslation` makes them from a policy) written out.
enum HummingbirdExport {
    /// The router with the middleware.
    static func render(_ options: HummingbirdCORS, app: MiddlewareApp, context: ServerExportContext) -> String {
        var lines = context.heading(comment: "//")
        let origin: String
        switch options.allowOrigin {
        case .none: origin = ".none"
        case .all: origin = ".all"
        case .originBased: origin = ".originBased  // reflects any origin but null"
        case .oneOf(let list): origin = ".oneOf([" + list.map(CodeLiteral.swift).joined(separator: ", ") + "])"
        case .custom(let value): origin = ".custom(" + CodeLiteral.swift(value) + ")"
        }
        lines += [
            "// main.swift of a Hummingbird 2 app.",
            "import Hummingbird",
            "",
            "let router = Router()",
            "router.add(",
            "    middleware: CORSMiddleware(",
            "        allowOrigin: " + origin + ",",
            "        allowHeaders: [" + options.allowHeaders.map(headerName).joined(separator: ", ") + "],",
            "        allowMethods: [" + options.allowMethods.map(method).joined(separator: ", ") + "],",
            "        allowCredentials: \(options.allowCredentials),",
            "        exposedHeaders: "
                + (options.exposedHeaders.map { "[" + $0.map(headerName).joined(separator: ", ") + "]" } ?? "nil")
                + ",",
            "        maxAge: " + (options.maxAge.map { ".seconds(\($0))" } ?? "nil"),
            "    )",
            ")",
            "",
            "/// The scenario's app: its status and headers, on every path.",
            "@Sendable func route(_ request: Request, _ context: BasicRequestContext) -> Response {",
            "    var headers = HTTPFields()",
        ]
        for header in app.headers {
            lines.append(
                "    headers.append(HTTPField(name: HTTPField.Name(" + CodeLiteral.swift(header.name) + ")!, value: "
                    + CodeLiteral.swift(header.value) + "))")
        }
        lines += [
            "    return Response(",
            "        status: .init(code: \(app.status)), headers: headers,",
            "        body: .init(byteBuffer: ByteBuffer(string: " + CodeLiteral.swift(context.body(app.headers))
                + ")))",
            "}",
            "for method in [HTTPRequest.Method.get, .post, .put, .patch, .delete, .head] {",
            "    router.on(\"**\", method: method, use: route)",
            "}",
            "",
            "let app = Application(",
            "    router: router,",
            "    configuration: .init(address: .hostname(" + CodeLiteral.swift(context.listenHost)
                + ", port: \(context.listenPort))))",
            "try await app.runService()",
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    private static func method(_ name: String) -> String {
        let known = [
            "GET": ".get", "POST": ".post", "PUT": ".put", "PATCH": ".patch", "DELETE": ".delete",
            "HEAD": ".head", "OPTIONS": ".options", "CONNECT": ".connect", "TRACE": ".trace",
        ]
        return known[name] ?? "HTTPRequest.Method(" + CodeLiteral.swift(name) + ")!"
    }

    private static func headerName(_ name: String) -> String {
        "HTTPField.Name(" + CodeLiteral.swift(name) + ")!"
    }
}
