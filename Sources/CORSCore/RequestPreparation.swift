/// The script-side preparation of a request (method, header and body rules, the CORS-unsafe header list), kept
/// for evaluations of requests that differ only in what preparation does not read: the page, the credentials
/// mode and the cookie.
///
/// The what-if matrix prepares each column's request once and evaluates it from every row's page. An evaluation
/// given a preparation made for another request (other method, headers, body, URL, API, mode or upload listener),
/// another browser or another detail level ignores it and prepares the request itself, so a wrong one can cost
/// time but never change a result. It is a class so that every cell of a matrix column shares one by reference
/// instead of copying its fields.
public final class RequestPreparation: Sendable {
    let api: RequestAPI
    let url: ParsedURL
    /// `url.description`, made once for every evaluation that uses this preparation.
    let urlDescription: String
    /// `url.hostHeader`, made once likewise.
    let hostHeader: String
    /// The URL as the script wrote it (its validity per profile, and error messages, read it).
    let urlText: String?
    let mode: RequestMode
    let method: String
    let headers: [HeaderField]
    let body: String?
    let hasUploadListener: Bool
    let browser: BrowserProfile
    let detail: EvaluationDetail
    /// What `RequestPreparer.prepare` answered.
    let result: RequestPreparer.Result

    /// Prepares `request` as `browser` does, at `detail`.
    public init(_ request: BrowserRequest, browser: BrowserProfile, detail: EvaluationDetail = .full) {
        api = request.api
        url = request.url
        urlDescription = request.url.description
        hostHeader = request.url.hostHeader
        urlText = request.urlText
        mode = request.mode
        method = request.method
        headers = request.headers
        body = request.body
        hasUploadListener = request.hasUploadListener
        self.browser = browser
        self.detail = detail
        result = RequestPreparer.prepare(request, browser: browser, detail: detail)
    }

    /// Whether this preparation is the one `request` would get as `browser` at `detail`: every field preparation
    /// reads is equal.
    func applies(to request: BrowserRequest, browser: BrowserProfile, detail: EvaluationDetail) -> Bool {
        self.browser == browser && self.detail == detail && api == request.api && mode == request.mode
            && hasUploadListener == request.hasUploadListener && method == request.method && body == request.body
            && headers == request.headers && url == request.url && urlText == request.urlText
    }
}
