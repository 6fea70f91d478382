import CORSScenarios

/// One editable (or read-only) row of the request or server editor.
public enum FieldID: Sendable, Equatable, Hashable {
    // The request editor.
    case page, url, api, mode, method, credentials
    case requestHeader(Int), addRequestHeader
    case body, uploadListener, cookie
    // The server editor, both kinds.
    case serverKind
    // A policy.
    case origins, methods, allowHeaders, exposeHeaders, allowCredentials, maxAge
    case preflightStatus, optionsRouted, actualStatus, headersOnActual, headersOnErrors, varyOrigin
    case policyResponseHeader(Int), addPolicyResponseHeader
    // Raw responses.
    case rawPreflightStatus, rawPreflightHeader(Int), addRawPreflightHeader
    case rawResponseStatus, rawResponseHeader(Int), addRawResponseHeader
    // A middleware preset: one row per option of its `config` and `app`, by the middleware's own option name, and
    // one per line of a header-list option (nginx `add_header`, the app's `headers`).
    case presetOption(MiddlewareOption.Block, String)
    case presetHeader(MiddlewareOption.Block, String, Int), addPresetHeader(MiddlewareOption.Block, String)
    // Read-only.
    case redirects
    /// One line of what the server sends for this request (its CORS headers), below the server's own rows.
    case sent(Int)
}
