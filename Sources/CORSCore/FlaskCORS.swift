/// flask-cors 6 as `CORS(app, ...)` (`flask_cors/core.py`): its options and the headers it adds.
///
/// The extension runs as an `after_request` hook, so its headers follow the app's. Flask answers OPTIONS itself
/// (200), and the hook adds the preflight headers to that answer.
public struct FlaskCORS: Sendable, Equatable {
    /// `origins`: strings; one that contains a regex character (`*\]?$^[()`) is a regex, matched at the start of
    /// the origin ignoring case; `*` means any origin. Others compare ignoring case.
    public var origins: [String]
    /// `methods`: an allowed `Access-Control-Request-Method` must occur in the sorted, upper-cased,
    /// `", "`-joined list (a substring test).
    public var methods: [String]
    /// `allow_headers`: patterns like `origins`; the matching requested headers are sent back, sorted.
    public var allowHeaders: [String]
    /// `expose_headers`, sent sorted and joined with `", "`.
    public var exposeHeaders: [String]
    /// `supports_credentials`.
    public var supportsCredentials: Bool
    /// `max_age` in seconds, sent on preflight answers.
    public var maxAge: Int?
    /// `send_wildcard`: send `*` instead of reflecting when `origins` is `*`.
    public var sendWildcard: Bool
    /// `vary_header`: add `Vary: Origin` when the origin list has several entries or a regex.
    public var varyHeader: Bool
    /// `always_send`: add headers to requests without an `Origin` too.
    public var alwaysSend: Bool
    /// `resources`: path regexes (matched at the start of the path); only matching paths get CORS headers.
    public var resources: [String]

    /// The default `methods`.
    public static let allMethods = ["GET", "HEAD", "POST", "OPTIONS", "PUT", "PATCH", "DELETE"]

    /// Creates the options; every default is the extension's own.
    public init(
        origins: [String] = ["*"], methods: [String] = FlaskCORS.allMethods, allowHeaders: [String] = ["*"],
        exposeHeaders: [String] = [], supportsCredentials: Bool = false, maxAge: Int? = nil,
        sendWildcard: Bool = false, varyHeader: Bool = true, alwaysSend: Bool = true, resources: [String] = ["/*"]
    ) {
        self.origins = origins
        self.methods = methods
        self.allowHeaders = allowHeaders
        self.exposeHeaders = exposeHeaders
        self.supportsCredentials = supportsCredentials
        self.maxAge = maxAge
        self.sendWildcard = sendWildcard
        self.varyHeader = varyHeader
        self.alwaysSend = alwaysSend
        self.resources = resources
    }

    /// Why flask-cors refuses to start with this configuration, or nil.
    public var configurationError: String? {
        guard patterns(origins).contains(".*"), supportsCredentials, sendWildcard else { return nil }
        return "flask-cors raises ValueError at startup: supports_credentials cannot be used with origins '*' "
            + "and send_wildcard"
    }

    /// The response to `request` from a Flask app with this extension.
    public func reply(to request: WireRequest, app: MiddlewareApp) -> ServerReply {
        reply(to: request, app: app, memo: EvaluationMemo())
    }

