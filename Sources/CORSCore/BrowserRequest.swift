/// What the page's script asks for: the input side of an evaluation.
///
/// The fields live in one shared, immutable box: an evaluation copies the request several times (into the run,
/// into the `Exchange`, once per what-if matrix cell), and copying the box costs one reference count where copying
/// eleven fields cost one per string and array. Setting a field makes a new box.
public struct BrowserRequest: Sendable, Equatable {
    private struct Fields: Sendable, Equatable {
        var page: Origin
        var url: ParsedURL
        var urlText: String?
        var api: RequestAPI
        var mode: RequestMode
        var method: String
        var headers: [HeaderField]
        var credentials: CredentialsMode
        var body: String?
        var hasUploadListener: Bool
        var cookie: String?
    }

    private final class Box: Sendable {
        let fields: Fields

        init(_ fields: Fields) { self.fields = fields }
    }

    private var box: Box

    private var fields: Fields {
        get { box.fields }
        set { box = Box(newValue) }
    }

    /// The origin of the page that runs the script (`.opaque` for sandboxed, data: or file: pages).
    public var page: Origin {
        get { box.fields.page }
        set { fields.page = newValue }
    }

    /// The URL the script requests.
    public var url: ParsedURL {
        get { box.fields.url }
        set { fields.url = newValue }
    }

    /// The URL exactly as the script wrote it (some exception messages quote it raw); nil means `url`'s text.
    public var urlText: String? {
        get { box.fields.urlText }
        set { fields.urlText = newValue }
    }

    /// `fetch` or `xhr`.
    public var api: RequestAPI {
        get { box.fields.api }
        set { fields.api = newValue }
    }

    /// The fetch mode (XHR is always `cors`).
    public var mode: RequestMode {
        get { box.fields.mode }
        set { fields.mode = newValue }
    }

    /// The method as the script wrote it; the evaluator normalizes it.
    public var method: String {
        get { box.fields.method }
        set { fields.method = newValue }
    }

    /// The headers the script sets, in order; a name may repeat.
    public var headers: [HeaderField] {
        get { box.fields.headers }
        set { fields.headers = newValue }
    }

    /// The credentials mode.
    public var credentials: CredentialsMode {
        get { box.fields.credentials }
        set { fields.credentials = newValue }
    }

    /// A string body, or nil.
    public var body: String? {
        get { box.fields.body }
        set { fields.body = newValue }
    }

    /// XHR only: whether listeners are registered on `xhr.upload` before `send()`.
    public var hasUploadListener: Bool {
        get { box.fields.hasUploadListener }
        set { fields.hasUploadListener = newValue }
    }

    /// The cookie the browser holds for the target, sent only when credentials are included; nil when it has none.
    public var cookie: String? {
        get { box.fields.cookie }
        set { fields.cookie = newValue }
    }

    /// Creates a request; everything but the page and URL has the browser's default.
    public init(
        page: Origin, url: ParsedURL, urlText: String? = nil, api: RequestAPI = .fetch, mode: RequestMode = .cors,
        method: String = "GET",
        headers: [HeaderField] = [], credentials: CredentialsMode = .sameOrigin, body: String? = nil,
        hasUploadListener: Bool = false, cookie: String? = nil
    ) {
        box = Box(
            Fields(
                page: page, url: url, urlText: urlText, api: api, mode: mode, method: method, headers: headers,
                credentials: credentials, body: body, hasUploadListener: hasUploadListener, cookie: cookie))
    }

    /// Whether every field is equal.
    public static func == (lhs: BrowserRequest, rhs: BrowserRequest) -> Bool {
        lhs.box === rhs.box || lhs.box.fields == rhs.box.fields
    }
}
