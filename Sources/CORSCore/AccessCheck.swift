/// The CORS check on a response (`Access-Control-Allow-Origin` and `-Allow-Credentials`), with each browser's
/// classification of the failure.
enum AccessCheck {
    struct Result {
        var checks: [Check]
        var failure: CORSFailure?
    }

    static func run(
        _ response: ServerResponse, origin: String, includeCredentials: Bool, isPreflight: Bool,
        browser: BrowserProfile, detail: EvaluationDetail, memo: EvaluationMemo
    ) -> Result {
        let (value, lineCount) = response.headers.combined(named: "Access-Control-Allow-Origin")
        let credentialsValue = response.headers.combinedValue(named: "Access-Control-Allow-Credentials")
        let failure = classify(
            value: value, lineCount: lineCount, origin: origin, include: includeCredentials,
            credentialsValue: credentialsValue, preflight: isPreflight, browser: browser, memo: memo)

        let originFailed: Bool
        switch failure {
        case .none, .invalidAllowCredentials: originFailed = false
        default: originFailed = true
        }
        var checks = CheckLog(detail)
        checks.append(
            Check(
                subject: "Access-Control-Allow-Origin",
                expected: includeCredentials ? "exactly \(origin) (no * with credentials)" : "\(origin) or *",
                found: value.map(Escaping.visible) ?? "(absent)", status: originFailed ? .fail : .pass,
                explanation: originExplanation(failure, origin: origin, value: value, lineCount: lineCount),
                specLink: SpecLink.corsCheck))
        if includeCredentials {
            let credentialsOK = credentialsValue == "true"
            checks.append(
                Check(
                    subject: "Access-Control-Allow-Credentials", expected: "exactly true",
                    found: credentialsValue.map(Escaping.visible) ?? "(absent)",
                    status: credentialsOK ? .pass : .fail,
                    explanation: credentialsOK
                        ? "The server agrees to share the response with a credentialed request."
                        : "A credentialed request needs Access-Control-Allow-Credentials: true, exactly, in lowercase.",
                    specLink: SpecLink.credentials))
        } else {
            checks.append(
                Check(
                    subject: "Access-Control-Allow-Credentials", expected: "ignored without credentials",
                    found: credentialsValue.map(Escaping.visible) ?? "(absent)", status: .notApplicable,
                    explanation: "The request carries no credentials, so this header does not matter.",
                    specLink: SpecLink.credentials))
        }
        return Result(checks: checks.checks, failure: failure)
    }

    private static func classify(
        value: String?, lineCount: Int, origin: String, include: Bool, credentialsValue: String?, preflight: Bool,
        browser: BrowserProfile, memo: EvaluationMemo
    ) -> CORSFailure? {
        let credentialsFailure = CORSFailure.invalidAllowCredentials(
            value: credentialsValue ?? "", preflight: preflight)
        switch browser {
        case .firefox:
            if lineCount > 1 {
                return .multipleAllowOriginValues(value: value ?? "", lineCount: lineCount, preflight: preflight)
            }
            guard let value else { return .missingAllowOrigin(preflight: preflight) }
            if include && value == "*" { return .wildcardOriginWithCredentials(preflight: preflight) }
            if value != "*" && value != origin { return .allowOriginMismatch(value: value, preflight: preflight) }
        case .safari:
            if value == "*" && !include { return nil }
            let text = value ?? ""
            if text != origin {
                if text == "*" { return .wildcardOriginWithCredentials(preflight: preflight) }
                if text.utf8.contains(UInt8(ascii: ",")) {
                    return .multipleAllowOriginValues(value: text, lineCount: lineCount, preflight: preflight)
                }
                return value == nil
                    ? .missingAllowOrigin(preflight: preflight)
                    : .allowOriginMismatch(value: text, preflight: preflight)
            }
        case .chromium, .spec:
            guard let value else { return .missingAllowOrigin(preflight: preflight) }
            if value == "*" {
                if include { return .wildcardOriginWithCredentials(preflight: preflight) }
                return nil
            }
            if value != origin {
                if value.utf8.contains(where: { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: ",") }) {
                    return .multipleAllowOriginValues(value: value, lineCount: lineCount, preflight: preflight)
                }
                if value == "null" { return .allowOriginMismatch(value: value, preflight: preflight) }
                if !memo.parsesAsURL(value) {
                    return .invalidAllowOriginValue(value: value, preflight: preflight)
                }
                return .allowOriginMismatch(value: value, preflight: preflight)
            }
        }
        if include && credentialsValue != "true" { return credentialsFailure }
        return nil
    }

    private static func originExplanation(_ failure: CORSFailure?, origin: String, value: String?, lineCount: Int)
        -> String
    {
        switch failure {
        case .missingAllowOrigin:
            return
                "Without Access-Control-Allow-Origin the browser never shares a cross-origin response with the script."
        case .wildcardOriginWithCredentials:
            return "* is not allowed when the request includes credentials; the server must echo the exact origin."
        case .multipleAllowOriginValues:
            return lineCount > 1
                ? "The header appears \(lineCount) times; browsers join the lines and no joined value can match."
                : "The header must hold one origin; a list never matches."
        case .invalidAllowOriginValue:
            return "The value is not an origin at all; there is no pattern matching in CORS."
        case .allowOriginMismatch(let found, _):
            if found == "null" { return "null matches only requests from an opaque origin, not \(origin)." }
            return "The value must equal the origin \(origin) byte for byte: scheme, host and port, no path or slash."
        default:
            return value == "*"
                ? "* allows any origin for a request without credentials."
                : "The value equals the request's origin exactly."
        }
    }
}
