/// Turns a server definition and an incoming request into the exact response the server sends.
///
/// This is the server's half of an exchange; the browser's half (`CORSEvaluator`) then judges the headers.
public enum PolicyResponder {
    /// The server's answer to `request`; regexes in its configuration are compiled through `memo` (a fresh
    /// cache by default; pass one to reuse it over many requests to the same server).
    ///
    /// At `.verdict` detail the response is the same and `notes` is empty: no note is built.
    public static func reply(
        to request: WireRequest, server: ServerDefinition, memo: EvaluationMemo = EvaluationMemo(),
        detail: EvaluationDetail = .full
    ) -> ServerReply {
        let isPreflight =
            request.method == "OPTIONS" && request.headers.contains(named: "Access-Control-Request-Method")
        if let redirect = server.redirects.first(where: {
            $0.from.equalsIgnoringFragment(request.url) && (!isPreflight || $0.appliesToPreflight)
        }) {
            return redirectReply(redirect, request: request, server: server, memo: memo, detail: detail)
        }
        switch server.behavior {
        case .raw(let preflight, let response):
            if isPreflight {
                guard let preflight else {
                    let notes = NoteLog(
                        detail, "the scenario gives no preflight response, so OPTIONS gets 404 with no headers")
                    return ServerReply(response: ServerResponse(status: 404), notes: notes.notes)
                }
                let notes = NoteLog(detail, "raw preflight response from the scenario")
                return ServerReply(response: preflight, notes: notes.notes)
            }
            return ServerReply(response: response, notes: NoteLog(detail, "raw response from the scenario").notes)
        case .policy(let policy):
            var notes = NoteLog(detail)
            let response =
                isPreflight
                ? preflightResponse(policy, request: request, memo: memo, notes: &notes)
                : actualResponse(policy, request: request, memo: memo, notes: &notes)
            return ServerReply(response: response, notes: notes.notes)
        case .middleware(let configuration):
            return configuration.reply(to: request, memo: memo, detail: detail)
        }
    }

    private static func redirectReply(
        _ redirect: ServerRedirect, request: WireRequest, server: ServerDefinition, memo: EvaluationMemo,
        detail: EvaluationDetail
    ) -> ServerReply {
        let isPreflight =
            request.method == "OPTIONS" && request.headers.contains(named: "Access-Control-Request-Method")
        var notes = NoteLog(
            detail, "the server redirects \(redirect.from) with \(redirect.status) to \(redirect.location)")
        var headers = [HeaderField("Location", redirect.location)] + redirect.headers
        if case .policy(let policy) = server.behavior, redirect.addsCORSHeaders {
            let decision = originHeaders(policy, request: request, memo: memo, notes: &notes)
            headers += decision.headers
            if decision.isAllowed, !policy.exposeHeaders.isEmpty {
                headers.append(
                    HeaderField(
                        "Access-Control-Expose-Headers", policy.exposeHeaders.joinedIntoOneBuffer(separator: ", ")))
            }
        } else if case .middleware(var configuration) = server.behavior, redirect.addsCORSHeaders {
            // The route answers with the redirect, and the middleware treats it as an actual response.
            configuration.app.status = redirect.status
            configuration.app.headers = headers
            let actual = WireRequest(
                method: isPreflight ? "GET" : request.method, url: request.url, headers: request.headers)
            let reply = configuration.reply(to: actual, memo: memo, detail: detail)
            notes.append(contentsOf: reply.notes)
            return ServerReply(response: reply.response, notes: notes.notes)
        } else if case .policy = server.behavior {
            notes.append("the redirect is answered before the CORS middleware runs: no CORS headers")
        } else if case .middleware = server.behavior {
            notes.append("the redirect is answered before the CORS middleware runs: no CORS headers")
        }
        return ServerReply(response: ServerResponse(status: redirect.status, headers: headers), notes: notes.notes)
    }

