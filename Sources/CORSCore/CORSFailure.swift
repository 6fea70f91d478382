/// Why a request failed: a script error before sending, or a CORS failure after.
///
/// The cases follow the browsers' own reason taxonomies so each profile can print its exact console text.
public enum CORSFailure: Sendable, Equatable, Hashable {
    // Rejected before anything is sent.
    /// The request URL does not parse in this browser (fetch rejects with a TypeError, XHR `open()` throws a
    /// SyntaxError); `reason` says why. Only `xn--` host labels make browsers disagree on it.
    case invalidURL(reason: String)
    /// The method is not a token.
    case invalidMethod(String)
    /// The method is CONNECT, TRACE or TRACK.
    case forbiddenMethod(String)
    /// A header name is not a token.
    case invalidHeaderName(String)
    /// A header value holds NUL, CR or LF.
    case invalidHeaderValue(name: String)
    /// fetch() with a body on GET or HEAD.
    case bodyOnGetOrHead(String)
    /// A `no-cors` request with a method other than GET, HEAD or POST.
    case methodNotAllowedInNoCORS(String)
    /// fetch() of a URL with a username or password.
    case urlHasCredentials(String)
    /// `mode: "same-origin"` to another origin.
    case disallowedByMode
    /// A scheme CORS requests cannot use (not http or https).
    case schemeNotSupported(String)
    /// An https page asking for an http URL: blocked as mixed content before CORS is even considered.
    case mixedContent

    // Network errors after something was sent.
    /// No `Access-Control-Allow-Origin` at all.
    case missingAllowOrigin(preflight: Bool)
    /// ACAO `*` on a credentialed request.
    case wildcardOriginWithCredentials(preflight: Bool)
    /// Several ACAO values (several lines, or one comma/space-separated list).
    case multipleAllowOriginValues(value: String, lineCount: Int, preflight: Bool)
    /// An ACAO value that is not even a URL (e.g. `*.example.com`).
    case invalidAllowOriginValue(value: String, preflight: Bool)
    /// An ACAO value that differs from the request's origin.
    case allowOriginMismatch(value: String, preflight: Bool)
    /// A credentialed request without `Access-Control-Allow-Credentials: true`.
    case invalidAllowCredentials(value: String, preflight: Bool)
    /// The preflight status is not 200–299.
    case preflightInvalidStatus(Int)
    /// The preflight was answered with a redirect.
    case preflightRedirect(Int)
    /// `Access-Control-Allow-Methods` does not parse: the first bad element and the whole value.
    case invalidAllowMethods(token: String, value: String)
    /// `Access-Control-Allow-Headers` does not parse: the first bad element and the whole value.
    case invalidAllowHeaders(token: String, value: String)
    /// The method is not allowed by the preflight answer.
    case methodNotAllowed(String)
    /// A request header is not allowed by the preflight answer.
    case headerNotAllowed(String)
    /// A redirect `Location` carries a username or password.
    case redirectContainsCredentials(String)
    /// A redirect `Location` is not an http(s) URL.
    case redirectToUnsupportedScheme(String)
    /// A redirect `Location` that does not parse as a URL.
    case invalidRedirectLocation(String)
    /// A redirect to a scheme Chromium never follows from the network (`data:`, `file:`, `blob:`, `about:` …).
    case unsafeRedirect(String)
    /// A response repeats `Content-Length`, `Content-Disposition` or `Location` (the lowercased name) with
    /// different values, which the browser's HTTP layer refuses (see `SingletonHeaderRules`).
    case conflictingHeaderValues(String)
    /// More than 20 redirects.
    case tooManyRedirects
    /// A `mode: "same-origin"` request redirected to another origin.
    case redirectDisallowedByMode

    /// Whether the failure happens before anything is sent (outcome `error`) rather than after (`blocked`).
    public var isBeforeSending: Bool {
        switch self {
        case .invalidURL, .invalidMethod, .forbiddenMethod, .invalidHeaderName, .invalidHeaderValue, .bodyOnGetOrHead,
            .methodNotAllowedInNoCORS, .urlHasCredentials, .disallowedByMode, .schemeNotSupported, .mixedContent:
            return true
        default:
            return false
        }
    }
}
