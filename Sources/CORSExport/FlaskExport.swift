import CORSCore

/// A Flask app with flask-cors: the policy translated into `CORS(app, ...)` options, and the app written out.
enum FlaskExport {
    static let target = ServerTarget(name: "flask-cors", fixedPreflightStatus: 200)

    /// Whether flask-cors reads `text` as a regex (its `probably_regex`).
    static func probablyRegex(_ text: String) -> Bool {
        text.contains { "*\\]?$^[()".contains($0) }
    }

    /// The `CORS(app, ...)` options closest to `policy`, and what still differs.
    static func translate(_ policy: CORSPolicy, server: ServerDefinition) -> (FlaskCORS, [String]) {
        var differences = target.commonDifferences(policy, server: server)
        var options = FlaskCORS()
        switch policy.allowOrigins {
        case .any where policy.allowCredentials:
            options.origins = ["*"]
            differences.append(
                "the original sends Access-Control-Allow-Origin: * with credentials, which browsers refuse for "
                    + "credentialed requests; flask-cors refuses that pair at startup, so this app reflects the "
                    + "origin instead and credentialed requests from any origin succeed")
        case .any:
            options.origins = ["*"]
            options.sendWildcard = true
        case .reflectAny:
            options.origins = ["*"]
            if policy.varyOrigin { differences.append("flask-cors reflects the origin without Vary: Origin") }
        case .list(let patterns):
            options.origins = patterns.map(originEntry)
            let varies = patterns.count > 1 || options.origins.contains(where: probablyRegex)
            if policy.varyOrigin && !varies {
                differences.append("flask-cors sends no Vary: Origin for a single origin")
            } else if !policy.varyOrigin && varies {
                options.varyHeader = false
            }
            if patterns.contains(where: { if case .exact = $0 { false } else { true } }) {
                differences.append("flask-cors matches origin regexes ignoring case")
            }
        }
        options.methods = ServerTarget.methodsWithSafelisted(policy.allowMethods.filter { $0 != "*" })
        if policy.allowMethods.contains("*") {
            options.methods = FlaskCORS.allMethods
            differences.append(
                "Access-Control-Allow-Methods: * becomes flask-cors's list of seven methods; other methods are refused")
        }
        switch policy.allowHeaders {
        case .list(let names): options.allowHeaders = names
        case .wildcard:
            // `*` covers every name but Authorization, and nothing at all with credentials.
            options.allowHeaders = policy.allowCredentials ? [] : ["(?!authorization$).*"]
        case .mirror: options.allowHeaders = ["*"]
        }
        options.exposeHeaders = policy.exposeHeaders
        options.supportsCredentials = policy.allowCredentials
        options.maxAge = policy.maxAge
        return (options, differences)
    }

    /// An origin entry as flask-cors reads it: exact strings stay strings unless they look like regexes.
    static func originEntry(_ pattern: OriginPattern) -> String {
        switch pattern {
        case .exact(let origin):
            return probablyRegex(origin) ? "^" + ServerTarget.escapedRegex(origin) + "$" : origin
        case .subdomainWildcard(let scheme, let baseHost, let port):
            return ServerTarget.subdomainRegex(scheme: scheme, baseHost: baseHost, port: port)
        case .regex(let source):
            // `re.match` anchors at the start; the original searches anywhere.
            return ".*(?:" + source + ")"
        }
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
