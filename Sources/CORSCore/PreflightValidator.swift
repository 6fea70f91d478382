/// Judges a preflight response: redirect, CORS check, status, the method and header lists, and max-age,
/// reporting the failure each browser would report first.
enum PreflightValidator {
    struct Result {
        var checks: [Check]
        var failure: CORSFailure?
        var warnings: [String]
        var cacheLifetime: Int
        var allowedMethods: [String]
        var allowedHeaders: [String]
    }

    private enum Stage { case redirect, access, status, methodsParse, headersParse, method, headers }

    /// The failure found at each stage, if any: a stored property per stage (a dictionary, then an array, cost more
    /// than the rest of the validation).
    private struct StageFailures {
        private var redirect, access, status, methodsParse, headersParse, method, headers: CORSFailure?

        subscript(stage: Stage) -> CORSFailure? {
            get {
                switch stage {
                case .redirect: redirect
                case .access: access
                case .status: status
                case .methodsParse: methodsParse
                case .headersParse: headersParse
                case .method: method
                case .headers: headers
                }
            }
            set {
                switch stage {
                case .redirect: redirect = newValue
                case .access: access = newValue
                case .status: status = newValue
                case .methodsParse: methodsParse = newValue
                case .headersParse: headersParse = newValue
                case .method: method = newValue
                case .headers: headers = newValue
                }
            }
        }
    }

