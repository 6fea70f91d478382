/// The console lines each browser prints for a failure, word for word.
///
/// Sources: Chromium `cors_error_string.cc`, `request.cc`, `fetch_manager.cc`; Firefox `security.properties`,
/// `Errors.msg`; WebKit `CrossOriginAccessControl.cpp`, `ThreadableLoader.cpp`. The `spec` profile prints nothing:
/// the standard defines no console text.
public enum ConsoleMessages {
    /// The console lines for `failure`, in the order the browser prints them.
    public static func lines(for failure: CORSFailure, context: FailureContext, browser: BrowserProfile) -> [String] {
        switch browser {
        case .chromium: return chromium(failure, context)
        case .firefox: return firefox(failure, context)
        case .safari: return safari(failure, context)
        case .spec: return []
        }
    }

    /// The message of the rejection the script sees (what `catch (e)` gets as `e.message`), or nil for XHR,
    /// which signals failure through an `error` event and status 0.
    public static func scriptError(for failure: CORSFailure, context: FailureContext, browser: BrowserProfile)
        -> String?
    {
        switch failure {
        case .disallowedByMode, .schemeNotSupported, .mixedContent:
            return networkErrorText(browser, api: context.api)
        case _ where failure.isBeforeSending:
            return lines(for: failure, context: context, browser: browser.realBrowser).first
        default:
            return networkErrorText(browser, api: context.api)
        }
    }

    /// The line `XMLHttpRequest.setRequestHeader()` prints when it refuses a forbidden header, or nil when the
    /// browser refuses it silently.
    ///
    /// Chromium (`xml_http_request.cc`) and WebKit (`XMLHttpRequest.cpp`) log the name as the script wrote it;
    /// Firefox only warns in debug builds, and `fetch()` drops forbidden headers silently everywhere.
    public static func refusedHeader(_ name: String, browser: BrowserProfile) -> String? {
        switch browser {
        case .chromium, .safari: return "Refused to set unsafe header \"\(name)\""
        case .firefox, .spec: return nil
        }
    }

    private static func networkErrorText(_ browser: BrowserProfile, api: RequestAPI) -> String? {
        guard api == .fetch else { return nil }
        switch browser {
        case .chromium: return "TypeError: Failed to fetch"
        case .firefox: return "TypeError: NetworkError when attempting to fetch resource."
        case .safari: return "TypeError: Load failed"
        case .spec: return "TypeError (network error)"
        }
    }

    // MARK: Chromium

    /// Chromium's kCorsDisabledScheme text. The list is the build's CORS-enabled schemes: Chromium 156's.
    private static let chromiumCORSSchemes =
        "Cross origin requests are only supported for protocol schemes: chrome, chrome-experimental-site-token-provider, chrome-extension, chrome-untrusted, data, http, https, isolated-app."
    private static let chromiumFetchFailed = "TypeError: Failed to fetch"
    private static let chromiumPreflightPrefix = "Response to preflight request doesn't pass access control check: "
    private static let chromiumNoCORSInfo = " Have the server send the header with a valid value."
    private static let chromiumWithCredentialsInfo =
        " The credentials mode of requests initiated by the XMLHttpRequest is controlled by the withCredentials attribute."

