import CORSCore

/// The failing check of a verdict in a few words, for a matrix cell: `ACAO missing`, `ACAH lacks x-token`.
///
/// Values from the server are shortened and have control characters escaped: they are untrusted text.
public enum FailedCheckLabel {
    /// The short name of `failure`.
    public static func label(for failure: CORSFailure) -> String {
        switch failure {
        case .invalidURL: return "invalid URL"
        case .invalidMethod(let method): return "invalid method \(quoted(method))"
        case .forbiddenMethod(let method): return "forbidden method \(quoted(method))"
        case .invalidHeaderName(let name): return "invalid header name \(quoted(name))"
        case .invalidHeaderValue(let name): return "invalid value of \(quoted(name))"
        case .bodyOnGetOrHead(let method): return "body on \(quoted(method))"
        case .methodNotAllowedInNoCORS(let method): return "\(quoted(method)) not allowed in no-cors"
        case .urlHasCredentials: return "URL has credentials"
        case .disallowedByMode: return "same-origin mode"
        case .schemeNotSupported(let scheme): return "scheme \(quoted(scheme)) not supported"
        case .mixedContent: return "mixed content"
        case .missingAllowOrigin(let preflight): return "ACAO missing" + on(preflight)
        case .wildcardOriginWithCredentials(let preflight): return "credentials with *" + on(preflight)
        case .multipleAllowOriginValues(_, _, let preflight): return "several ACAO values" + on(preflight)
        case .invalidAllowOriginValue(let value, let preflight): return "ACAO invalid: \(quoted(value))" + on(preflight)
        case .allowOriginMismatch(let value, let preflight): return "ACAO is \(quoted(value))" + on(preflight)
        case .invalidAllowCredentials(let value, let preflight):
            return (value.isEmpty ? "ACAC missing" : "ACAC is \(quoted(value))") + on(preflight)
        case .preflightInvalidStatus(let status): return "preflight status \(status)"
        case .preflightRedirect(let status): return "preflight redirected (\(status))"
        case .invalidAllowMethods(let token, _): return "ACAM invalid: \(quoted(token))"
        case .invalidAllowHeaders(let token, _): return "ACAH invalid: \(quoted(token))"
        case .methodNotAllowed(let method): return "ACAM lacks \(quoted(method))"
        case .headerNotAllowed(let name): return "ACAH lacks \(quoted(name))"
        case .redirectContainsCredentials: return "redirect has credentials"
        case .redirectToUnsupportedScheme: return "redirect not http(s)"
        case .invalidRedirectLocation: return "redirect Location invalid"
        case .unsafeRedirect: return "redirect to an unsafe scheme"
        case .conflictingHeaderValues(let name): return "two different \(name) values"
        case .tooManyRedirects: return "too many redirects"
        case .redirectDisallowedByMode: return "redirect in same-origin mode"
        }
    }

    /// The most characters of a server or script value a label quotes.
    static let valueLimit = 32

    private static func on(_ preflight: Bool) -> String { preflight ? " (preflight)" : "" }

    private static func quoted(_ value: String) -> String {
        let visible = Escaping.visible(value)
        guard visible.count > valueLimit else { return visible }
        return String(visible.prefix(valueLimit - 1)) + "…"
    }
}