    static func validate(
        _ response: ServerResponse, isRedirect: Bool, prepared: PreparedRequest, origin: String,
        includeCredentials: Bool, url: String, browser: BrowserProfile, detail: EvaluationDetail, memo: EvaluationMemo
    ) -> Result {
        var checks = CheckLog(detail)
        var failures = StageFailures()
        var warnings: [String] = []
        let status = response.status

        if isRedirect {
            failures[.redirect] = .preflightRedirect(status)
            checks.append(
                Check(
                    subject: "preflight redirect", expected: "no redirect", found: "\(status) to elsewhere",
                    status: .fail, explanation: "A preflight is never redirected: a 3xx answer fails it.",
                    specLink: SpecLink.preflightFetch))
        }

        let access = AccessCheck.run(
            response, origin: origin, includeCredentials: includeCredentials, isPreflight: true, browser: browser,
            detail: detail, memo: memo)
        checks.append(contentsOf: access.checks)
        if let failure = access.failure { failures[.access] = failure }

        let statusOK = HTTPStatus.isOK(status)
        if !statusOK { failures[.status] = .preflightInvalidStatus(status) }
        checks.append(
            Check(
                subject: "preflight status", expected: "200–299", found: "\(status)", status: statusOK ? .pass : .fail,
                explanation: statusOK
                    ? "The preflight answer has an ok status."
                    : "The OPTIONS answer must have a 2xx status; an unrouted OPTIONS, an auth check or a redirect breaks it.",
                specLink: SpecLink.preflightFetch))

        let methodsResult = memo.tokenList(
            "Access-Control-Allow-Methods", in: response.headers, namesHeaders: false
        ).result
        let allowedHeaders = memo.tokenList("Access-Control-Allow-Headers", in: response.headers)
        let headersResult = allowedHeaders.result
        // The joined values are for the checks' texts and the failures' wording: made when either is.
        let needsValues = detail == .full || methodsResult.isFailure || headersResult.isFailure
        let methodsValue =
            needsValues ? response.headers.combinedValue(named: "Access-Control-Allow-Methods") : nil
        let headersValue =
            needsValues ? response.headers.combinedValue(named: "Access-Control-Allow-Headers") : nil
        if case .failure(let token) = methodsResult {
            failures[.methodsParse] = .invalidAllowMethods(token: token, value: methodsValue ?? "")
        }
        if case .failure(let token) = headersResult {
            failures[.headersParse] = .invalidAllowHeaders(token: token, value: headersValue ?? "")
        }

        // Method.
        var methods = methodsResult.elements
        if methodsResult == .absent && prepared.isPreflightForced { methods = [prepared.method] }
        let method = prepared.method
        if case .failure(let token) = methodsResult {
            checks.append(
                Check(
                    subject: "Access-Control-Allow-Methods", expected: "a comma-separated list of methods",
                    found: Escaping.visible(methodsValue ?? ""), status: .fail,
                    explanation:
                        "'\(Escaping.visible(token))' is not a method token, so the whole header fails and so does the preflight.",
                    specLink: SpecLink.preflightFetch))
        } else if MethodRules.isSafelisted(method) {
            checks.append(
                Check(
                    subject: "Access-Control-Allow-Methods", expected: "any (\(method) is safelisted)",
                    found: methodsValue.map(Escaping.visible) ?? "(absent)", status: .pass,
                    explanation: "GET, HEAD and POST are always allowed; the list matters only for other methods.",
                    specLink: SpecLink.preflightFetch))
        } else if methods.contains(method) {
            checks.append(
                Check(
                    subject: "Access-Control-Allow-Methods", expected: "contains \(method) (case-sensitive)",
                    found: methodsValue.map(Escaping.visible) ?? "(absent)", status: .pass,
                    explanation: "\(method) is listed exactly as the browser sends it.",
                    specLink: SpecLink.preflightFetch))
        } else if !includeCredentials && methods.contains("*") {
            checks.append(
                Check(
                    subject: "Access-Control-Allow-Methods", expected: "contains \(method) or *",
                    found: methodsValue.map(Escaping.visible) ?? "(absent)", status: .pass,
                    explanation: "* allows any method because the request has no credentials.",
                    specLink: SpecLink.preflightFetch))
        } else {
            failures[.method] = .methodNotAllowed(method)
            checks.append(
                Check(
                    subject: "Access-Control-Allow-Methods", expected: "contains \(method)",
                    found: methodsValue.map(Escaping.visible) ?? "(absent)", status: .fail,
                    explanation: methodFailureExplanation(method, methods: methods, absent: methodsResult == .absent),
                    specLink: SpecLink.preflightFetch))
        }

        // Headers.
        // Lowercased, sorted, without repeats: the lists are short, so a sorted array beats hashing into a set.
        let allowed = allowedHeaders.sortedLowercased
        if case .failure(let token) = headersResult {
            checks.append(
                Check(
                    subject: "Access-Control-Allow-Headers", expected: "a comma-separated list of header names",
                    found: Escaping.visible(headersValue ?? ""), status: .fail,
                    explanation:
                        "'\(Escaping.visible(token))' is not a header-name token, so the whole header fails and so does the preflight.",
                    specLink: SpecLink.preflightFetch))
        } else if prepared.unsafeHeaderCheckOrder.isEmpty {
            checks.append(
                Check(
                    subject: "Access-Control-Allow-Headers", expected: "nothing needed (no unsafe headers)",
                    found: headersValue.map(Escaping.visible) ?? "(absent)", status: .notApplicable,
                    explanation: "The request has no CORS-unsafe headers, so this list is not consulted.",
                    specLink: SpecLink.preflightFetch))
        }
        if case .list = headersResult {
            for name in prepared.unsafeHeaderCheckOrder {
                let passed = headerCheck(
                    name, allowed: allowed, value: headersValue, includeCredentials: includeCredentials,
                    url: url, browser: browser, checks: &checks, warnings: &warnings)
                if !passed && failures[.headers] == nil { failures[.headers] = .headerNotAllowed(name) }
            }
        } else if case .absent = headersResult, let first = prepared.unsafeHeaderCheckOrder.first {
            failures[.headers] = .headerNotAllowed(first)
            for name in prepared.unsafeHeaderCheckOrder {
                checks.append(
                    Check(
                        subject: "Access-Control-Allow-Headers", expected: "contains \(name)", found: "(absent)",
                        status: .fail,
                        explanation: "Every CORS-unsafe request header must be listed by the preflight answer.",
                        specLink: SpecLink.preflightFetch))
            }
        }

        // Max-age.
        let maxAgeValue = response.headers.combinedValue(named: "Access-Control-Max-Age")
        let lifetime = MaxAgeRules.lifetime(headerValue: maxAgeValue, browser: browser)
        checks.append(
            Check(
                subject: "Access-Control-Max-Age", expected: "seconds to cache this answer",
                found: maxAgeValue.map(Escaping.visible) ?? "(absent)", status: .info,
                explanation: lifetime.reason + ".", specLink: SpecLink.preflightCache))

        let order: [Stage]
        switch browser {
        case .chromium, .spec: order = [.redirect, .access, .status, .methodsParse, .headersParse, .method, .headers]
        case .firefox: order = [.access, .redirect, .status, .methodsParse, .method, .headersParse, .headers]
        case .safari: order = [.status, .redirect, .access, .methodsParse, .headersParse, .method, .headers]
        }
        var failure = order.lazy.compactMap { failures[$0] }.first
        if browser == .safari, case .preflightRedirect(let code) = failure { failure = .preflightInvalidStatus(code) }
        return Result(
            checks: checks.checks, failure: failure, warnings: warnings, cacheLifetime: lifetime.seconds,
            allowedMethods: methods, allowedHeaders: allowed)
    }

