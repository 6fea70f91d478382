/// What the page's script asks for: the input side of an evaluation.
public struct BrowserRequest: Sendable, Equatable {
    /// The origin of the page that runs the script (`.opaque` for sandboxed, data: or file: pages).
    public var page: Origin
    /// The URL the script requests.
    public var url: ParsedURL
    /// The URL exactly as the script wrote it (some exception messages quote it raw); nil means `url`'s text.
    public var urlText: String?
    /// `fetch` or `xhr`.
    public var api: RequestAPI
    /// The fetch mode (XHR is always `cors`).
    public var mode: RequestMode
    /// The method as the script wrote it; the evaluator normalizes it.
    public var method: String
    /// The headers the script sets, in order; a name may repeat.
    public var headers: [HeaderField]
    /// The credentials mode.
    public var credentials: CredentialsMode
    /// A string body, or nil.
    public var body: String?
    /// XHR only: whether listeners are registered on `xhr.upload` before `send()`.
    public var hasUploadListener: Bool
    /// The cookie the browser holds for the target, sent only when credentials are included; nil when it has none.
    public var cookie: String?

    /// Creates a request; everything but the page and URL has the browser's default.
    public init(
        page: Origin, url: ParsedURL, urlText: String? = nil, api: RequestAPI = .fetch, mode: RequestMode = .cors,
        method: String = "GET",
        headers: [HeaderField] = [], credentials: CredentialsMode = .sameOrigin, body: String? = nil,
        hasUploadListener: Bool = false, cookie: String? = nil
    ) {
        self.page = page
        self.url = url
        self.urlText = urlText
        self.api = api
        self.mode = mode
        self.method = method
        self.headers = headers
        self.credentials = credentials
        self.body = body
        self.hasUploadListener = hasUploadListener
        self.cookie = cookie
    }
}
