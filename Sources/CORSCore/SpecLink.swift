/// Links into the Fetch standard for each rule.
public enum SpecLink {
    static let base = "https://fetch.spec.whatwg.org/#"
    /// The CORS check on a response.
    public static let corsCheck = base + "cors-check"
    /// The CORS-preflight fetch.
    public static let preflightFetch = base + "cors-preflight-fetch"
    /// The preflight cache.
    public static let preflightCache = base + "cors-preflight-cache"
    /// CORS-safelisted methods.
    public static let safelistedMethod = base + "cors-safelisted-method"
    /// Forbidden methods.
    public static let forbiddenMethod = base + "forbidden-method"
    /// Method normalization.
    public static let normalizeMethod = base + "concept-method-normalize"
    /// Forbidden request headers.
    public static let forbiddenHeader = base + "forbidden-request-header"
    /// CORS-safelisted request headers.
    public static let safelistedHeader = base + "cors-safelisted-request-header"
    /// CORS-unsafe request-header names.
    public static let unsafeHeaderNames = base + "cors-unsafe-request-header-names"
    /// The no-cors header guard.
    public static let noCORSSafelisted = base + "no-cors-safelisted-request-header"
    /// The main fetch algorithm (modes, tainting).
    public static let mainFetch = base + "main-fetch"
    /// HTTP-redirect fetch.
    public static let redirectFetch = base + "http-redirect-fetch"
    /// Origin tainting across redirects.
    public static let taintedOrigin = base + "concept-request-tainted-origin"
    /// Which response headers a script can read.
    public static let safelistedResponseHeader = base + "cors-safelisted-response-header-name"
    /// `Access-Control-Expose-Headers` and friends.
    public static let httpResponses = base + "http-responses"
    /// The `Origin` header.
    public static let originHeader = base + "origin-header"
    /// Credentials and the CORS protocol.
    public static let credentials = base + "cors-protocol-and-credentials"
    /// Extracting a body's Content-Type.
    public static let bodyContentType = base + "concept-bodyinit-extract"
    /// The `Headers` class and its guards.
    public static let headersClass = base + "headers-class"
    /// Opaque filtered responses.
    public static let opaqueResponse = base + "concept-filtered-response-opaque"
}
