import CORSCore

/// curl commands that replay, header for header, what the browser sends for a scenario's request.
///
/// Everything comes from the exchange's wire requests; nothing here decides what a browser sends.
enum CurlExport {
    /// The script for `exchange`.
    static func script(_ exchange: Exchange, title: String) -> String {
        let browser = exchange.browser.displayName
        var lines = [
            "#!/bin/sh",
            "# " + CodeLiteral.comment(title),
            "# What \(browser) sends for this request, replayed with curl (cors-explorer export --as curl).",
            "# The page's origin is " + CodeLiteral.comment(exchange.request.page.serialized) + ".",
            "# -i prints the response headers. curl's own User-Agent is removed: the browser's is not modelled.",
        ]
        var afterRedirect = false
        for step in exchange.steps {
            lines.append("")
            switch step.kind {
            case .preflightCacheHit:
                lines.append("# No preflight here: the browser's preflight cache still allows this request.")
                continue
            case .preflight:
                let why = step.checks.first { $0.subject == "preflight needed" }.map { ": " + $0.found } ?? ""
                lines.append("# The preflight the browser sends first" + CodeLiteral.comment(why) + ".")
            case .actual:
                lines.append(
                    afterRedirect
                        ? "# The browser follows the redirect and sends:"
                        : "# The actual request" + (step.includesCredentials ? ", with credentials" : "") + ":")
            }
            // The body goes with actual requests; a redirect that turns the method into GET drops it.
            let sendsBody = step.kind == .actual && step.request.method != "GET" && step.request.method != "HEAD"
            lines += command(step.request, body: sendsBody ? exchange.prepared?.body : nil)
            if step.kind == .actual, let status = step.response?.status, (300..<400).contains(status) {
                afterRedirect = true
            }
        }
        lines.append("")
        if exchange.steps.isEmpty {
            lines.append("# The browser sends nothing: the request is refused before it leaves the page.")
        } else if exchange.steps.last?.kind == .preflight, exchange.steps.last?.passed == false {
            lines.append("# The preflight fails, so the browser never sends the actual request.")
        }
        let verdict = exchange.verdict
        lines.append("# \(browser)'s verdict: \(verdict.outcome.rawValue). " + CodeLiteral.comment(verdict.summary))
        lines.append("# The script sees: " + CodeLiteral.comment(verdict.scriptResult))
        return lines.joined(separator: "\n") + "\n"
    }

    /// One curl command, one argument per line.
    static func command(_ request: WireRequest, body: String?) -> [String] {
        var arguments: [String] = ["-i"]
        let method = request.method
        switch method {
        case "HEAD": arguments.append("--head")
        case "GET" where body == nil: break
        case "POST" where body != nil: break
        default: arguments.append("-X " + CodeLiteral.shell(method))
        }
        arguments.append("-H " + CodeLiteral.shell("User-Agent:"))
        for header in request.headers where header.lowercasedName != "host" {
            arguments.append("-H " + CodeLiteral.shell(header.name + ": " + header.value))
        }
        if let body {
            if !request.headers.contains(named: "Content-Type") {
                // curl would add a form content type of its own.
                arguments.append("-H " + CodeLiteral.shell("Content-Type:"))
            }
            let option = body.hasPrefix("@") ? "--data-raw" : "--data-binary"
            arguments.append(option + " " + CodeLiteral.shell(body))
        }
        arguments.append(CodeLiteral.shell(request.url.serializedWithoutFragment))
        var lines = ["curl " + arguments[0] + " \\"]
        for (index, argument) in arguments.enumerated().dropFirst() {
            lines.append("  " + argument + (index == arguments.count - 1 ? "" : " \\"))
        }
        return lines
    }
}