    /// The response to `request`, the option's regexes compiled through `memo`; notes only at `.full` detail.
    func reply(
        to request: WireRequest, app: MiddlewareApp, memo: EvaluationMemo, detail: EvaluationDetail = .full
    ) -> ServerReply {
        let isOptions = request.method.asciiUppercased == "OPTIONS"
        var response =
            isOptions
            ? ServerResponse(status: app.optionsStatus ?? 200)
            : app.routeResponse
        var notes = NoteLog(
            detail,
            isOptions
                ? "Flask answers the OPTIONS request itself (\(response.status)); the after_request hook adds CORS headers"
                : "the route answers \(response.status); the after_request hook adds CORS headers after its headers")
        let path = request.url.pathAndQuery.split(separator: "?", maxSplits: 1).first.map(String.init) ?? "/"
        guard resources.contains(where: { memo.matchesAtStart($0, path, ignoringCase: false) })
        else {
            notes.append("the path \(path) matches no entry of resources: no CORS headers")
            return ServerReply(response: response, notes: notes.notes)
        }
        let originPatterns = patterns(origins)
        let wildcard = originPatterns.contains(".*")
        let requestOrigin = MiddlewareSupport.origin(request)
        var allowed: [String]
        if let requestOrigin {
            if wildcard && sendWildcard {
                allowed = ["*"]
                notes.append("origins is '*' and send_wildcard is on: Access-Control-Allow-Origin: *")
            } else if originPatterns.contains(where: { Self.matches($0, requestOrigin, memo) }) {
                allowed = [requestOrigin]
                notes.append(
                    wildcard
                        ? "origins is '*' but send_wildcard is off: the origin \(requestOrigin) is reflected"
                        : "Origin \(requestOrigin) matches origins: it is echoed")
            } else {
                notes.append("Origin \(requestOrigin) matches no entry of origins: no CORS headers")
                return ServerReply(response: response, notes: notes.notes)
            }
        } else if alwaysSend {
            allowed =
                wildcard ? (supportsCredentials ? [] : ["*"]) : origins.filter { !Self.probablyRegex($0) }.sorted()
        } else {
            allowed = []
        }
        guard !allowed.isEmpty else {
            notes.append("no Origin header: no CORS headers")
            return ServerReply(response: response, notes: notes.notes)
        }
        var headers = allowed.map { HeaderField("Access-Control-Allow-Origin", $0) }
        if !exposeHeaders.isEmpty {
            headers.append(
                HeaderField(
                    "Access-Control-Expose-Headers", exposeHeaders.sorted().joinedIntoOneBuffer(separator: ", ")))
        }
        if supportsCredentials { headers.append(HeaderField("Access-Control-Allow-Credentials", "true")) }
        if isOptions {
            let requestedMethod = (MiddlewareSupport.first(request, "Access-Control-Request-Method") ?? "")
                .asciiUppercased
            let methodList = methods.map(\.asciiUppercased).sorted().joinedIntoOneBuffer(separator: ", ")
            if !requestedMethod.isEmpty && methodList.containsBytes(of: requestedMethod) {
                let requested = MiddlewareSupport.items(
                    MiddlewareSupport.first(request, "Access-Control-Request-Headers"))
                let allowHeaderPatterns = patterns(allowHeaders)
                let matching = requested.filter { name in
                    allowHeaderPatterns.contains { Self.matches($0, name, memo) }
                }
                if !matching.isEmpty {
                    headers.append(
                        HeaderField(
                            "Access-Control-Allow-Headers", matching.sorted().joinedIntoOneBuffer(separator: ", ")))
                }
                if let maxAge { headers.append(HeaderField("Access-Control-Max-Age", String(maxAge))) }
                headers.append(HeaderField("Access-Control-Allow-Methods", methodList))
            } else {
                notes.append(
                    "Access-Control-Request-Method '\(requestedMethod)' is not in methods: no -Allow-Methods or "
                        + "-Allow-Headers")
            }
        }
        if varyHeader, allowed.first != "*",
            origins.count > 1 || allowed.count > 1 || originPatterns.contains(where: Self.probablyRegex)
        {
            headers.append(HeaderField("Vary", "Origin"))
            notes.append("the origins list has several entries or a regex: Vary: Origin")
        }
        response.headers += headers
        return ServerReply(response: response, notes: notes.notes)
    }

    /// `*` written as an entry means the regex `.*`.
    private func patterns(_ list: [String]) -> [String] { list.map { $0 == "*" ? ".*" : $0 } }

    /// flask-cors's `probably_regex`: any of `*\]?$^[()` in the text (all ASCII, so a byte scan).
    static func probablyRegex(_ text: String) -> Bool {
        text.utf8.contains { regexBytes.contains($0) }
    }

    private static let regexBytes = Array("*\\]?$^[()".utf8)

    static func matches(_ pattern: String, _ value: String, _ memo: EvaluationMemo) -> Bool {
        if probablyRegex(pattern) { return memo.matchesAtStart(pattern, value, ignoringCase: true) }
        if pattern.utf8.allSatisfy({ $0 < 0x80 }) && value.utf8.allSatisfy({ $0 < 0x80 }) {
            return pattern.equalsIgnoringASCIICase(value)
        }
        return pattern.lowercased() == value.lowercased()
    }
}
