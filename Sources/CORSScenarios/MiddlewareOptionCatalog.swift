/// Every option of every middleware preset, in the order `MiddlewareDecoder` lists them, with its type and what the
/// middleware does when it is left out.
enum MiddlewareOptionCatalog {
    /// One catalog entry: the key, how it is typed, the default as shown, and what it takes.
    struct Entry {
        var key: String
        var kind: MiddlewareOption.Kind
        var defaultText: String
        var takes: String
    }

    private static let list = MiddlewareOption.Kind.list(words: [])
    private static let flag = MiddlewareOption.Kind.flag(on: "true")

    /// The `server.app` options, shared by every preset.
    static let app: [Entry] = [
        Entry(key: "status", kind: .number, defaultText: "200", takes: "the route's status, 100–999"),
        Entry(
            key: "headers", kind: .headers, defaultText: "Content-Type: application/json",
            takes: "the route's own headers, Name: value"),
        Entry(
            key: "options_status", kind: .number, defaultText: "the framework's (Flask 200, others 404/405)",
            takes: "the app's status for an OPTIONS request the middleware passes on, 100–999"),
    ]

    /// The `server.config` options of the preset called `name`.
    static func config(_ name: String) -> [Entry] {
        switch name {
        case "express-cors": return express
        case "flask-cors": return flask
        case "rs-cors": return rsCORS
        case "spring": return spring
        case "tower-http": return towerHTTP
        case "vapor": return vapor
        case "hummingbird": return hummingbird
        case "aspnet-core": return aspNetCore
        default: return nginx
        }
    }

    private static let express: [Entry] = [
        Entry(
            key: "origin", kind: .value, defaultText: "\"*\"",
            takes:
                "\"*\", true (reflect), false (skip), an origin string, or a list [\"https://a.com\", {regex: \"…\"}]"
        ),
        Entry(key: "methods", kind: .value, defaultText: "GET,HEAD,PUT,PATCH,POST,DELETE", takes: "a string or list"),
        Entry(
            key: "allowedHeaders", kind: .value, defaultText: "echo Access-Control-Request-Headers",
            takes: "a string or list"),
        Entry(key: "exposedHeaders", kind: .value, defaultText: "none", takes: "a string or list"),
        Entry(key: "credentials", kind: flag, defaultText: "false", takes: "true or false"),
        Entry(key: "maxAge", kind: .number, defaultText: "none", takes: "seconds; 0 sends nothing"),
        Entry(key: "preflightContinue", kind: flag, defaultText: "false", takes: "pass OPTIONS on to the app"),
        Entry(key: "optionsSuccessStatus", kind: .number, defaultText: "204", takes: "a status, 100–999"),
    ]

    private static let flask: [Entry] = [
        Entry(key: "origins", kind: list, defaultText: "[\"*\"]", takes: "origins or regexes; * is any"),
        Entry(
            key: "methods", kind: list, defaultText: "[GET, HEAD, POST, OPTIONS, PUT, PATCH, DELETE]",
            takes: "methods"),
        Entry(key: "allow_headers", kind: list, defaultText: "[\"*\"]", takes: "header names or regexes"),
        Entry(key: "expose_headers", kind: list, defaultText: "[]", takes: "header names"),
        Entry(key: "supports_credentials", kind: flag, defaultText: "false", takes: "true or false"),
        Entry(key: "max_age", kind: .number, defaultText: "none", takes: "seconds"),
        Entry(key: "send_wildcard", kind: flag, defaultText: "false", takes: "send * instead of the origin"),
        Entry(key: "vary_header", kind: flag, defaultText: "true", takes: "Vary: Origin for lists and regexes"),
        Entry(key: "always_send", kind: flag, defaultText: "true", takes: "headers without an Origin too"),
        Entry(key: "resources", kind: list, defaultText: "[\"/*\"]", takes: "path regexes"),
    ]

    private static let rsCORS: [Entry] = [
        Entry(key: "AllowedOrigins", kind: list, defaultText: "[] (all)", takes: "origins, one * each; * is all"),
        Entry(key: "AllowedMethods", kind: list, defaultText: "[GET, POST, HEAD]", takes: "methods"),
        Entry(
            key: "AllowedHeaders", kind: list, defaultText: "[Accept, Content-Type, X-Requested-With]",
            takes: "header names; * is any"),
        Entry(key: "ExposedHeaders", kind: list, defaultText: "[]", takes: "header names"),
        Entry(key: "AllowCredentials", kind: flag, defaultText: "false", takes: "true or false"),
        Entry(key: "MaxAge", kind: .number, defaultText: "0 (none)", takes: "seconds; negative sends 0"),
        Entry(key: "OptionsPassthrough", kind: flag, defaultText: "false", takes: "the app answers the preflight"),
        Entry(key: "OptionsSuccessStatus", kind: .number, defaultText: "204", takes: "a status, 100–999"),
    ]

