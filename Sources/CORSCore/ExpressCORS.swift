/// The express `cors` package (expressjs/cors 2.8, `lib/index.js`): its options and the headers it sends.
///
/// Every OPTIONS request is treated as a preflight; methods and headers are never checked, only emitted. The
/// middleware sets its headers before the route runs, so they come before the app's headers.
public struct ExpressCORS: Sendable, Equatable {
    /// The `origin` option.
    public enum OriginOption: Sendable, Equatable {
        /// `'*'` (the default): `Access-Control-Allow-Origin: *` for everyone, no `Vary`.
        case wildcard
        /// `false`: the middleware is skipped entirely.
        case disabled
        /// `true`: the request's origin is reflected, whatever it is.
        case reflect
        /// A string other than `*`: sent as is, whatever the request's origin, with `Vary: Origin`.
        case fixed(String)
        /// An array of strings and RegExps (or a single RegExp): the origin is echoed when one entry matches.
        /// Strings compare exactly; a RegExp uses `.test`, so it is unanchored.
        case allowList([OriginPattern])
    }

    /// `origin`.
    public var origin: OriginOption
    /// `methods`, as the header value (an array is joined with `,`).
    public var methods: String
    /// `allowedHeaders` joined with `,`; nil echoes `Access-Control-Request-Headers`.
    public var allowedHeaders: String?
    /// `exposedHeaders` joined with `,`; nil or empty sends nothing.
    public var exposedHeaders: String?
    /// `credentials`.
    public var credentials: Bool
    /// `maxAge`; nil or 0 sends nothing (0 is falsy in JavaScript).
    public var maxAge: Int?
    /// `preflightContinue`: pass OPTIONS on to the app instead of answering it.
    public var preflightContinue: Bool
    /// `optionsSuccessStatus`.
    public var optionsSuccessStatus: Int

    /// The defaults' `methods` value.
    public static let defaultMethods = "GET,HEAD,PUT,PATCH,POST,DELETE"

    /// Creates the options; every default is the package's own.
    public init(
        origin: OriginOption = .wildcard, methods: String = ExpressCORS.defaultMethods, allowedHeaders: String? = nil,
        exposedHeaders: String? = nil, credentials: Bool = false, maxAge: Int? = nil, preflightContinue: Bool = false,
        optionsSuccessStatus: Int = 204
    ) {
        self.origin = origin
        self.methods = methods
        self.allowedHeaders = allowedHeaders
        self.exposedHeaders = exposedHeaders
        self.credentials = credentials
        self.maxAge = maxAge
        self.preflightContinue = preflightContinue
        self.optionsSuccessStatus = optionsSuccessStatus
    }

    /// The response to `request` from this middleware in front of `app`.
    public func reply(to request: WireRequest, app: MiddlewareApp) -> ServerReply {
        reply(to: request, app: app, memo: EvaluationMemo())
    }

    /// The response to `request`, regex origins compiled through `memo`; notes only at `.full` detail.
    func reply(
        to request: WireRequest, app: MiddlewareApp, memo: EvaluationMemo, detail: EvaluationDetail = .full
    ) -> ServerReply {
        let isOptions = request.method.asciiUppercased == "OPTIONS"
        guard origin != .disabled else {
            let answer = isOptions ? app.optionsAnswer() : app.routeResponse
            return ServerReply(
                response: answer, notes: NoteLog(detail, "origin: false skips the cors middleware entirely").notes)
        }
        var headers: [HeaderField] = []
        var vary: [String] = []
        var notes = NoteLog(detail)
        let requestOrigin = MiddlewareSupport.origin(request)
        switch origin {
        case .wildcard, .disabled:
            headers.append(HeaderField("Access-Control-Allow-Origin", "*"))
            notes.append("origin is '*': Access-Control-Allow-Origin: * and no Vary")
        case .fixed(let value):
            headers.append(HeaderField("Access-Control-Allow-Origin", value))
            vary.append("Origin")
            notes.append("origin is the string \(value): it is sent as is, whatever the request's origin")
        case .reflect:
            vary.append("Origin")
            if let requestOrigin {
                headers.append(HeaderField("Access-Control-Allow-Origin", requestOrigin))
                notes.append("origin: true reflects any origin, here \(requestOrigin)")
            }
        case .allowList(let patterns):
            vary.append("Origin")
            if let requestOrigin, let match = patterns.first(where: { matches($0, requestOrigin, memo) }) {
                headers.append(HeaderField("Access-Control-Allow-Origin", requestOrigin))
                notes.append("Origin \(requestOrigin) matches \(match.written): it is echoed")
            } else {
                notes.append("Origin \(requestOrigin ?? "(none)") matches no entry: no Access-Control-Allow-Origin")
            }
        }
        // `Vary` keeps the position of its first value; later values are appended to the same line.
        var varyIndex: Int? = vary.isEmpty ? nil : headers.count
        if credentials { headers.append(HeaderField("Access-Control-Allow-Credentials", "true")) }
        guard isOptions else {
            if let exposedHeaders, !exposedHeaders.isEmpty {
                headers.append(HeaderField("Access-Control-Expose-Headers", exposedHeaders))
            }
            if let varyIndex {
                headers.insert(HeaderField("Vary", vary.joinedIntoOneBuffer(separator: ", ")), at: varyIndex)
            }
            notes.append("the middleware sets its headers, then the route answers \(app.status)")
            return ServerReply(
                response: ServerResponse(status: app.status, headers: headers + app.headers), notes: notes.notes)
        }
        notes.append("every OPTIONS request is a preflight to the cors package; nothing is checked")
        if !methods.isEmpty { headers.append(HeaderField("Access-Control-Allow-Methods", methods)) }
        if let allowedHeaders, !allowedHeaders.isEmpty {
            headers.append(HeaderField("Access-Control-Allow-Headers", allowedHeaders))
        } else if allowedHeaders == nil {
            vary.append("Access-Control-Request-Headers")
            if varyIndex == nil { varyIndex = headers.count }
            if let requested = request.headers.combinedValue(named: "Access-Control-Request-Headers"),
                !requested.isEmpty
            {
                headers.append(HeaderField("Access-Control-Allow-Headers", requested))
                notes.append("allowedHeaders is unset: Access-Control-Request-Headers is echoed (\(requested))")
            }
        }
        if let maxAge, maxAge != 0 { headers.append(HeaderField("Access-Control-Max-Age", String(maxAge))) }
        if let exposedHeaders, !exposedHeaders.isEmpty {
            headers.append(HeaderField("Access-Control-Expose-Headers", exposedHeaders))
        }
        if let varyIndex {
            headers.insert(HeaderField("Vary", vary.joinedIntoOneBuffer(separator: ", ")), at: varyIndex)
        }
        if preflightContinue {
            let answer = app.optionsAnswer()
            notes.append("preflightContinue: the app answers the OPTIONS request with \(answer.status)")
            return ServerReply(response: ServerResponse(status: answer.status, headers: headers), notes: notes.notes)
        }
        headers.append(HeaderField("Content-Length", "0"))
        return ServerReply(response: ServerResponse(status: optionsSuccessStatus, headers: headers), notes: notes.notes)
    }

    private func matches(_ pattern: OriginPattern, _ origin: String, _ memo: EvaluationMemo) -> Bool {
        pattern.matches(origin, memo: memo)
    }
}
