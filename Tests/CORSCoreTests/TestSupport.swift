import CORSCore
import Testing

/// The page origin most tests run from.
let appOrigin = "https://app.example"
/// The cross-origin URL most tests request.
let apiURL = "https://api.example/x"

/// The browsers that differ from the literal spec profile.
let realBrowsers: [BrowserProfile] = [.chromium, .firefox, .safari]

/// Builds a script request tersely; page and URL are parsed the way scenarios parse them.
func makeRequest(
    page: String = appOrigin, url: String = apiURL, api: RequestAPI = .fetch, mode: RequestMode = .cors,
    method: String = "GET", headers: [(String, String)] = [], credentials: CredentialsMode = .sameOrigin,
    body: String? = nil, uploadListener: Bool = false, cookie: String? = nil
) throws -> BrowserRequest {
    BrowserRequest(
        page: try Origin.parse(page), url: try ParsedURL.parseForAnyBrowser(url), api: api, mode: mode, method: method,
        headers: fields(headers), credentials: credentials, body: body, hasUploadListener: uploadListener,
        cookie: cookie)
}

/// Header lines from name/value pairs.
func fields(_ pairs: [(String, String)]) -> [HeaderField] {
    pairs.map { HeaderField($0.0, $0.1) }
}

/// A response with a status and header lines.
func response(_ status: Int = 200, _ headers: [(String, String)] = []) -> ServerResponse {
    ServerResponse(status: status, headers: fields(headers))
}

/// A server that answers with fixed responses. `preflight: nil` makes OPTIONS a bare 404.
func rawServer(
    preflight: ServerResponse? = nil, actual: ServerResponse = response(200, [("Access-Control-Allow-Origin", "*")]),
    redirects: [ServerRedirect] = []
) -> ServerDefinition {
    ServerDefinition(behavior: .raw(preflight: preflight, response: actual), redirects: redirects)
}

/// A redirect from `from` to `location`, with extra header lines on the 3xx.
func redirect(
    from: String, to location: String, status: Int = 302,
    headers: [(String, String)] = [("Access-Control-Allow-Origin", "*")]
) throws -> ServerRedirect {
    ServerRedirect(
        from: try ParsedURL.parseForAnyBrowser(from), location: location, status: status, headers: fields(headers))
}

/// Evaluates with the spec profile unless told otherwise.
func run(
    _ request: BrowserRequest, _ server: ServerDefinition, browser: BrowserProfile = .spec,
    cache: PreflightCache = PreflightCache(), at now: Double = 0
) -> Exchange {
    CORSEvaluator.evaluate(request, server: server, browser: browser, cache: cache, at: now)
}

/// A preflight answer that allows everything a non-credentialed request could need.
let permissivePreflight = response(
    200,
    [
        ("Access-Control-Allow-Origin", "*"), ("Access-Control-Allow-Methods", "*"),
        ("Access-Control-Allow-Headers", "*"),
    ])

extension ExchangeStep {
    /// The combined value of a request header on this step's wire request.
    func requestHeader(_ name: String) -> String? { request.headers.combinedValue(named: name) }
}

extension Exchange {
    /// The kinds of the steps, in order.
    var stepKinds: [StepKind] { steps.map(\.kind) }
    /// The actual requests, in order (one per hop).
    var actualSteps: [ExchangeStep] { steps.filter { $0.kind == .actual } }
}