    private static func preflightResponse(
        _ policy: CORSPolicy, request: WireRequest, memo: EvaluationMemo, notes: inout NoteLog
    ) -> ServerResponse {
        guard policy.optionsRouted else {
            notes.append("OPTIONS is not routed to the CORS handler: \(policy.unroutedStatus) with no CORS headers")
            return ServerResponse(status: policy.unroutedStatus)
        }
        let status = policy.preflightStatus
        let decision = originHeaders(policy, request: request, memo: memo, notes: &notes)
        guard decision.isAllowed else {
            return ServerResponse(status: status, headers: decision.headers)
        }
        if status >= 400 && !policy.headersOnErrors {
            notes.append("the preflight answer is \(status) and the server adds no CORS headers to error responses")
            return ServerResponse(status: status)
        }
        var headers = decision.headers
        if !policy.allowMethods.isEmpty {
            headers.append(
                HeaderField("Access-Control-Allow-Methods", policy.allowMethods.joinedIntoOneBuffer(separator: ", ")))
        }
        switch policy.allowHeaders {
        case .list(let names):
            if !names.isEmpty {
                headers.append(HeaderField("Access-Control-Allow-Headers", names.joinedIntoOneBuffer(separator: ", ")))
            }
        case .wildcard:
            headers.append(HeaderField("Access-Control-Allow-Headers", "*"))
        case .mirror:
            if let requested = request.headers.combinedValue(named: "Access-Control-Request-Headers") {
                headers.append(HeaderField("Access-Control-Allow-Headers", requested))
                notes.append("allow_headers is mirror: the server echoes Access-Control-Request-Headers")
            }
        }
        if let maxAge = policy.maxAge {
            headers.append(HeaderField("Access-Control-Max-Age", String(maxAge)))
        }
        return ServerResponse(status: status, headers: headers)
    }

    private static func actualResponse(
        _ policy: CORSPolicy, request: WireRequest, memo: EvaluationMemo, notes: inout NoteLog
    ) -> ServerResponse {
        let status = policy.actualStatus
        var headers = policy.responseHeaders
        guard policy.headersOnActual else {
            notes.append("the server adds CORS headers to preflights only, not to the actual response")
            return ServerResponse(status: status, headers: headers)
        }
        if status >= 400 && !policy.headersOnErrors {
            notes.append("the response is \(status) and the server adds no CORS headers to error responses")
            return ServerResponse(status: status, headers: headers)
        }
        let decision = originHeaders(policy, request: request, memo: memo, notes: &notes)
        headers += decision.headers
        if decision.isAllowed && !policy.exposeHeaders.isEmpty {
            headers.append(
                HeaderField("Access-Control-Expose-Headers", policy.exposeHeaders.joinedIntoOneBuffer(separator: ", ")))
        }
        return ServerResponse(status: status, headers: headers)
    }

    /// `Access-Control-Allow-Origin`, `-Allow-Credentials` and `Vary`, or nothing when the origin is not allowed.
    private struct OriginDecision {
        var headers: [HeaderField]
        var isAllowed: Bool
    }

    /// The origin headers for `request`; the decision's notes go to `notes`.
    private static func originHeaders(
        _ policy: CORSPolicy, request: WireRequest, memo: EvaluationMemo, notes: inout NoteLog
    ) -> OriginDecision {
        let origin = request.headers.combinedValue(named: "Origin")
        var headers: [HeaderField] = []
        switch policy.allowOrigins {
        case .any:
            headers.append(HeaderField("Access-Control-Allow-Origin", "*"))
            notes.append("allow_origins is *: the server sends the wildcard to everyone")
        case .reflectAny:
            guard let origin else {
                notes.append("no Origin header arrived, so there is nothing to reflect")
                return OriginDecision(headers: [], isAllowed: false)
            }
            headers.append(HeaderField("Access-Control-Allow-Origin", origin))
            notes.append("allow_origins is reflect: the server echoes any Origin, here \(origin)")
        case .list(let patterns):
            guard let origin else {
                notes.append("no Origin header arrived: the server sends no CORS headers")
                return OriginDecision(headers: [], isAllowed: false)
            }
            guard let match = patterns.first(where: { $0.matches(origin, memo: memo) }) else {
                notes.append(
                    "Origin \(origin) matches no allowed origin (\(patterns.map(\.written).joined(separator: ", "))): "
                        + "the server sends no CORS headers")
                let vary = policy.varyOrigin ? [HeaderField("Vary", "Origin")] : []
                return OriginDecision(headers: vary, isAllowed: false)
            }
            headers.append(HeaderField("Access-Control-Allow-Origin", origin))
            if case .exact = match {
                notes.append("Origin \(origin) is in the allow-list: the server echoes it")
            } else {
                notes.append("Origin \(origin) matches \(match.written): the server echoes the exact origin")
            }
        }
        if policy.allowCredentials {
            headers.append(HeaderField("Access-Control-Allow-Credentials", "true"))
        }
        if policy.varyOrigin && policy.allowOrigins != .any {
            headers.append(HeaderField("Vary", "Origin"))
        }
        return OriginDecision(headers: headers, isAllowed: true)
    }
}
