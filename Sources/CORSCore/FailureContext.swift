/// What a console message needs besides the failure itself.
public struct FailureContext: Sendable, Equatable {
    /// fetch or XHR.
    public var api: RequestAPI
    /// The URL the failure happened at (the last one when redirected).
    public var url: String
    /// The first URL, when the request was redirected.
    public var redirectedFrom: String?
    /// The request's serialized origin (`null` when opaque or tainted).
    public var origin: String
    /// The page's serialized origin, as the script's realm sees it.
    public var pageOrigin: String
    /// The status of the response the failure is about, if any.
    public var status: Int?
    /// The URL as the script wrote it (some exception messages quote it raw).
    public var scriptURL: String
    /// The method of the request that failed (network-error lines name it).
    public var method: String
    /// Whether the response that failed the CORS check was a redirect (Firefox then also logs that the request
    /// did not succeed).
    public var isRedirectResponse: Bool

    /// Creates a context.
    public init(
        api: RequestAPI, url: String, redirectedFrom: String? = nil, origin: String, pageOrigin: String,
        status: Int? = nil, scriptURL: String, method: String = "GET", isRedirectResponse: Bool = false
    ) {
        self.api = api
        self.url = url
        self.redirectedFrom = redirectedFrom
        self.origin = origin
        self.pageOrigin = pageOrigin
        self.status = status
        self.scriptURL = scriptURL
        self.method = method
        self.isRedirectResponse = isRedirectResponse
    }
}
