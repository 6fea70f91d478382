import CORSCore

/// A Flask app with flask-cors: its `CORS(app, ...)` options (`PresetTranslation` makes them from a policy) written out.
enum FlaskExport {
    /// Whether flask-cors reads `text` as a regex (its `probably_regex`).
    static func probablyRegex(_ text: String) -> Bool {
        text.contains { "*\\]?$^[()".contains($0) }
    }

    /// The runnable app.
    static func render(_ options: FlaskCORS, app: MiddlewareApp, request: BrowserRequest, context: ServerExportContext)
        -> String
    {
        var lines = context.heading(comment: "#")
        lines += [
            "# pip install flask flask-cors && python3 THIS_FILE",
            "from flask import Flask, Response",
            "from flask_cors import CORS",
            "",
            "app = Flask(__name__)",
            "CORS(",
            "    app,",
            "    origins=" + list(options.origins) + ",",
            "    methods=" + list(options.methods) + ",",
            "    allow_headers=" + list(options.allowHeaders) + ",",
            "    expose_headers=" + list(options.exposeHeaders) + ",",
            "    supports_credentials=" + (options.supportsCredentials ? "True" : "False") + ",",
            "    max_age=" + (options.maxAge.map(String.init) ?? "None") + ",",
            "    send_wildcard=" + (options.sendWildcard ? "True" : "False") + ",",
            "    vary_header=" + (options.varyHeader ? "True" : "False") + ",",
            "    always_send=" + (options.alwaysSend ? "True" : "False") + ",",
            "    resources=" + list(options.resources) + ",",
            ")",
            "",
        ]
        var methods = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"]
        let method = request.method.asciiUppercased
        if !methods.contains(method) && method != "OPTIONS" { methods.append(method) }
        lines += [
            "# Every path answers like the scenario's app; Flask answers OPTIONS itself (200).",
            "@app.route('/', defaults={'path': ''}, methods=" + list(methods) + ")",
            "@app.route('/<path:path>', methods=" + list(methods) + ")",
            "def route(path):",
            "    headers = ["
                + app.headers.map { "(" + CodeLiteral.python($0.name) + ", " + CodeLiteral.python($0.value) + ")" }
                .joined(separator: ", ") + "]",
            "    return Response(" + CodeLiteral.python(context.body(app.headers))
                + ", status=\(app.status), headers=headers)",
            "",
            "",
            "if __name__ == '__main__':",
            "    app.run(host=" + CodeLiteral.python(context.listenHost) + ", port=\(context.listenPort))",
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    private static func list(_ values: [String]) -> String {
        "[" + values.map(CodeLiteral.python).joined(separator: ", ") + "]"
    }
}
