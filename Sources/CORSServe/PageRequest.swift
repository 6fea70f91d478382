import CORSCore

/// The scenario's request as the test page's script reads it.
struct PageRequest: Codable, Sendable, Equatable {
    var api: String
    var url: String
    var method: String
    var mode: String
    var credentials: String
    var headers: [[String]]
    var body: String?
    var uploadListener: Bool
    /// The cookie to set first, one `name=value` per item; empty for none.
    var cookies: [String]
    /// Where the cookie is set: the origin of the request's URL.
    var cookieOrigin: String
    /// Seconds to wait after the first run before sending the same request again (the scenario's
    /// `repeat_after`); nil to send it once.
    var repeatAfter: Double?

    init(_ request: BrowserRequest, repeatAfter: Double? = nil) {
        api = request.api.rawValue
        url = request.urlText ?? request.url.description
        method = request.method
        mode = request.mode.rawValue
        credentials = request.credentials.rawValue
        headers = request.headers.map { [$0.name, $0.value] }
        body = request.body
        uploadListener = request.hasUploadListener
        cookies = (request.cookie ?? "").split(separator: ";").map { String($0).trimmingHTTPWhitespace }
            .filter { !$0.isEmpty }
        cookieOrigin = request.url.origin.serialized
        self.repeatAfter = repeatAfter
    }
}