    private static func chromium(_ failure: CORSFailure, _ context: FailureContext) -> [String] {
        let isFetch = context.api == .fetch
        let fetchPrefix = "Failed to execute 'fetch' on 'Window': "
        let xhrOpenPrefix = "Failed to execute 'open' on 'XMLHttpRequest': "
        let xhrHeaderPrefix = "Failed to execute 'setRequestHeader' on 'XMLHttpRequest': "
        switch failure {
        case .invalidURL:
            return isFetch
                ? ["TypeError: \(fetchPrefix)Failed to parse URL from \(context.scriptURL)"]
                : ["SyntaxError: \(xhrOpenPrefix)Invalid URL"]
        case .invalidMethod(let method):
            return isFetch
                ? ["TypeError: \(fetchPrefix)'\(method)' is not a valid HTTP method."]
                : ["SyntaxError: \(xhrOpenPrefix)'\(method)' is not a valid HTTP method."]
        case .forbiddenMethod(let method):
            return isFetch
                ? ["TypeError: \(fetchPrefix)'\(method)' HTTP method is unsupported."]
                : ["SecurityError: \(xhrOpenPrefix)'\(method)' HTTP method is unsupported."]
        case .invalidHeaderName(let name):
            return isFetch
                ? ["TypeError: \(fetchPrefix)Invalid name"]
                : ["SyntaxError: \(xhrHeaderPrefix)'\(name)' is not a valid HTTP header field name."]
        case .invalidHeaderValue:
            return isFetch
                ? ["TypeError: \(fetchPrefix)Invalid value"]
                : ["SyntaxError: \(xhrHeaderPrefix)The value provided is not a valid HTTP header field value."]
        case .bodyOnGetOrHead:
            return ["TypeError: \(fetchPrefix)Request with GET/HEAD method cannot have body."]
        case .methodNotAllowedInNoCORS(let method):
            return ["TypeError: \(fetchPrefix)'\(method)' is unsupported in no-cors mode."]
        case .urlHasCredentials:
            return [
                "TypeError: \(fetchPrefix)Request cannot be constructed from a URL that includes credentials: \(context.scriptURL)"
            ]
        // Refused before sending with a message of the browser's own; the rejection follows it when uncaught.
        case .disallowedByMode:
            return [
                "Fetch API cannot load \(context.url). Request mode is \"same-origin\" but the URL's origin is not same as the request origin \(context.pageOrigin).",
                chromiumFetchFailed,
            ]
        case .mixedContent:
            return [
                "Mixed Content: The page at '\(context.pageOrigin)/' was loaded over HTTPS, but requested an insecure resource '\(context.url)'. This request has been blocked; the content must be served over HTTPS."
            ] + (isFetch ? [chromiumFetchFailed] : [])
        // Network errors, not CORS errors: DevTools lists the failed request, and no CORS message is logged.
        case .tooManyRedirects:
            return ["\(context.method) \(context.url) net::ERR_TOO_MANY_REDIRECTS"]
        case .invalidRedirectLocation:
            return ["\(context.method) \(context.url) net::ERR_INVALID_REDIRECT"]
        case .unsafeRedirect:
            return ["\(context.method) \(context.url) net::ERR_UNSAFE_REDIRECT"]
        // A same-origin request redirected away: Chromium logs no CORS message for its own mode check.
        case .redirectDisallowedByMode:
            return ["\(context.method) \(context.url) net::ERR_FAILED"]
        case .conflictingHeaderValues(let name):
            let code = String(name.asciiUppercased.map { $0 == "-" ? "_" : $0 })
            return ["\(context.method) \(context.url) net::ERR_RESPONSE_HEADERS_MULTIPLE_\(code)"]
        case .schemeNotSupported(let scheme):
            if isFetch {
                return [
                    "Fetch API cannot load \(context.url). URL scheme \"\(scheme)\" is not supported.",
                    chromiumFetchFailed,
                ]
            }
            return [
                chromiumBlocked(
                    context,
                    chromiumCORSSchemes
                )
            ]
        default:
            return [chromiumBlocked(context, chromiumReason(failure, isFetch: isFetch))]
        }
    }

    private static func chromiumBlocked(_ context: FailureContext, _ reason: String) -> String {
        var text = "Access to \(context.api.consoleName) at '\(context.url)'"
        if let initial = context.redirectedFrom { text += " (redirected from '\(initial)')" }
        return text + " from origin '\(context.pageOrigin)' has been blocked by CORS policy: " + reason
    }

