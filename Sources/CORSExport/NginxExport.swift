import CORSCore

/// nginx configuration (a file for the `http` context: `map` blocks and one `server`).
///
/// nginx can implement a generic policy exactly: `map $http_origin` decides the allowed origin (regexes, so exact
/// origins compare byte for byte), every other CORS line is a `map` of that result (nginx skips empty `add_header`
/// values), and `always` keeps the lines on error responses.
enum NginxExport {
    /// The server block for `policy`.
    static func policy(_ policy: CORSPolicy, app: MiddlewareApp, context: ServerExportContext) -> String {
        var maps: [String] = [preflightMap]
        // The allowed origin's value, empty when not allowed (nil when it is the constant `*`).
        let gate: String?
        switch policy.allowOrigins {
        case .any: gate = nil
        case .reflectAny: gate = "$http_origin"
        case .list(let patterns):
            var block = ["map $http_origin $cors_allow_origin {", "    default \"\";"]
            for pattern in patterns {
                block.append(
                    "    " + key("~" + regex(pattern)) + " $http_origin;  # " + CodeLiteral.comment(pattern.written))
            }
            block.append("}")
            maps.append(block.joined(separator: "\n"))
            gate = "$cors_allow_origin"
        }
        var mapCount = 0
        /// A value sent only when the origin is allowed.
        func gated(_ value: String, variable: Bool = false) -> String {
            guard let gate else { return variable ? value : CodeLiteral.nginx(value) }
            mapCount += 1
            let name = "$cors_line_\(mapCount)"
            maps.append(
                "map \(gate) \(name) {\n    \"\" \"\";\n    default "
                    + (variable ? value : CodeLiteral.nginx(value)) + ";\n}")
            return name
        }
        let originValue = gate ?? "\"*\""
        var originLines: [(String, String)] = [("Access-Control-Allow-Origin", originValue)]
        if policy.allowCredentials { originLines.append(("Access-Control-Allow-Credentials", gated("true"))) }
        if policy.varyOrigin, policy.allowOrigins != .any {
            // Sent whenever an Origin arrives, allowed or not.
            maps.append("map $http_origin $cors_vary {\n    \"\" \"\";\n    default \"Origin\";\n}")
            originLines.append(("Vary", "$cors_vary"))
        }
        var preflightLines = originLines
        if !policy.allowMethods.isEmpty {
            preflightLines.append(
                ("Access-Control-Allow-Methods", gated(policy.allowMethods.joined(separator: ", "))))
        }
        switch policy.allowHeaders {
        case .list(let names) where !names.isEmpty:
            preflightLines.append(("Access-Control-Allow-Headers", gated(names.joined(separator: ", "))))
        case .list: break
        case .wildcard: preflightLines.append(("Access-Control-Allow-Headers", gated("*")))
        case .mirror:
            preflightLines.append(
                ("Access-Control-Allow-Headers", gated("$http_access_control_request_headers", variable: true)))
        }
        if let maxAge = policy.maxAge { preflightLines.append(("Access-Control-Max-Age", gated(String(maxAge)))) }
        var actualLines = originLines
        if !policy.exposeHeaders.isEmpty {
            actualLines.append(("Access-Control-Expose-Headers", gated(policy.exposeHeaders.joined(separator: ", "))))
        }

        var location: [String] = []
        location.append("        if ($cors_preflight) {")
        if !policy.optionsRouted {
            location.append("            # OPTIONS is not routed to a CORS handler: no CORS headers.")
            location.append("            return \(policy.unroutedStatus);")
        } else {
            if policy.preflightStatus < 400 || policy.headersOnErrors {
                for (name, value) in preflightLines { location.append("            " + addHeader(name, value)) }
            } else {
                location.append("            # An error answer, and the server adds no CORS headers to errors.")
            }
            location.append("            return \(policy.preflightStatus);")
        }
        location.append("        }")
        // The app's own headers come first, the CORS lines after them.
        for header in app.headers where !managed.contains(header.lowercasedName) {
            location.append("        " + addHeader(header.name, CodeLiteral.nginx(header.value)))
        }
        if policy.headersOnActual && (policy.actualStatus < 400 || policy.headersOnErrors) {
            for (name, value) in actualLines { location.append("        " + addHeader(name, value)) }
        } else {
            location.append("        # No CORS headers on the actual response, as in the scenario.")
        }
        location += actualReturn(app, context: context)
        return assemble(maps: maps, location: location, context: context)
    }

    /// The server block for fixed responses: the preflight's lines for OPTIONS preflights, the response's otherwise.
    static func raw(preflight: ServerResponse?, response: ServerResponse, context: ServerExportContext) -> String {
        var location = ["        if ($cors_preflight) {"]
        if let preflight {
            for header in preflight.headers where !managed.contains(header.lowercasedName) {
                location.append("            " + addHeader(header.name, CodeLiteral.nginx(header.value)))
            }
            location.append("            return \(preflight.status);")
        } else {
            location.append("            # The scenario has no preflight answer: 404 with no headers.")
            location.append("            return 404;")
        }
        location.append("        }")
        for header in response.headers where !managed.contains(header.lowercasedName) {
            location.append("        " + addHeader(header.name, CodeLiteral.nginx(header.value)))
        }
        location += actualReturn(MiddlewareApp(status: response.status, headers: response.headers), context: context)
        return assemble(maps: [preflightMap], location: location, context: context)
    }

