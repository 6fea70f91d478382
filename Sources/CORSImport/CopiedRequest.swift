import CORSCore

/// A request as a browser's DevTools copied it: every header on the wire, before sorting out the script's own.
public struct CopiedRequest: Sendable, Equatable {
    /// The method.
    public var method: String
    /// The URL as copied.
    public var url: String
    /// Every header line, in copied order.
    public var headers: [HeaderField]
    /// The body, if any.
    public var body: String?
    /// A cookie given apart from the headers (`curl -b`), if any.
    public var cookie: String?

    /// Creates a copied request.
    public init(method: String, url: String, headers: [HeaderField], body: String? = nil, cookie: String? = nil) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.cookie = cookie
    }

    /// The script's request: the page origin from `Origin`, else `origin`, else the `Referer`'s origin; the
    /// browser-added headers left out, each reported in `notes`.
    public func browserRequest(origin override: String?, notes: inout [String]) throws(ImportError) -> BrowserRequest {
        let parsedURL: ParsedURL
        do {
            parsedURL = try ParsedURL.parseForAnyBrowser(url)
        } catch {
            throw ImportError("the URL '\(Escaping.visible(url))' is not a valid URL: \(error)")
        }
        guard parsedURL.isHTTP else {
            throw ImportError("the URL '\(Escaping.visible(url))' is not http or https")
        }
        let sorted = CopiedHeaders(headers)
        let page = try pageOrigin(sorted: sorted, override: override, notes: &notes)
        for dropped in sorted.dropped {
            notes.append(
                "dropped header '\(Escaping.visible(dropped.field.name)): \(Escaping.visible(dropped.field.value))': "
                    + dropped.reason)
        }
        let cookies = [cookie, sorted.cookie].compactMap { $0 }
        var request = BrowserRequest(
            page: page, url: parsedURL, urlText: url, method: method, headers: sorted.script, body: body)
        if !cookies.isEmpty {
            request.cookie = cookies.joined(separator: "; ")
            request.credentials = .include
            notes.append("the copy sends a cookie: credentials include")
        } else {
            notes.append("the copy sends no cookie: credentials same-origin (the fetch default)")
        }
        return request
    }

    private func pageOrigin(sorted: CopiedHeaders, override: String?, notes: inout [String])
        throws(ImportError) -> Origin
    {
        let candidates: [(text: String?, source: String)] = [
            (sorted.origin, "the Origin header"), (override, "--origin"), (sorted.referer, "the Referer's origin"),
        ]
        for (text, source) in candidates {
            guard let text else { continue }
            do {
                let origin = try Origin.parse(text.trimmingHTTPWhitespace)
                notes.append("page origin \(origin.serialized), from \(source)")
                return origin
            } catch {
                throw ImportError("\(source) '\(Escaping.visible(text))' is not an origin: \(error)")
            }
        }
        throw ImportError(
            "the copy names no page origin (no Origin or Referer header): give it with --origin https://your.page")
    }
}
