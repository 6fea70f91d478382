/// rs/cors for Go (`cors.go`, v1.11): its `Options` and the headers it sends.
///
/// A preflight (OPTIONS with `Access-Control-Request-Method`) that fails any check (origin, method, or any one
/// requested header) gets no CORS headers at all, only `Vary`. Go writes header lines sorted by name.
public struct RsCORS: Sendable, Equatable {
    /// `AllowedOrigins`: empty or containing `*` allows all; one `*` per entry is a wildcard. Compared
    /// case-insensitively.
    public var allowedOrigins: [String]
    /// `AllowedMethods` (default GET, POST, HEAD); also enforced on actual requests.
    public var allowedMethods: [String]
    /// `AllowedHeaders` (default Accept, Content-Type, X-Requested-With); `*` allows any.
    public var allowedHeaders: [String]
    /// `ExposedHeaders`.
    public var exposedHeaders: [String]
    /// `AllowCredentials`.
    public var allowCredentials: Bool
    /// `MaxAge`: 0 sends nothing, a negative value sends `0`.
    public var maxAge: Int
    /// `OptionsPassthrough`: the app answers the preflight (the headers stay).
    public var optionsPassthrough: Bool
    /// `OptionsSuccessStatus`.
    public var optionsSuccessStatus: Int

    /// Creates the options; every default is the package's own.
    public init(
        allowedOrigins: [String] = [], allowedMethods: [String] = ["GET", "POST", "HEAD"],
        allowedHeaders: [String] = ["Accept", "Content-Type", "X-Requested-With"], exposedHeaders: [String] = [],
        allowCredentials: Bool = false, maxAge: Int = 0, optionsPassthrough: Bool = false,
        optionsSuccessStatus: Int = 204
    ) {
        self.allowedOrigins = allowedOrigins
        self.allowedMethods = allowedMethods
        self.allowedHeaders = allowedHeaders
        self.exposedHeaders = exposedHeaders
        self.allowCredentials = allowCredentials
        self.maxAge = maxAge
        self.optionsPassthrough = optionsPassthrough
        self.optionsSuccessStatus = optionsSuccessStatus
    }

    /// The response to `request` from a Go handler wrapped by this middleware.
    public func reply(to request: WireRequest, app: MiddlewareApp) -> ServerReply {
        reply(to: request, app: app, detail: .full)
    }

    /// The response to `request`; notes only at `.full` detail.
    func reply(to request: WireRequest, app: MiddlewareApp, detail: EvaluationDetail) -> ServerReply {
        var notes = NoteLog(detail)
        var headers: [HeaderField] = []
        let origin = MiddlewareSupport.origin(request)
        if MiddlewareSupport.isPreflight(request) {
            headers.append(
                HeaderField("Vary", "Origin, Access-Control-Request-Method, Access-Control-Request-Headers"))
            let status: Int
            if optionsPassthrough {
                status = app.optionsAnswer().status
                notes.append("OptionsPassthrough: the app answers the preflight with \(status)")
            } else {
                status = optionsSuccessStatus
            }
            if let failure = preflightFailure(request, origin: origin) {
                notes.append(failure.text + ": the preflight gets no CORS headers at all, only Vary")
            } else if let origin {
                headers.append(HeaderField("Access-Control-Allow-Origin", allowsAll ? "*" : origin))
                let method = MiddlewareSupport.first(request, "Access-Control-Request-Method") ?? ""
                headers.append(HeaderField("Access-Control-Allow-Methods", method))
                if let requested = MiddlewareSupport.first(request, "Access-Control-Request-Headers"),
                    !requested.isEmpty
                {
                    headers.append(HeaderField("Access-Control-Allow-Headers", requested))
                }
                if allowCredentials { headers.append(HeaderField("Access-Control-Allow-Credentials", "true")) }
                if maxAge != 0 { headers.append(HeaderField("Access-Control-Max-Age", String(max(maxAge, 0)))) }
                notes.append("every check passed: the requested method and headers are echoed")
            }
            return ServerReply(
                response: ServerResponse(status: status, headers: Self.goOrder(headers)), notes: notes.notes)
        }
        headers.append(HeaderField("Vary", "Origin"))
        if let origin {
            if !originAllowed(origin) {
                notes.append("Origin \(origin) is not in AllowedOrigins: no CORS headers")
            } else if !methodAllowed(request.method) {
                notes.append("\(request.method) is not in AllowedMethods: rs/cors adds no CORS headers")
            } else {
                headers.append(HeaderField("Access-Control-Allow-Origin", allowsAll ? "*" : origin))
                if !exposedHeaders.isEmpty {
                    headers.append(
                        HeaderField(
                            "Access-Control-Expose-Headers",
                            exposedHeaders.map(Self.canonical).joinedIntoOneBuffer(separator: ", ")))
                }
                if allowCredentials { headers.append(HeaderField("Access-Control-Allow-Credentials", "true")) }
            }
        }
        notes.append("the handler answers \(app.status); Go writes the header lines sorted by name")
        return ServerReply(
            response: ServerResponse(status: app.status, headers: Self.goOrder(app.headers + headers)),
            notes: notes.notes)
    }

