import CORSCore

/// An express app with the `cors` package: its options (`PresetTranslation` makes them from a policy) written out.
enum ExpressExport {
    /// The app: `cors(options)` in front of one handler that answers like `app`.
    static func render(_ options: ExpressCORS, app: MiddlewareApp, context: ServerExportContext) -> String {
        var lines = context.heading(comment: "//")
        lines += [
            "// npm install express cors && node THIS_FILE",
            "const express = require('express');",
            "const cors = require('cors');",
            "",
            "const app = express();",
            "app.use(cors({",
        ]
        switch options.origin {
        case .wildcard: lines.append("  origin: '*',")
        case .disabled: lines.append("  origin: false,")
        case .reflect: lines.append("  origin: true, // reflects any origin")
        case .fixed(let value): lines.append("  origin: " + CodeLiteral.javaScript(value) + ",")
        case .allowList(let patterns):
            lines.append("  origin: [")
            for pattern in patterns {
                switch pattern {
                case .regex(let source): lines.append("    new RegExp(" + CodeLiteral.javaScript(source) + "),")
                default: lines.append("    " + CodeLiteral.javaScript(pattern.written) + ",")
                }
            }
            lines.append("  ],")
        }
        lines.append("  methods: " + CodeLiteral.javaScript(options.methods) + ",")
        if let allowed = options.allowedHeaders, allowed.isEmpty {
            // An empty array, not '': an empty string is falsy and would echo the request's headers.
            lines.append("  allowedHeaders: [],")
        } else if let allowed = options.allowedHeaders {
            lines.append("  allowedHeaders: " + CodeLiteral.javaScript(allowed) + ",")
        } else {
            lines.append("  // allowedHeaders unset: Access-Control-Request-Headers is echoed")
        }
        if let exposed = options.exposedHeaders {
            lines.append("  exposedHeaders: " + CodeLiteral.javaScript(exposed) + ",")
        }
        lines.append("  credentials: \(options.credentials),")
        if let maxAge = options.maxAge { lines.append("  maxAge: \(maxAge),") }
        if options.preflightContinue { lines.append("  preflightContinue: true,") }
        lines.append("  optionsSuccessStatus: \(options.optionsSuccessStatus),")
        lines.append("}));")
        lines.append("")
        lines.append("// The route behind the middleware: every path, every method.")
        lines.append("app.use((req, res) => {")
        lines.append("  // An OPTIONS request the middleware passes on has no route of its own.")
        lines.append("  if (req.method === 'OPTIONS') return res.sendStatus(\(app.optionsStatus ?? 404));")
        lines.append("  res.status(\(app.status));")
        for header in app.headers {
            lines.append(
                "  res.append(" + CodeLiteral.javaScript(header.name) + ", " + CodeLiteral.javaScript(header.value)
                    + ");")
        }
        lines.append("  res.end(" + CodeLiteral.javaScript(context.body(app.headers)) + ");")
        lines.append("});")
        lines.append("")
        lines.append(
            "app.listen(\(context.listenPort), " + CodeLiteral.javaScript(context.listenHost) + ");")
        return lines.joined(separator: "\n") + "\n"
    }
}
