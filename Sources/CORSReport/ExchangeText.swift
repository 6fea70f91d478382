import CORSCore

/// The plain-text form of an exchange, for terminals and pipes. Every untrusted string is escaped.
public enum ExchangeText {
    /// The whole report: request, preparation, each step with its checks, and the verdict.
    public static func report(_ exchange: Exchange, title: String? = nil, style: TextStyle) -> String {
        var lines: [String] = []
        if let title { lines.append(style.bold(safe(title))) }
        let request = exchange.request
        lines.append(
            "\(style.bold("Browser")) \(exchange.browser.displayName)   \(style.bold("API")) \(request.api.consoleName)"
                + (request.api == .fetch ? "   \(style.bold("mode")) \(request.mode.rawValue)" : "")
                + "   \(style.bold("credentials")) \(request.credentials.rawValue)")
        lines.append(
            "\(style.bold("Page")) \(safe(request.page.serialized))  →  \(safe(request.method)) \(safe(request.url.description))"
        )
        lines.append(
            exchange.isCrossOrigin
                ? style.dim("cross-origin: CORS applies") : style.dim("same origin: CORS does not apply"))
        lines.append("")

        lines.append(style.bold("Before sending"))
        for check in exchange.preparationChecks { lines += checkLines(check, style: style) }
        if let prepared = exchange.prepared {
            if prepared.isPreflightRequired && exchange.isCrossOrigin {
                lines.append("  Preflight needed because:")
                for reason in prepared.preflightReasons { lines.append("    - " + safe(reason)) }
            } else if exchange.isCrossOrigin {
                lines.append("  A simple request: no preflight needed.")
            }
        }
        for (index, step) in exchange.steps.enumerated() {
            lines.append("")
            lines += stepLines(step, number: index + 1, style: style)
        }
        lines.append("")
        lines += verdictLines(exchange.verdict, browser: exchange.browser, style: style)
        return lines.joined(separator: "\n")
    }

    static func stepLines(_ step: ExchangeStep, number: Int, style: TextStyle) -> [String] {
        var lines: [String] = []
        let heading: String
        switch step.kind {
        case .preflight: heading = "Preflight"
        case .preflightCacheHit: heading = "Preflight skipped (cache hit)"
        case .actual: heading = "Request"
        }
        lines.append(
            style.bold("\(number). \(heading)") + (step.includesCredentials ? style.dim("  (with credentials)") : ""))
        if step.kind != .preflightCacheHit {
            lines.append("  → " + safe(step.request.requestLine))
            for header in step.request.headers { lines.append("    " + safe(header.name) + ": " + safe(header.value)) }
        }
        if let response = step.response {
            lines.append("  ← \(response.status) \(response.reasonPhrase)")
            for header in response.headers {
                let marker = marker(for: header.name, in: step.checks, style: style)
                lines.append("  \(marker) " + safe(header.name) + ": " + safe(header.value))
            }
            if response.headers.isEmpty { lines.append("    " + style.dim("(no headers)")) }
        }
        for note in step.serverNotes { lines.append("  " + style.dim("server: " + safe(note))) }
        for check in step.checks { lines += checkLines(check, style: style) }
        return lines
    }

    static func verdictLines(_ verdict: Verdict, browser: BrowserProfile, style: TextStyle) -> [String] {
        var lines: [String] = []
        let label: String
        switch verdict.outcome {
        case .allowed: label = style.green("✓ ALLOWED")
        case .opaque: label = style.yellow("◌ OPAQUE")
        case .blocked: label = style.red("✗ BLOCKED")
        case .error: label = style.red("✗ ERROR")
        }
        lines.append(style.bold("Verdict") + "  " + label + "  " + safe(verdict.summary))
        lines.append("  Script: " + safe(verdict.scriptResult))
        if let readable = verdict.readableHeaders {
            lines.append(
                "  Readable headers: " + (readable.isEmpty ? "(none)" : readable.map(safe).joined(separator: ", ")))
        }
        if !verdict.console.isEmpty {
            lines.append("  Console (\(browser.displayName)):")
            for line in verdict.console { lines.append("    " + safe(line)) }
        } else if verdict.outcome == .blocked || verdict.outcome == .error {
            lines.append("  Console: " + style.dim("the Fetch standard defines no console text"))
        }
        for line in verdict.warnings { lines.append("  Also logged: " + safe(line)) }
        return lines
    }

    static func checkLines(_ check: Check, style: TextStyle) -> [String] {
        let marker: String
        switch check.status {
        case .pass: marker = style.green("✓ ok  ")
        case .fail: marker = style.red("✗ FAIL")
        case .notApplicable: marker = style.dim("– n/a ")
        case .info: marker = style.cyan("· info")
        }
        return [
            "    \(marker) \(safe(check.subject)): expected \(safe(check.expected)); found \(safe(check.found))",
            "           " + style.dim(safe(check.explanation) + " " + check.specLink),
        ]
    }

    /// ✓ or ✗ for a response header, from the checks about it; blank when no check is about it.
    private static func marker(for name: String, in checks: [Check], style: TextStyle) -> String {
        let about = checks.filter { $0.subject.asciiLowercased == name.asciiLowercased && $0.status != .info }
        if about.contains(where: { $0.status == .fail }) { return style.red("✗") }
        if about.contains(where: { $0.status == .pass }) { return style.green("✓") }
        return " "
    }

    private static func safe(_ text: String) -> String { Escaping.visible(text) }
}