    private var allowsAll: Bool { allowedOrigins.isEmpty || allowedOrigins.contains("*") }

    /// The check a preflight fails; its words are built only for a note.
    private enum PreflightFailure {
        case noOrigin
        case origin(String)
        case method(String)
        case header(String)

        var text: String {
            switch self {
            case .noOrigin: "no Origin header"
            case .origin(let origin): "Origin \(origin) is not in AllowedOrigins"
            case .method(let method): "the method \(method) is not in AllowedMethods"
            case .header(let name): "the requested header \(name) is not in AllowedHeaders"
            }
        }
    }

    private func preflightFailure(_ request: WireRequest, origin: String?) -> PreflightFailure? {
        guard let origin else { return .noOrigin }
        guard originAllowed(origin) else { return .origin(origin) }
        let method = MiddlewareSupport.first(request, "Access-Control-Request-Method") ?? ""
        guard methodAllowed(method) else { return .method(method) }
        guard !allowedHeaders.contains("*") else { return nil }
        for name in MiddlewareSupport.items(MiddlewareSupport.first(request, "Access-Control-Request-Headers"))
        where !allowedHeaders.contains(where: { $0.equalsIgnoringASCIICase(name) }) {
            return .header(name)
        }
        return nil
    }

    private func originAllowed(_ origin: String) -> Bool {
        if allowsAll { return true }
        let lowered = origin.asciiLowercased
        return allowedOrigins.contains { entry in
            let pattern = entry.asciiLowercased
            guard let star = pattern.firstIndex(of: "*") else { return pattern == lowered }
            let prefix = pattern[..<star]
            let suffix = pattern[pattern.index(after: star)...]
            return lowered.count >= prefix.count + suffix.count && lowered.hasPrefix(prefix)
                && lowered.hasSuffix(suffix)
        }
    }

    private func methodAllowed(_ method: String) -> Bool {
        guard !allowedMethods.isEmpty else { return false }
        return method.equalsIgnoringASCIICase("OPTIONS")
            || allowedMethods.contains { $0.equalsIgnoringASCIICase(method) }
    }

    /// Go's canonical header key: each dash-separated word capitalised.
    static func canonical(_ name: String) -> String {
        name.split(separator: "-", omittingEmptySubsequences: false).map { word in
            word.prefix(1).uppercased() + word.dropFirst().lowercased()
        }.joined(separator: "-")
    }

    /// Header lines as Go's `Header.Write` sends them: sorted by canonical name, same-name lines kept in order.
    static func goOrder(_ headers: [HeaderField]) -> [HeaderField] {
        // Each name made canonical once, not on every comparison of the sort.
        let lines = headers.enumerated().map { (name: canonical($0.element.name), offset: $0.offset) }
        return lines.sorted { $0.name == $1.name ? $0.offset < $1.offset : $0.name < $1.name }
            .map { HeaderField($0.name, headers[$0.offset].value) }
    }
}
