import CORSCore
import CORSScenarios

/// Switches the server editor between a policy, raw headers and the middleware presets.
///
/// To raw headers starts from exactly the headers the server sends for the current request (its preflight answer
/// and its actual response), so a user can then break or fix one header at a time. To a preset translates the
/// policy the user had (`PresetTranslation`), or restores the preset as the user left it. To a policy restores the
/// policy the user had, or one that allows the page's origin.
struct ServerConversion {
    /// The request being explored.
    var request: BrowserRequest
    /// The current exchange, whose wire requests the server answers.
    var exchange: Exchange?
    /// What earlier switches left behind.
    var memory: ServerMemory

    /// Leaves `behavior` for `kind`: the new behavior and a status line saying where it came from.
    mutating func switching(_ behavior: ServerDefinition.Behavior, to kind: ServerKind)
        -> (ServerDefinition.Behavior, String)
    {
        remember(behavior)
        switch kind {
        case .raw:
            memory.rawSource = ServerKind(behavior)
            return (
                rawAnswers(of: behavior),
                "Raw headers: starting from exactly what the \(sourceName(behavior)) sent; m switches back"
            )
        case .policy:
            if let policy = memory.savedPolicy { return (.policy(policy), "CORS policy") }
            let page = request.page.serialized
            return (.policy(CORSPolicy(allowOrigins: .list(page == "null" ? [] : [.exact(page)]))), "CORS policy")
        case .preset(let name):
            if let saved = memory.savedPresets[name] { return (.middleware(saved), "\(name): as you left it") }
            if let policy = memory.savedPolicy,
                let translation = PresetTranslation(
                    policy: policy, presetName: name, page: request.page.serialized,
                    requestedHeaders: requestedHeaders)
            {
                // What the preset cannot say matters more than the fact of the translation: it comes first.
                let message =
                    translation.notes.isEmpty
                    ? "\(name): translated from the policy"
                    : "From the policy: " + translation.notes.joined(separator: "; ")
                return (.middleware(translation.configuration), message)
            }
            let defaults =
                MiddlewareOptionEditor.defaultConfiguration(named: name)
                ?? MiddlewareConfiguration(preset: .nginx(NginxCORS()))
            return (.middleware(defaults), "\(name) with its own defaults (no policy to translate)")
        }
    }

    /// Keeps what the user is leaving, to restore it later.
    mutating func remember(_ behavior: ServerDefinition.Behavior) {
        switch behavior {
        case .policy(let policy):
            if memory.savedPolicy != policy { memory.savedPresets = [:] }
            memory.savedPolicy = policy
        case .middleware(let configuration):
            memory.savedPresets[configuration.preset.name] = configuration
        case .raw:
            break
        }
    }

    private func sourceName(_ behavior: ServerDefinition.Behavior) -> String {
        if case .middleware(let configuration) = behavior { return configuration.preset.name }
        return "policy"
    }

    /// The fixed answers `behavior` gives this request's preflight and actual request.
    private func rawAnswers(of behavior: ServerDefinition.Behavior) -> ServerDefinition.Behavior {
        guard case .raw = behavior else {
            let server = ServerDefinition(behavior: behavior)
            let preflight = PolicyResponder.reply(to: preflightRequest, server: server).response
            let response = PolicyResponder.reply(to: actualRequest, server: server).response
            return .raw(preflight: preflight, response: response)
        }
        return behavior
    }

    /// The header names this request's preflight asks for.
    private var requestedHeaders: [String] {
        let value = preflightRequest.headers.combinedValue(named: "Access-Control-Request-Headers") ?? ""
        return value.split(separator: ",").map { String($0).trimmingHTTPWhitespace }.filter { !$0.isEmpty }
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
