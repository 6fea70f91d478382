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
    // Read-only.
    case redirects
    /// A middleware preset's name, then one row per line of its `config` and `app`.
    case middleware, middlewareLine(Int)
}
