import CORSCore

/// Switches the server editor between a policy and raw headers.
///
/// Policy to raw starts from exactly the headers the policy sends for the current request (its preflight answer
/// and its actual response), so a user can then break or fix one header at a time. Raw to policy brings back the
/// policy the user had, or one that allows the page's origin.
struct PolicyConversion {
    /// The request being explored.
    var request: BrowserRequest
    /// The current exchange, whose wire requests the policy answers.
    var exchange: Exchange?
    /// The policy in use before the last switch to raw, if any.
    var savedPolicy: CORSPolicy?

    /// The other kind of server.
    func switched(_ behavior: ServerDefinition.Behavior) -> ServerDefinition.Behavior {
        switch behavior {
        case .policy, .middleware:
            let server = ServerDefinition(behavior: behavior)
            let preflight = PolicyResponder.reply(to: preflightRequest, server: server).response
            let response = PolicyResponder.reply(to: actualRequest, server: server).response
            return .raw(preflight: preflight, response: response)
        case .raw:
            if let savedPolicy { return .policy(savedPolicy) }
            let page = request.page.serialized
            return .policy(CORSPolicy(allowOrigins: .list(page == "null" ? [] : [.exact(page)])))
        }
    }

    private var preflightRequest: WireRequest {
        if let preflight = exchange?.preflight { return preflight.request }
        let method = exchange?.prepared?.method ?? request.method
        return WireRequest(
            method: "OPTIONS", url: request.url,
            headers: [
                HeaderField("Origin", request.page.serialized), HeaderField("Access-Control-Request-Method", method),
            ])
    }

    private var actualRequest: WireRequest {
        if let actual = exchange?.steps.first(where: { $0.kind == .actual }) { return actual.request }
        return WireRequest(
            method: exchange?.prepared?.method ?? request.method, url: request.url,
            headers: [HeaderField("Origin", request.page.serialized)])
    }
}