    private static func chromiumReason(_ failure: CORSFailure, isFetch: Bool) -> String {
        let noCORSInfo = isFetch ? chromiumNoCORSInfo : ""
        let credentialsInfo = isFetch ? "" : chromiumWithCredentialsInfo
        func prefix(_ preflight: Bool) -> String { preflight ? chromiumPreflightPrefix : "" }
        switch failure {
        case .missingAllowOrigin(let preflight):
            return prefix(preflight) + "No 'Access-Control-Allow-Origin' header is present on the requested resource."
        case .wildcardOriginWithCredentials(let preflight):
            return prefix(preflight)
                + "The value of the 'Access-Control-Allow-Origin' header in the response must not be the wildcard '*' when the request's credentials mode is 'include'."
                + credentialsInfo
        case .multipleAllowOriginValues(let value, _, let preflight):
            return prefix(preflight)
                + "The 'Access-Control-Allow-Origin' header contains multiple values '\(Escaping.chromiumHint(value))', but only one is allowed."
                + noCORSInfo
        case .invalidAllowOriginValue(let value, let preflight):
            return prefix(preflight)
                + "The 'Access-Control-Allow-Origin' header contains the invalid value '\(Escaping.chromiumHint(value))'."
                + noCORSInfo
        case .allowOriginMismatch(let value, let preflight):
            return prefix(preflight)
                + "The 'Access-Control-Allow-Origin' header has a value '\(Escaping.chromiumHint(value))' that is not equal to the supplied origin."
                + noCORSInfo
        case .invalidAllowCredentials(let value, let preflight):
            return prefix(preflight)
                + "The value of the 'Access-Control-Allow-Credentials' header in the response is '\(Escaping.chromiumHint(value))' which must be 'true' when the request's credentials mode is 'include'."
                + credentialsInfo
        case .preflightInvalidStatus:
            return chromiumPreflightPrefix + "It does not have HTTP ok status."
        case .preflightRedirect:
            return chromiumPreflightPrefix + "Redirect is not allowed for a preflight request."
        case .invalidAllowMethods:
            return "Cannot parse Access-Control-Allow-Methods response header field in preflight response."
        case .invalidAllowHeaders:
            return "Cannot parse Access-Control-Allow-Headers response header field in preflight response."
        case .methodNotAllowed(let method):
            return "Method \(method) is not allowed by Access-Control-Allow-Methods in preflight response."
        case .headerNotAllowed(let name):
            return
                "Request header field \(name.asciiLowercased) is not allowed by Access-Control-Allow-Headers in preflight response."
        case .redirectContainsCredentials:
            // Chromium's CorsErrorStatus for this error carries no parameter: the location is always empty.
            return
                "Redirect location '' contains a username and password, which is disallowed for cross-origin requests."
        case .redirectToUnsupportedScheme:
            return
                chromiumCORSSchemes
        default:
            return "The response is invalid."
        }
    }

    // MARK: Firefox

