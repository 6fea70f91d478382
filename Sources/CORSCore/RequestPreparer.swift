/// Applies the script-side rules: method validation and normalization, header validation, forbidden and no-cors
/// drops, duplicate combining, the body's Content-Type, and the CORS-unsafe header list.
enum RequestPreparer {
    enum Result: Sendable {
        case ready(PreparedRequest)
        case rejected(CORSFailure, [Check])
    }

    static func prepare(_ request: BrowserRequest, browser: BrowserProfile, detail: EvaluationDetail) -> Result {
        var checks = CheckLog(detail)
        let isFetch = request.api == .fetch
        // fetch() parses the URL first; XHR open() checks the method first.
        if isFetch, let rejection = urlRejection(request, browser: browser, checks: &checks) { return rejection }

        if isFetch && request.url.hasCredentials {
            checks.append(
                Check(
                    subject: "URL", expected: "no username or password", found: request.url.description,
                    status: .fail,
                    explanation: "fetch() refuses URLs with embedded credentials before sending anything.",
                    specLink: SpecLink.base + "dom-request"))
            return .rejected(.urlHasCredentials(request.url.description), checks.checks)
        }

        guard request.method.isHTTPToken else {
            checks.append(methodCheck(request.method, status: .fail, "The method must be an HTTP token."))
            return .rejected(.invalidMethod(request.method), checks.checks)
        }
        guard !MethodRules.isForbidden(request.method) else {
            checks.append(
                methodCheck(
                    request.method, status: .fail,
                    "CONNECT, TRACE and TRACK are forbidden methods: the browser throws before sending anything.",
                    link: SpecLink.forbiddenMethod))
            return .rejected(.forbiddenMethod(request.method), checks.checks)
        }
        if !isFetch, let rejection = urlRejection(request, browser: browser, checks: &checks) { return rejection }
        let method = MethodRules.normalize(request.method)
        if method != request.method {
            checks.append(
                Check(
                    subject: "method", expected: "normalized", found: "\(request.method) → \(method)", status: .info,
                    explanation:
                        "Only DELETE, GET, HEAD, OPTIONS, POST and PUT are uppercased; other methods are sent as written.",
                    specLink: SpecLink.normalizeMethod))
        } else if method != method.asciiUppercased {
            checks.append(
                Check(
                    subject: "method", expected: "sent as written", found: method, status: .info,
                    explanation:
                        "\(method) is not one of the six methods browsers uppercase, so it is sent and compared exactly as written.",
                    specLink: SpecLink.normalizeMethod))
        }
        if isFetch && request.mode == .noCORS && !MethodRules.isSafelisted(method) {
            checks.append(
                methodCheck(
                    method, status: .fail, "A no-cors request may only use GET, HEAD or POST.",
                    link: SpecLink.base + "dom-request"))
            return .rejected(.methodNotAllowedInNoCORS(method), checks.checks)
        }

        // Headers: validate, normalize the value, drop forbidden ones, combine duplicates.
        var kept: [HeaderField] = []
        var dropped: [DroppedHeader] = []
        for original in request.headers {
            guard original.name.isHTTPToken else { return .rejected(.invalidHeaderName(original.name), checks.checks) }
            let value = original.value.trimmingHTTPWhitespace
            guard !value.utf8.contains(where: { $0 == 0 || $0 == 0x0A || $0 == 0x0D }) else {
                return .rejected(.invalidHeaderValue(name: original.name), checks.checks)
            }
            if let reason = RequestHeaderRules.forbiddenReason(name: original.name, value: value, browser: browser) {
                dropped.append(DroppedHeader(header: original, reason: reason))
                continue
            }
            let header = HeaderField(original.name, value)
            // XHR's setRequestHeader always combines; fetch's header list keeps entries apart in the spec, while
            // browsers combine them on the way to the network.
            let combines = request.api == .xhr || browser != .spec
            if combines, let index = kept.firstIndex(where: { $0.hasName(header.name) }) {
                kept[index].value += ", " + value
            } else {
                kept.append(header)
            }
        }
        if isFetch && request.mode == .noCORS {
            var survivors: [HeaderField] = []
            for header in kept {
                if RequestHeaderRules.isNoCORSSafelisted(name: header.name, value: header.value) {
                    survivors.append(header)
                } else {
                    dropped.append(
                        DroppedHeader(
                            header: header,
                            reason:
                                "no-cors requests keep only Accept, Accept-Language, Content-Language and Content-Type with safelisted values"
                        ))
                }
            }
            kept = survivors
        }
        for drop in dropped {
            checks.append(droppedCheck(drop, request: request, browser: browser))
        }

        // Body and its Content-Type.
        var body = request.body
        if body != nil && (method == "GET" || method == "HEAD") {
            if isFetch { return .rejected(.bodyOnGetOrHead(method), checks.checks) }
            body = nil
            checks.append(
                Check(
                    subject: "body", expected: "no body on GET or HEAD", found: "ignored", status: .info,
                    explanation: "XMLHttpRequest.send() ignores the body of a GET or HEAD request.",
                    specLink: "https://xhr.spec.whatwg.org/#the-send()-method"))
        }
        // Firefox decides the preflight on the Content-Type the script set as well as on the one XHR rewrote.
        var authorContentType: String?
        if body != nil {
            if let index = kept.firstIndex(where: { $0.hasName("content-type") }) {
                if !isFetch, let rewritten = XHRCharsetRewrite.rewritten(kept[index].value, browser: browser) {
                    checks.append(
                        Check(
                            subject: "Content-Type", expected: "charset=UTF-8",
                            found: "\(kept[index].value) → \(rewritten)", status: .info,
                            explanation: browser == .chromium
                                ? "Chromium's XMLHttpRequest replaces every charset value of a string body's "
                                    + "Content-Type with UTF-8 in place, keeping any quotes."
                                : "XMLHttpRequest sets the charset of a string body's Content-Type to UTF-8.",
                            specLink: "https://xhr.spec.whatwg.org/#the-send()-method"))
                    authorContentType = kept[index].value
                    kept[index].value = rewritten
                }
            } else {
                kept.append(HeaderField("Content-Type", "text/plain;charset=UTF-8"))
                checks.append(
                    Check(
                        subject: "Content-Type", expected: "set by the script or from the body",
                        found: "text/plain;charset=UTF-8", status: .info,
                        explanation: "A string body gets Content-Type text/plain;charset=UTF-8, which is safelisted.",
                        specLink: SpecLink.bodyContentType))
            }
        }

        var analysis = analyzeUnsafeHeaders(kept, browser: browser, detail: detail)
        if browser == .firefox, let original = authorContentType, !analysis.sortedNames.contains("content-type"),
            RequestHeaderRules.unsafeReason(name: "Content-Type", value: original, browser: browser) != nil
        {
            let asWritten = kept.map { $0.hasName("content-type") ? HeaderField($0.name, original) : $0 }
            analysis = analyzeUnsafeHeaders(asWritten, browser: browser, detail: detail)
            checks.append(
                Check(
                    subject: "Content-Type", expected: "safelisted as written and as sent",
                    found: "\(original) as written", status: .info,
                    explanation:
                        "Firefox decides on the Content-Type the script set too, before the charset rewrite: the "
                        + "value as written is not safelisted, so the request needs a preflight.",
                    specLink: "https://xhr.spec.whatwg.org/#the-send()-method"))
        }
        checks.append(contentsOf: analysis.checks)
        // XHR send(): listeners on xhr.upload set the upload listener flag, and the request's use-CORS-preflight
        // flag follows it, with or without a body.
        let isForced = request.api == .xhr && request.hasUploadListener
        if !MethodRules.isSafelisted(method) {
            checks.append(
                methodCheck(
                    method, status: .fail,
                    "\(method) is not GET, HEAD or POST, so a cross-origin request needs a preflight.",
                    link: SpecLink.safelistedMethod, expected: "GET, HEAD or POST to skip the preflight"))
        } else {
            checks.append(
                methodCheck(
                    method, status: .pass, "\(method) is CORS-safelisted.", link: SpecLink.safelistedMethod,
                    expected: "GET, HEAD or POST to skip the preflight"))
        }
        let reasons = preflightReasons(method: method, unsafe: analysis, isForced: isForced)
        return .ready(
            PreparedRequest(
                method: method, headers: kept, dropped: dropped, body: body, unsafeHeaderNames: analysis.sortedNames,
                unsafeHeaderCheckOrder: analysis.checkOrder(browser, headers: kept, api: request.api),
                preflightReasons: reasons,
                isPreflightForced: isForced, checks: checks.checks))
    }