    private static let spring: [Entry] = [
        Entry(key: "allowedOrigins", kind: list, defaultText: "unset (none)", takes: "exact origins; * is any"),
        Entry(key: "allowedOriginPatterns", kind: list, defaultText: "unset", takes: "origins with * wildcards"),
        Entry(key: "allowedMethods", kind: list, defaultText: "unset (GET, HEAD)", takes: "methods; * is any"),
        Entry(key: "allowedHeaders", kind: list, defaultText: "unset (none)", takes: "header names; * is any"),
        Entry(key: "exposedHeaders", kind: list, defaultText: "unset", takes: "header names"),
        Entry(key: "allowCredentials", kind: flag, defaultText: "unset", takes: "true or false"),
        Entry(
            key: "maxAge", kind: .number, defaultText: "unset (none; 1800 with applyPermitDefaultValues)",
            takes: "seconds"),
        Entry(
            key: "applyPermitDefaultValues", kind: flag, defaultText: "false",
            takes: "unset fields become *, GET/HEAD/POST, *, 1800"),
    ]

    private static let towerHTTP: [Entry] = [
        Entry(
            key: "allow_origin", kind: .list(words: ["*", "Any", "mirror_request"]), defaultText: "unset",
            takes: "origins, \"*\" or mirror_request"),
        Entry(
            key: "allow_methods", kind: .list(words: ["*", "Any", "mirror_request"]), defaultText: "unset",
            takes: "methods, \"*\" or mirror_request"),
        Entry(
            key: "allow_headers", kind: .list(words: ["*", "Any", "mirror_request"]), defaultText: "unset",
            takes: "names, \"*\" or mirror_request"),
        Entry(
            key: "expose_headers", kind: .list(words: ["*", "Any"]), defaultText: "unset", takes: "names or \"*\""),
        Entry(key: "allow_credentials", kind: flag, defaultText: "false", takes: "true or false"),
        Entry(key: "max_age", kind: .number, defaultText: "none", takes: "seconds"),
        Entry(
            key: "vary", kind: list,
            defaultText: "[origin, access-control-request-method, access-control-request-headers]",
            takes: "header names"),
    ]

    private static let vapor: [Entry] = [
        Entry(
            key: "allowedOrigin", kind: .value, defaultText: "originBased",
            takes: "none, originBased, all, {any: [\"https://a.com\"]} or {custom: \"…\"}"),
        Entry(
            key: "allowedMethods", kind: list, defaultText: "[GET, POST, PUT, OPTIONS, DELETE, PATCH]",
            takes: "methods"),
        Entry(
            key: "allowedHeaders", kind: list,
            defaultText: "[Accept, Authorization, Content-Type, Origin, X-Requested-With]", takes: "header names"),
        Entry(key: "allowCredentials", kind: flag, defaultText: "false", takes: "true or false"),
        Entry(key: "cacheExpiration", kind: .value, defaultText: "600", takes: "seconds, or none"),
        Entry(key: "exposedHeaders", kind: list, defaultText: "unset (none)", takes: "header names"),
    ]

    private static let hummingbird: [Entry] = [
        Entry(
            key: "allowOrigin", kind: .value, defaultText: "originBased",
            takes: "none, all, originBased, {oneOf: [\"https://a.com\"]} or {custom: \"…\"}"),
        Entry(
            key: "allowHeaders", kind: list, defaultText: "[Accept, Authorization, Content-Type, Origin]",
            takes: "header names"),
        Entry(key: "allowMethods", kind: list, defaultText: "[GET, POST, HEAD, OPTIONS]", takes: "methods"),
        Entry(key: "allowCredentials", kind: flag, defaultText: "false", takes: "true or false"),
        Entry(key: "exposedHeaders", kind: list, defaultText: "unset (none)", takes: "header names"),
        Entry(key: "maxAge", kind: .number, defaultText: "none", takes: "seconds"),
    ]

    private static let aspNetCore: [Entry] = [
        Entry(key: "WithOrigins", kind: list, defaultText: "[] (none)", takes: "origins"),
        Entry(key: "AllowAnyOrigin", kind: flag, defaultText: "false", takes: "*"),
        Entry(key: "SetIsOriginAllowed", kind: .flag(on: "any"), defaultText: "off", takes: "any: _ => true"),
        Entry(
            key: "SetIsOriginAllowedToAllowWildcardSubdomains", kind: flag, defaultText: "false",
            takes: "https://*.a.com entries match subdomains"),
        Entry(key: "WithMethods", kind: list, defaultText: "[] (none)", takes: "methods"),
        Entry(key: "AllowAnyMethod", kind: flag, defaultText: "false", takes: "echo the method"),
        Entry(key: "WithHeaders", kind: list, defaultText: "[] (none)", takes: "header names"),
        Entry(key: "AllowAnyHeader", kind: flag, defaultText: "false", takes: "echo the headers"),
        Entry(key: "WithExposedHeaders", kind: list, defaultText: "[] (none)", takes: "header names"),
        Entry(key: "AllowCredentials", kind: flag, defaultText: "false", takes: "true or false"),
        Entry(key: "SetPreflightMaxAge", kind: .number, defaultText: "none", takes: "seconds"),
    ]

    private static let nginx: [Entry] = [
        Entry(key: "add_header", kind: .headers, defaultText: "none", takes: "Name: value; $http_origin works"),
        Entry(key: "always", kind: flag, defaultText: "false", takes: "add the headers to every status"),
        Entry(
            key: "options_return", kind: .number, defaultText: "unset (OPTIONS goes to the app)",
            takes: "if ($request_method = OPTIONS) { return N; }"),
    ]
}