    private static func firefox(_ failure: CORSFailure, _ context: FailureContext) -> [String] {
        let prefix = "Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at "
        func blocked(_ reason: String, status: String? = nil, quotedURL: Bool = false, at other: String? = nil)
            -> String
        {
            let url = quotedURL ? "‘\(context.url)’" : other ?? context.url
            return prefix + url + ". (Reason: " + reason + ")" + (status.map { ". Status code: \($0)." } ?? ".")
        }
        let didNotSucceed = blocked("CORS request did not succeed", status: "(null)")
        // A failed preflight adds that the request did not succeed, and a failed redirect answer adds it once more
        // for the redirect it refused (measured in Firefox 153: a 3xx preflight answer without CORS headers logs it
        // twice).
        func accessFailure(_ line: String, preflight: Bool) -> [String] {
            [line] + Array(repeating: didNotSucceed, count: (preflight ? 1 : 0) + (context.isRedirectResponse ? 1 : 0))
        }
        let status = context.status.map(String.init) ?? "(null)"
        let method = "Window.fetch: "
        switch failure {
        case .invalidURL:
            return context.api == .fetch
                ? ["TypeError: \(method)\(context.scriptURL) is not a valid URL."]
                : ["SyntaxError: XMLHttpRequest.open: '\(context.scriptURL)' is not a valid URL."]
        case .invalidMethod(let name), .forbiddenMethod(let name), .methodNotAllowedInNoCORS(let name):
            if context.api == .xhr {
                if case .forbiddenMethod = failure { return ["SecurityError: The operation is insecure."] }
                return ["SyntaxError: An invalid or illegal string was specified"]
            }
            return ["TypeError: \(method)Invalid request method \(name)."]
        case .invalidHeaderName(let name):
            return context.api == .fetch
                ? ["TypeError: \(method)\(name) is an invalid header name."]
                : ["SyntaxError: An invalid or illegal string was specified"]
        case .invalidHeaderValue(let name):
            return context.api == .fetch
                ? [
                    "TypeError: \(method)Cannot convert value in record<ByteString, ByteString> branch of (sequence<sequence<ByteString>> or record<ByteString, ByteString>) to ByteString because the character at index 0 has value that is not a valid header value for \(name)."
                ]
                : ["SyntaxError: An invalid or illegal string was specified"]
        case .bodyOnGetOrHead:
            return ["TypeError: \(method)HEAD or GET Request cannot have a body."]
        case .urlHasCredentials:
            return ["TypeError: \(method)\(context.scriptURL) is an url with embedded credentials."]
        case .disallowedByMode, .redirectDisallowedByMode:
            // After a redirect the line names the new URL (measured in Firefox 153 over WebDriver BiDi).
            return ["Security Error: Content at \(context.pageOrigin)/ may not load data from \(context.url)."]
        case .mixedContent:
            return ["Blocked loading mixed active content “\(context.url)”"]
        case .schemeNotSupported:
            return [blocked("CORS request not http")]
        case .redirectToUnsupportedScheme(let location):
            // A data: or javascript: target is refused before the CORS listener sees it; another scheme reaches
            // the listener, which names the new URL, and the redirected request then fails (measured in Firefox 153).
            if RedirectTarget.isRefusedByFirefox(location) { return [didNotSucceed] }
            return [
                blocked("CORS request not http"),
                blocked("CORS request did not succeed", status: "(null)", at: context.redirectedFrom),
            ]
        case .missingAllowOrigin(let preflight):
            let line = blocked("CORS header ‘Access-Control-Allow-Origin’ missing", status: status)
            return accessFailure(line, preflight: preflight)
        case .wildcardOriginWithCredentials(let preflight):
            let line = blocked(
                "Credential is not supported if the CORS header ‘Access-Control-Allow-Origin’ is ‘*’",
                quotedURL: true)
            return accessFailure(line, preflight: preflight)
        case .multipleAllowOriginValues(let value, let lineCount, let preflight):
            let line =
                lineCount > 1
                ? blocked("Multiple CORS header ‘Access-Control-Allow-Origin’ not allowed")
                : blocked("CORS header ‘Access-Control-Allow-Origin’ does not match ‘\(value)’")
            return accessFailure(line, preflight: preflight)
        case .invalidAllowOriginValue(let value, let preflight), .allowOriginMismatch(let value, let preflight):
            let line = blocked("CORS header ‘Access-Control-Allow-Origin’ does not match ‘\(value)’")
            return accessFailure(line, preflight: preflight)
        case .invalidAllowCredentials(_, let preflight):
            let line = blocked("expected ‘true’ in CORS header ‘Access-Control-Allow-Credentials’")
            return accessFailure(line, preflight: preflight)
        case .preflightInvalidStatus(let code):
            return [blocked("CORS preflight response did not succeed", status: String(code)), didNotSucceed]
        case .preflightRedirect(let code):
            // The redirect is refused, then the preflight fails on its 3xx status (measured in Firefox 153).
            return [
                blocked("CORS request external redirect not allowed"),
                blocked("CORS preflight response did not succeed", status: String(code)), didNotSucceed,
            ]
        case .invalidAllowMethods(let token, _):
            return [blocked("invalid token ‘\(token)’ in CORS header ‘Access-Control-Allow-Methods’"), didNotSucceed]
        case .invalidAllowHeaders(let token, _):
            return [blocked("invalid token ‘\(token)’ in CORS header ‘Access-Control-Allow-Headers’"), didNotSucceed]
        case .methodNotAllowed:
            return [blocked("Did not find method in CORS header ‘Access-Control-Allow-Methods’"), didNotSucceed]
        case .headerNotAllowed(let name):
            return [
                blocked(
                    "header ‘\(name.asciiLowercased)’ is not allowed according to header ‘Access-Control-Allow-Headers’ from CORS preflight response"
                ),
                didNotSucceed,
            ]
        case .redirectContainsCredentials, .tooManyRedirects, .invalidRedirectLocation,
            .unsafeRedirect, .conflictingHeaderValues:
            return [didNotSucceed]
        }
    }