    /// The rejection when `browser` does not parse the URL the script wrote, or nil when it does.
    ///
    /// Browsers differ only on hosts with `xn--` labels (a scenario's URL is loaded when any browser accepts it),
    /// so the text is parsed again only when the parsed host has one.
    private static func urlRejection(_ request: BrowserRequest, browser: BrowserProfile, checks: inout CheckLog)
        -> Result?
    {
        guard hasACELabel(request.url.host) else { return nil }
        let text = request.urlText ?? request.url.description
        do {
            _ = try ParsedURL.parse(text, profile: browser)
            return nil
        } catch {
            checks.append(
                Check(
                    subject: "URL", expected: "a URL \(browser.displayName) parses", found: Escaping.visible(text),
                    status: .fail,
                    explanation:
                        "\(browser.displayName) rejects the host (\(error.reason)), so the script's call throws before anything is sent.",
                    specLink: "https://url.spec.whatwg.org/#concept-domain-to-ascii"))
            return .rejected(.invalidURL(reason: error.reason), checks.checks)
        }
    }

    /// Whether a label of the (lowercased) host starts with `xn--`: the only hosts whose validity differs between
    /// profiles. A plain scan: the generic substring search was a third of a whole evaluation.
    private static func hasACELabel(_ host: String) -> Bool {
        var rest = host.utf8[...]
        while true {
            if rest.starts(with: "xn--".utf8) { return true }
            guard let dot = rest.firstIndex(of: UInt8(ascii: ".")) else { return false }
            rest = rest[rest.index(after: dot)...]
        }
    }