    /// The server block for the nginx preset: its `add_header` lines as written (`$http_NAME` variables kept).
    static func preset(_ options: NginxCORS, app: MiddlewareApp, context: ServerExportContext) -> String {
        let suffix = options.always ? " always" : ""
        // The app's own headers come first (it sends them whatever the status), then the preset's lines.
        let appLines = app.headers.filter { !managed.contains($0.lowercasedName) }.map {
            addHeader($0.name, CodeLiteral.nginx($0.value))
        }
        let presetLines = options.addHeader.map { "add_header " + key($0.name) + " " + key($0.value) + suffix + ";" }
        let optionsReturn = "return \(options.optionsReturn ?? app.optionsStatus ?? 404);"
        var location: [String]
        if appLines.isEmpty || presetLines.isEmpty {
            location = presetLines.map { "        " + $0 }
            location.append("        if ($request_method = OPTIONS) { \(optionsReturn) }")
        } else {
            // The OPTIONS answer has the preset's lines only: an `if` with add_header of its own inherits none.
            location = ["        if ($request_method = OPTIONS) {"] + presetLines.map { "            " + $0 }
            location += ["            " + optionsReturn, "        }"]
            location += (appLines + presetLines).map { "        " + $0 }
        }
        location += actualReturn(app, context: context)
        return assemble(maps: [], location: location, context: context)
    }

    /// The differences control characters in `fields` make: an nginx string cannot carry them, they become spaces.
    static func controlDifferences(_ fields: [HeaderField]) -> [String] {
        fields.filter { $0.value.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F } }.map {
            "nginx strings cannot carry control characters: those in \($0.name) are sent as spaces"
        }
    }

    /// The header lines a policy's nginx export writes as literal strings.
    static func literalFields(_ policy: CORSPolicy) -> [HeaderField] {
        var fields = policy.responseHeaders
        fields.append(HeaderField("Access-Control-Allow-Methods", policy.allowMethods.joined(separator: ", ")))
        fields.append(HeaderField("Access-Control-Expose-Headers", policy.exposeHeaders.joined(separator: ", ")))
        if case .list(let names) = policy.allowHeaders {
            fields.append(HeaderField("Access-Control-Allow-Headers", names.joined(separator: ", ")))
        }
        return fields
    }

    /// Headers nginx writes itself.
    static let managed: Set<String> = [
        "content-type", "content-length", "date", "server", "connection", "transfer-encoding", "location",
    ]

    /// 1 for an OPTIONS request with `Access-Control-Request-Method`, the preflights the scenario's server answers.
    static let preflightMap = """
        map "$request_method:$http_access_control_request_method" $cors_preflight {
            default 0;
            "~^OPTIONS:." 1;
        }
        """

    private static func actualReturn(_ app: MiddlewareApp, context: ServerExportContext) -> [String] {
        let type = app.headers.first { $0.lowercasedName == "content-type" }?.value ?? "text/plain"
        var lines = ["        default_type " + CodeLiteral.nginx(type) + ";"]
        if let location = app.headers.first(where: { $0.lowercasedName == "location" }),
            (300..<400).contains(app.status)
        {
            lines.append("        return \(app.status) " + CodeLiteral.nginx(location.value) + ";")
        } else if app.status == 204 || app.status == 304 || app.status < 200 {
            lines.append("        return \(app.status);")
        } else {
            lines.append("        return \(app.status) " + CodeLiteral.nginx(context.body(app.headers)) + ";")
        }
        return lines
    }

    private static func assemble(maps: [String], location: [String], context: ServerExportContext) -> String {
        var lines = context.heading(comment: "#")
        lines.append("# Include this file in nginx's http { } context (e.g. conf.d/cors-export.conf).")
        let body = (maps + location).joined(separator: "\n")
        if body.contains(CodeLiteral.nginxDollar) {
            lines.append("# A literal $ in a value (nginx strings have no escape for it).")
            lines.append(CodeLiteral.nginxDollarGeo)
        }
        lines += maps
        lines += [
            "server {",
            "    listen \(context.listenHost):\(context.listenPort);",
            "    location / {",
        ]
        lines += location
        lines += ["    }", "}"]
        return lines.joined(separator: "\n") + "\n"
    }

    private static func addHeader(_ name: String, _ value: String) -> String {
        "add_header " + key(name) + " " + value + " always;"
    }

    /// A quoted nginx string written as is (variables and regex anchors stay): only `\` and `"` are escaped.
    private static func key(_ text: String) -> String {
        var output = "\""
        for character in text {
            if character == "\\" || character == "\"" { output.append("\\") }
            output.append(character.isASCII && (character.asciiValue ?? 32) < 32 ? " " : character)
        }
        return output + "\""
    }

    private static func regex(_ pattern: OriginPattern) -> String {
        switch pattern {
        case .exact(let origin): return "^" + OriginRegex.escaped(origin) + "$"
        case .subdomainWildcard(let scheme, let baseHost, let port):
            return OriginRegex.subdomain(scheme: scheme, baseHost: baseHost, port: port)
        case .regex(let source): return source
        }
    }
}
