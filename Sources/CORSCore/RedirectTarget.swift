/// Where a response sends the request next, as the chosen browser reads its status and `Location`.
enum RedirectTarget: Equatable {
    /// Not a redirect: the status is not one browsers follow, or there is no `Location` to follow.
    case none
    /// A `Location` that resolves to a URL (of any scheme).
    case url(ParsedURL, location: String)
    /// A `Location` that does not parse as a URL against the current one.
    case invalid(location: String)

    /// The target of `response` to a request for `url`.
    ///
    /// Chromium follows the first `Location` line that is not empty and ignores empty ones
    /// (`HttpResponseHeaders::IsRedirect`), so a 302 with only `Location: ` is an ordinary response there. Firefox
    /// takes the line (repeats of one value count once); the standard and Safari the combined value. An empty one
    /// resolves to the current URL.
    static func of(_ response: ServerResponse, from url: ParsedURL, browser: BrowserProfile) -> RedirectTarget {
        guard let location = location(in: response, browser: browser) else { return .none }
        guard let resolved = try? url.resolving(location, profile: browser) else { return .invalid(location: location) }
        return .url(resolved, location: location)
    }

    /// The `Location` value `browser` follows in `response`, not yet resolved; nil when it is no redirect.
    static func location(in response: ServerResponse, browser: BrowserProfile) -> String? {
        guard HTTPStatus.isRedirect(response.status) else { return nil }
        let lines = response.headers.lazy.filter { $0.hasName("Location") }.map(\.value.trimmingHTTPWhitespace)
        switch browser {
        case .chromium: return lines.first { !$0.isEmpty }
        // Repeated lines all have one value here, or `SingletonHeaderRules` refused the response.
        case .firefox: return lines.first
        case .safari, .spec: return response.headers.combinedValue(named: "Location")
        }
    }

    /// Schemes Chromium never redirects to from the network (`IsSafeRedirectTarget`): the request fails with
    /// `ERR_UNSAFE_REDIRECT` after the redirect passed its CORS check. Other schemes are followed and then fail
    /// the new request's scheme check.
    static let chromiumUnsafeSchemes: Set<String> = [
        "about", "blob", "data", "file", "filesystem", "chrome", "chrome-untrusted", "devtools",
    ]

    /// Schemes Firefox refuses as redirect targets before its CORS listener sees the redirect (measured in Firefox
    /// 153): the console says only that the request did not succeed, whatever the 3xx's CORS headers.
    static let firefoxRefusedSchemes: Set<String> = ["data", "javascript"]

    /// Whether the `Location` text names one of `firefoxRefusedSchemes` (it is absolute, so its scheme leads).
    static func isRefusedByFirefox(_ location: String) -> Bool {
        let text = location.trimmingHTTPWhitespace.asciiLowercased
        return firefoxRefusedSchemes.contains { text.hasPrefix($0 + ":") }
    }
}