    /// Every reason a cross-origin request with this method and headers needs a preflight; empty when none.
    static func preflightReasons(method: String, unsafe: UnsafeAnalysis, isForced: Bool) -> [String] {
        var reasons: [String] = []
        if !MethodRules.isSafelisted(method) {
            reasons.append("the method \(method) is not CORS-safelisted (only GET, HEAD and POST are)")
        }
        reasons += unsafe.reasons
        if isForced {
            reasons.append("an upload listener is registered before send(), which forces a preflight")
        }
        return reasons
    }

    struct UnsafeAnalysis {
        var sortedNames: [String]
        var requestOrder: [String]
        var reasons: [String]
        var checks: [Check]

        /// The unsafe names in the order `browser` checks them against `Access-Control-Allow-Headers`, for a
        /// request that `api` made with `headers` (the prepared request's: a redirect removes headers from
        /// Chromium's list without reordering it).
        func checkOrder(_ browser: BrowserProfile, headers: [HeaderField], api: RequestAPI) -> [String] {
            switch browser {
            case .firefox, .spec: return sortedNames
            case .safari: return requestOrder
            case .chromium:
                guard requestOrder.count > 1 else { return requestOrder }
                let mapOrder = BlinkHeaderMap.checkOrder(of: headers.map(\.name), api: api)
                // The UA's own Accept (unsafe only past the 1024-byte total) is not in Blink's map: it comes last.
                return mapOrder.filter(requestOrder.contains) + requestOrder.filter { !mapOrder.contains($0) }
            }
        }
    }

