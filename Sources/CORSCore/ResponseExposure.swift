/// Which response headers a script can read.
public enum ResponseExposure {
    /// The CORS-safelisted response-header names, readable on every `cors` response.
    public static let safelistedNames: Set<String> = [
        "cache-control", "content-language", "content-length", "content-type", "expires", "last-modified", "pragma",
    ]

    /// Names never readable by script.
    public static let forbiddenNames: Set<String> = ["set-cookie", "set-cookie2"]

    /// The lowercase, sorted names of the headers in `response` that a script can read from a `cors` response,
    /// and checks explaining the decision (none at `.verdict` detail).
    public static func readableCORSHeaders(
        _ response: ServerResponse, credentials: Bool, detail: EvaluationDetail = .full
    ) -> ([String], [Check]) {
        readableCORSHeaders(response, credentials: credentials, detail: detail, memo: EvaluationMemo())
    }

    /// `readableCORSHeaders(_:credentials:detail:)`, the expose list parsed through `memo`.
    static func readableCORSHeaders(
        _ response: ServerResponse, credentials: Bool, detail: EvaluationDetail, memo: EvaluationMemo
    ) -> ([String], [Check]) {
        let exposeList = memo.tokenList("Access-Control-Expose-Headers", in: response.headers)
        let exposeResult = exposeList.result
        // Lowercased, sorted and unique: a binary search instead of hashing every name into a set.
        let exposed = exposeList.sortedLowercased
        let wildcard = !credentials && exposed.containsSorted("*")
        var checks = CheckLog(detail)
        switch exposeResult {
        case .absent:
            checks.append(
                Check(
                    subject: "Access-Control-Expose-Headers", expected: "the extra names the script may read",
                    found: "(absent)", status: .info,
                    explanation:
                        "Without it, the script reads only the safelisted response headers (Content-Type, Content-Length, Cache-Control, Content-Language, Expires, Last-Modified, Pragma).",
                    specLink: SpecLink.httpResponses))
        case .failure(let element):
            checks.append(
                Check(
                    subject: "Access-Control-Expose-Headers", expected: "a comma-separated list of header names",
                    found: "invalid element '\(Escaping.visible(element))'", status: .fail,
                    explanation: "The list does not parse, so nothing beyond the safelisted headers is exposed.",
                    specLink: SpecLink.httpResponses))
        case .list(let items):
            checks.append(
                Check(
                    subject: "Access-Control-Expose-Headers", expected: "the extra names the script may read",
                    found: items.joined(separator: ", "), status: .pass,
                    explanation: exposed.containsSorted("*")
                        ? (credentials
                            ? "With credentials, * is only a header literally named *."
                            : "* exposes every header except Set-Cookie, because the request has no credentials.")
                        : "These names become readable in addition to the safelisted ones.",
                    specLink: SpecLink.httpResponses))
        }
        var names: [String] = []
        for header in response.headers {
            let name = header.lowercasedName
            guard !forbiddenNames.contains(name) else { continue }
            if wildcard || safelistedNames.contains(name) || exposed.containsSorted(name) { names.append(name) }
        }
        return (names.sortedWithoutRepeats(), checks.checks)
    }

    /// The names readable from a same-origin (`basic`) response: everything but Set-Cookie.
    public static func readableBasicHeaders(_ response: ServerResponse) -> [String] {
        response.headers.map(\.lowercasedName).filter { !forbiddenNames.contains($0) }.sortedWithoutRepeats()
    }
}
