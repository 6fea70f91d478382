import CORSCore

/// Compares the evaluator's exchange with what a real browser did, aspect by aspect.
public enum VerificationComparator {
    /// Request headers a browser adds on its own that play no part in CORS and that the evaluator does not model.
    /// Every other header (Host, Accept, Origin, Cookie, the preflight's headers, the script's) must match.
    static let browserOwnedHeaders: Set<String> = [
        "connection", "user-agent", "accept-encoding", "accept-language", "referer", "content-length", "priority",
        "pragma", "cache-control", "dnt",
    ]
    /// Request headers compared in their own rows.
    private static let corsHeaders: Set<String> = [
        "origin", "cookie", "access-control-request-method", "access-control-request-headers",
    ]

    /// The rows comparing `exchange` (the evaluator's) with `observed` (the browser's).
    public static func compare(_ exchange: Exchange, with observed: BrowserObservation) -> [VerificationRow] {
        var rows: [VerificationRow] = []
        // A preflight answered from the cache is a step of the exchange but sends nothing.
        let sent = exchange.steps.filter { $0.kind != .preflightCacheHit }
        let predictedRequests = sent.map {
            "\($0.request.method) \($0.request.url.serializedWithoutFragment)"
        }
        let observedRequests = observed.requests.map { "\($0.method) \($0.url)" }
        rows.append(row("requests", list(predictedRequests), list(observedRequests)))

        let preflight = exchange.preflight?.request
        rows.append(
            row(
                "preflight",
                preflight.map { preflightText($0.headers) } ?? "not sent",
                observed.requests.first(where: \.isPreflight).map { preflightText($0.headers) }
                    ?? "not sent"))

        let actual = sent.first { $0.kind == .actual }?.request
        rows.append(
            row(
                "actual request",
                actual.map { actualText($0.headers) } ?? "not sent",
                observed.requests.first { !$0.isPreflight }.map { actualText($0.headers) } ?? "not sent"))

        if sent.count == observed.requests.count, !sent.isEmpty {
            let predicted = sent.map { otherHeaders($0.request.headers) }
            let seen = observed.requests.map { otherHeaders($0.headers) }
            rows.append(row("other request headers", predicted.joined(separator: " | "), seen.joined(separator: " | ")))
        }

        let verdict = exchange.verdict
        rows.append(row("script", verdict.outcome.rawValue, observed.outcome.rawValue))
        if [.allowed, .opaque].contains(verdict.outcome) || observed.report.isResolved {
            rows.append(
                row(
                    "status", verdict.status.map(String.init) ?? "none",
                    observed.report.status.map(String.init) ?? "none"))
        }
        if verdict.outcome == .allowed || observed.outcome == .allowed {
            rows.append(
                row(
                    "readable headers", list(verdict.readableHeaders ?? []), list(observed.report.headers ?? [])))
        }
        if let console = observed.console {
            var relevant = console.filter { !verdict.warnings.contains($0) }
            // The page catches what the script throws, so the browser prints nothing for it; an uncaught one is
            // the console's message when the request is refused before anything is sent.
            if observed.outcome == .error, let error = observed.report.error { relevant.append(error) }
            // A network error (not a CORS error) shows in DevTools as the failed request, `GET url net::ERR_…`;
            // the browser logs no console message for it, so there is nothing on stderr to compare.
            let predicted = verdict.console.filter { !$0.contains(" net::ERR_") }
            rows.append(row("console", lines(predicted), lines(relevant)))
        } else {
            rows.append(
                VerificationRow(
                    aspect: "console", predicted: lines(verdict.console),
                    observed: "not readable from headless \(observed.browser.rawValue) here", agrees: nil))
        }
        return rows
    }

    private static func row(_ aspect: String, _ predicted: String, _ observed: String) -> VerificationRow {
        VerificationRow(aspect: aspect, predicted: predicted, observed: observed, agrees: predicted == observed)
    }

    private static func list(_ items: [String]) -> String { items.isEmpty ? "none" : items.joined(separator: ", ") }

    private static func lines(_ items: [String]) -> String { items.isEmpty ? "none" : items.joined(separator: "\n") }

    private static func preflightText(_ headers: [HeaderField]) -> String {
        let method = headers.combinedValue(named: "Access-Control-Request-Method") ?? "none"
        let requested = headers.combinedValue(named: "Access-Control-Request-Headers") ?? "none"
        return "Access-Control-Request-Method: \(method); Access-Control-Request-Headers: \(requested)"
    }

    private static func actualText(_ headers: [HeaderField]) -> String {
        let origin = headers.combinedValue(named: "Origin") ?? "none"
        let cookie = headers.combinedValue(named: "Cookie") ?? "none"
        return "Origin: \(origin); Cookie: \(cookie)"
    }

    /// The headers not compared elsewhere and not the browser's own, sorted, one `name: value` each.
    private static func otherHeaders(_ headers: [HeaderField]) -> String {
        let fields = headers.filter {
            let name = $0.lowercasedName
            return !browserOwnedHeaders.contains(name) && !corsHeaders.contains(name) && !name.hasPrefix("sec-")
        }
        let text = fields.map { "\($0.lowercasedName): \($0.value)" }.sorted()
        return text.isEmpty ? "none" : text.joined(separator: "; ")
    }
}