    /// Fetch's "CORS-unsafe request-header names", with a reason for each, counting the UA's `Accept: */*` when the
    /// script sets no Accept.
    static func analyzeUnsafeHeaders(_ headers: [HeaderField], browser: BrowserProfile, detail: EvaluationDetail)
        -> UnsafeAnalysis
    {
        var unsafe: [String] = []
        var potentially: [String] = []
        var reasons: [String] = []
        var checks = CheckLog(detail)
        let addsAccept = !headers.contains(named: "Accept")
        var total = addsAccept ? 3 : 0  // the browser's own "Accept: */*"
        if addsAccept { potentially.append("accept") }
        for header in headers {
            if let reason = RequestHeaderRules.unsafeReason(name: header.name, value: header.value, browser: browser) {
                unsafe.append(header.lowercasedName)
                reasons.append("\(header.name): \(reason)")
                checks.append(
                    Check(
                        subject: header.name, expected: "a CORS-safelisted request header",
                        found: shown(header.value), status: .fail,
                        explanation: "Not safelisted because \(reason), so a cross-origin request needs a preflight.",
                        specLink: SpecLink.safelistedHeader))
            } else {
                potentially.append(header.lowercasedName)
                total += header.value.byteStringLength
                checks.append(
                    Check(
                        subject: header.name, expected: "a CORS-safelisted request header",
                        found: shown(header.value), status: .pass,
                        explanation: "\(header.name) with this value is CORS-safelisted and needs no preflight.",
                        specLink: SpecLink.safelistedHeader))
            }
        }
        if total > RequestHeaderRules.maxSafelistedTotalLength && !potentially.isEmpty {
            unsafe += potentially
            reasons.append(
                "the safelisted header values total \(total) bytes, over \(RequestHeaderRules.maxSafelistedTotalLength): all of them count as unsafe"
            )
            checks.append(
                Check(
                    subject: "safelisted header size", expected: "at most 1024 bytes in total", found: "\(total) bytes",
                    status: .fail,
                    explanation:
                        "Past 1024 bytes of safelisted values, every safelisted header becomes unsafe and must be allowed by the preflight.",
                    specLink: SpecLink.unsafeHeaderNames))
        }
        var seen = Set<String>()
        let ordered = unsafe.filter { seen.insert($0).inserted }
        return UnsafeAnalysis(
            sortedNames: ordered.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) },
            requestOrder: ordered, reasons: reasons, checks: checks.checks)
    }

    /// The check of a header the browser dropped (worded only at full detail: `CheckLog` defers it).
    private static func droppedCheck(_ drop: DroppedHeader, request: BrowserRequest, browser: BrowserProfile) -> Check {
        let line = request.api == .xhr ? ConsoleMessages.refusedHeader(drop.header.name, browser: browser) : nil
        return Check(
            subject: drop.header.name, expected: "a header a script may set",
            found: line == nil ? "dropped silently" : "dropped, with a console line", status: .info,
            explanation: drop.reason
                + (line.map { "; setRequestHeader() logs “\($0)” and raises no error." } ?? "; no error is raised."),
            specLink: request.mode == .noCORS ? SpecLink.noCORSSafelisted : SpecLink.forbiddenHeader)
    }

    /// A header value as a check shows it: escaped, and named when empty.
    private static func shown(_ value: String) -> String {
        value.isEmpty ? "(empty value)" : Escaping.visible(value)
    }

    private static func methodCheck(
        _ method: String, status: CheckStatus, _ explanation: String, link: String = SpecLink.forbiddenMethod,
        expected: String = "a valid, allowed method"
    ) -> Check {
        Check(
            subject: "method", expected: expected, found: method, status: status, explanation: explanation,
            specLink: link)
    }
}
