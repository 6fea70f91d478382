extension CORSFailure {
    /// A one-line explanation for learners.
    public var summary: String {
        switch self {
        case .invalidURL(let reason):
            return "Error: this browser does not parse the URL (\(reason)); nothing is sent."
        case .invalidMethod(let method): return "Error: '\(method)' is not a valid HTTP method; nothing is sent."
        case .forbiddenMethod(let method): return "Error: \(method) is a forbidden method; nothing is sent."
        case .invalidHeaderName(let name):
            return "Error: '\(Escaping.visible(name))' is not a valid header name; nothing is sent."
        case .invalidHeaderValue(let name):
            return "Error: the value of \(Escaping.visible(name)) contains NUL, CR or LF; nothing is sent."
        case .bodyOnGetOrHead(let method): return "Error: a \(method) request cannot have a body; nothing is sent."
        case .methodNotAllowedInNoCORS(let method):
            return "Error: no-cors allows only GET, HEAD and POST, not \(method)."
        case .urlHasCredentials: return "Error: fetch() refuses a URL with a username or password."
        case .disallowedByMode: return "Error: mode same-origin forbids a cross-origin request; nothing is sent."
        case .schemeNotSupported(let scheme): return "Error: CORS requests need http or https, not \(scheme):."
        case .mixedContent: return "Error: an https page may not fetch an http URL (mixed content); CORS never starts."
        case .missingAllowOrigin(let preflight):
            return "Blocked: the \(preflight ? "preflight answer" : "response") has no Access-Control-Allow-Origin."
        case .wildcardOriginWithCredentials(let preflight):
            return
                "Blocked: Access-Control-Allow-Origin is * but the request includes credentials\(preflight ? " (preflight)" : "")."
        case .multipleAllowOriginValues(let value, _, _):
            return
                "Blocked: Access-Control-Allow-Origin holds several values ('\(Escaping.visible(value))'); exactly one is allowed."
        case .invalidAllowOriginValue(let value, _):
            return "Blocked: '\(Escaping.visible(value))' is not a valid Access-Control-Allow-Origin value."
        case .allowOriginMismatch(let value, _):
            return "Blocked: Access-Control-Allow-Origin '\(Escaping.visible(value))' is not the request's origin."
        case .invalidAllowCredentials(let value, _):
            return
                "Blocked: a credentialed request needs Access-Control-Allow-Credentials: true (found '\(Escaping.visible(value))')."
        case .preflightInvalidStatus(let status): return "Blocked: the preflight answer has status \(status), not 2xx."
        case .preflightRedirect(let status): return "Blocked: the preflight was answered with a \(status) redirect."
        case .invalidAllowMethods(let token, _):
            return "Blocked: Access-Control-Allow-Methods does not parse ('\(Escaping.visible(token))')."
        case .invalidAllowHeaders(let token, _):
            return "Blocked: Access-Control-Allow-Headers does not parse ('\(Escaping.visible(token))')."
        case .methodNotAllowed(let method): return "Blocked: the preflight answer does not allow the method \(method)."
        case .headerNotAllowed(let name): return "Blocked: the preflight answer does not allow the header \(name)."
        case .redirectContainsCredentials: return "Blocked: the redirect Location carries a username or password."
        case .redirectToUnsupportedScheme(let location):
            return "Blocked: cannot follow a redirect to '\(Escaping.visible(location))'."
        case .invalidRedirectLocation(let location):
            return "Blocked: the redirect Location '\(Escaping.visible(location))' is not a valid URL."
        case .unsafeRedirect(let location):
            return "Blocked: Chromium never follows a redirect to '\(Escaping.visible(location))'."
        case .conflictingHeaderValues(let name):
            return "Blocked: the response has two different \(name) values, so the browser discards it."
        case .tooManyRedirects: return "Blocked: more than 20 redirects."
        case .redirectDisallowedByMode:
            return "Blocked: mode same-origin forbids following a redirect to another origin."
        }
    }
}