    /// Why `method` is not allowed by the parsed `methods` list.
    private static func methodFailureExplanation(_ method: String, methods: [String], absent: Bool) -> String {
        if methods.contains("*") {
            return "With credentials, * means only a method literally named *; list \(method) explicitly."
        }
        if methods.contains(where: { $0.asciiUppercased == method.asciiUppercased }) {
            return
                "Methods compare case-sensitively: the browser sends \(method), which the list does not hold as written."
        }
        if absent { return "Without Access-Control-Allow-Methods only GET, HEAD and POST are allowed." }
        return "\(method) must be listed exactly (case-sensitive)."
    }

    /// Records the check of the unsafe request header `name` against the parsed `allowed` names; returns whether
    /// it passes.
    private static func headerCheck(
        _ name: String, allowed: [String], value: String?, includeCredentials: Bool, url: String,
        browser: BrowserProfile, checks: inout CheckLog, warnings: inout [String]
    ) -> Bool {
        // The texts are autoclosures: the log builds them only at full detail.
        func record(
            _ passed: Bool, _ expected: @autoclosure () -> String, _ explanation: @autoclosure () -> String,
            link: String = SpecLink.preflightFetch
        ) -> Bool {
            checks.append(
                Check(
                    subject: "Access-Control-Allow-Headers", expected: expected(),
                    found: value.map(Escaping.visible) ?? "(absent)", status: passed ? .pass : .fail,
                    explanation: explanation(), specLink: link))
            return passed
        }
        if allowed.contains(name) {
            return record(
                true, "contains \(name)", "\(name) is listed (header names compare case-insensitively).")
        }
        if !includeCredentials && allowed.contains("*") {
            if name == "authorization" {
                let link = SpecLink.base + "cors-non-wildcard-request-header-name"
                if browser == .spec {
                    return record(
                        false, "lists authorization explicitly",
                        "The spec says * never covers Authorization; it must be listed by name.", link: link)
                }
                if let warning = authorizationWarning(browser, url: url) { warnings.append(warning) }
                return record(
                    true, "lists authorization explicitly (spec)",
                    "Browsers differ from the spec here: \(browser.displayName) still lets * cover Authorization (with a deprecation warning); the spec does not.",
                    link: link)
            }
            return record(
                true, "contains \(name) or *", "* allows any header because the request has no credentials.")
        }
        return record(
            false, "contains \(name)",
            allowed.contains("*")
                ? "With credentials, * means only a header literally named *; list \(name) explicitly."
                : "\(name) is a CORS-unsafe request header, so the preflight answer must list it.")
    }

    /// The deprecation warning Chromium and Firefox print when * covers Authorization; Safari prints none.
    private static func authorizationWarning(_ browser: BrowserProfile, url: String) -> String? {
        switch browser {
        case .safari, .spec:
            return nil
        case .firefox:
            return
                "Cross-Origin Request Warning: The Same Origin Policy will disallow reading the remote resource at \(url) soon. (Reason: When the `Access-Control-Allow-Headers` is `*`, the `Authorization` header is not covered. To include the `Authorization` header, it must be explicitly listed in CORS header `Access-Control-Allow-Headers`)."
        case .chromium:
            return
                "Authorization will not be covered by the wildcard symbol (*) in CORS `Access-Control-Allow-Headers` handling."
        }
    }
}