    // MARK: Safari

    private static func safari(_ failure: CORSFailure, _ context: FailureContext) -> [String] {
        let status = context.status.map(String.init) ?? "0"
        let reason: String
        switch failure {
        case .invalidURL:
            // fetch: WebKit's FetchRequest text. XHR: open() throws a SyntaxError with WebKit's default message
            // (not confirmed in Safari).
            return context.api == .fetch
                ? ["TypeError: URL is not valid or contains user credentials."]
                : ["SyntaxError: The string did not match the expected pattern."]
        case .invalidMethod, .forbiddenMethod:
            return context.api == .fetch
                ? ["TypeError: Method is forbidden."] : ["SecurityError: The operation is insecure."]
        case .invalidHeaderName, .invalidHeaderValue:
            return context.api == .fetch
                ? ["TypeError: Header name or value is invalid."]
                : ["SyntaxError: The string did not match the expected pattern."]
        case .bodyOnGetOrHead:
            return ["TypeError: Request has method 'GET' and cannot have a body."]
        case .methodNotAllowedInNoCORS:
            return ["TypeError: Method must be GET, POST or HEAD in no-cors mode."]
        case .urlHasCredentials:
            return ["TypeError: URL is not valid or contains user credentials."]
        case .disallowedByMode:
            return ["Fetch API cannot load \(context.url)."]
        case .mixedContent:
            return [
                "[blocked] The page at \(context.pageOrigin)/ requested insecure content from \(context.url). This content was blocked and must be served over HTTPS."
            ]
        case .schemeNotSupported, .redirectToUnsupportedScheme, .unsafeRedirect:
            reason = "not allowed to follow a cross-origin CORS redirection with non CORS scheme"
        case .invalidRedirectLocation:
            reason = "unsupported URL"
        case .conflictingHeaderValues:
            reason = "cannot parse response"
        case .missingAllowOrigin, .allowOriginMismatch, .invalidAllowOriginValue:
            reason =
                "Origin \(context.pageOrigin) is not allowed by Access-Control-Allow-Origin. Status code: \(status)"
        case .multipleAllowOriginValues(let value, _, _):
            reason =
                value.contains(",")
                ? "Access-Control-Allow-Origin cannot contain more than one origin."
                : "Origin \(context.pageOrigin) is not allowed by Access-Control-Allow-Origin. Status code: \(status)"
        case .wildcardOriginWithCredentials:
            reason = "Cannot use wildcard in Access-Control-Allow-Origin when credentials flag is true."
        case .invalidAllowCredentials:
            reason = "Credentials flag is true, but Access-Control-Allow-Credentials is not \"true\"."
        case .preflightInvalidStatus(let code), .preflightRedirect(let code):
            reason = "Preflight response is not successful. Status code: \(code)"
        case .invalidAllowMethods(_, let value):
            reason = "Header Access-Control-Allow-Methods has an invalid value: \(value)"
        case .invalidAllowHeaders(_, let value):
            reason = "Header Access-Control-Allow-Headers has an invalid value: \(value)"
        case .methodNotAllowed(let method):
            reason = "Method \(method) is not allowed by Access-Control-Allow-Methods."
        case .headerNotAllowed(let name):
            reason = "Request header field \(name) is not allowed by Access-Control-Allow-Headers."
        case .redirectContainsCredentials(let location):
            reason = "redirection URL \(location) has credentials"
        case .tooManyRedirects:
            reason = "too many HTTP redirects"
        case .redirectDisallowedByMode:
            return ["Fetch API cannot load \(context.url)."]
        }
        let loader = context.api == .fetch ? "Fetch API" : "XMLHttpRequest"
        return [
            reason, "\(loader) cannot load \(context.url) due to access control checks.",
            "Failed to load resource: \(reason)",
        ]
    }
}
