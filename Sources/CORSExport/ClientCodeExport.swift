import CORSCore

/// JavaScript for the page that makes the scenario's request with `fetch()` or `XMLHttpRequest`.
enum ClientCodeExport {
    /// The `fetch()` code for `exchange`'s request.
    static func fetch(_ exchange: Exchange, title: String) -> String {
        let request = exchange.request
        var lines = header(exchange, title: title, api: "fetch()")
        if request.api == .xhr {
            lines.append("// The scenario uses XMLHttpRequest; this is the same request written with fetch().")
            if request.hasUploadListener {
                lines.append("// fetch() has no upload listener: the XHR's upload listener (which forces a preflight)")
                lines.append("// cannot be written here, so the preflight may not happen. Use --as xhr for that.")
            }
        }
        lines.append("fetch(" + CodeLiteral.javaScript(urlText(request)) + ", {")
        lines.append("  method: " + CodeLiteral.javaScript(request.method) + ",")
        lines.append("  mode: " + CodeLiteral.javaScript(request.mode.rawValue) + ",")
        lines.append("  credentials: " + CodeLiteral.javaScript(request.credentials.rawValue) + ",")
        if !request.headers.isEmpty {
            lines.append("  // In order, as the script sets them (pairs keep repeated names).")
            lines.append("  headers: [")
            for header in request.headers {
                lines.append(
                    "    [" + CodeLiteral.javaScript(header.name) + ", " + CodeLiteral.javaScript(header.value) + "],")
            }
            lines.append("  ],")
        }
        if let body = request.body { lines.append("  body: " + CodeLiteral.javaScript(body) + ",") }
        lines.append("})")
        lines.append("  .then((response) => {")
        lines.append("    console.log(response.type, response.status, [...response.headers]);")
        lines.append("    return response.text();")
        lines.append("  })")
        lines.append("  .then((text) => console.log(text))")
        lines.append("  // A CORS failure is a TypeError; the reason is only in the browser's console.")
        lines.append("  .catch((error) => console.error(error));")
        return lines.joined(separator: "\n") + "\n"
    }

    /// The `XMLHttpRequest` code for `exchange`'s request.
    static func xhr(_ exchange: Exchange, title: String) -> String {
        let request = exchange.request
        var lines = header(exchange, title: title, api: "XMLHttpRequest")
        if request.api == .fetch {
            lines.append("// The scenario uses fetch(); this is the same request written with XMLHttpRequest.")
            if request.mode != .cors {
                lines.append(
                    "// XMLHttpRequest always uses mode 'cors'; the scenario's mode '\(request.mode.rawValue)' "
                        + "cannot be written here.")
            }
            if request.credentials == .omit {
                lines.append(
                    "// XMLHttpRequest cannot omit credentials for same-origin requests ('omit' has no XHR form).")
            }
        }
        lines.append("const xhr = new XMLHttpRequest();")
        lines.append(
            "xhr.open(" + CodeLiteral.javaScript(request.method) + ", " + CodeLiteral.javaScript(urlText(request))
                + ");")
        if request.credentials == .include {
            lines.append("// Cookies and other credentials go with the cross-origin request.")
            lines.append("xhr.withCredentials = true;")
        }
        for header in request.headers {
            lines.append(
                "xhr.setRequestHeader(" + CodeLiteral.javaScript(header.name) + ", "
                    + CodeLiteral.javaScript(header.value) + ");")
        }
        if request.hasUploadListener {
            lines.append("// A listener on xhr.upload before send() makes the browser send a preflight.")
            lines.append("xhr.upload.addEventListener('progress', (event) => console.log('sent', event.loaded));")
        }
        lines.append("xhr.onload = () => console.log(xhr.status, xhr.getAllResponseHeaders(), xhr.responseText);")
        lines.append("// A CORS failure is an error event with status 0; the reason is only in the browser's console.")
        lines.append("xhr.onerror = () => console.error('network error, status', xhr.status);")
        lines.append("xhr.send(" + (request.body.map(CodeLiteral.javaScript) ?? "null") + ");")
        return lines.joined(separator: "\n") + "\n"
    }

    private static func header(_ exchange: Exchange, title: String, api: String) -> [String] {
        let verdict = exchange.verdict
        return [
            "// " + CodeLiteral.comment(title),
            "// Run this on a page at " + CodeLiteral.comment(exchange.request.page.serialized)
                + " (cors-explorer export).",
            "// \(exchange.browser.displayName)'s verdict: \(verdict.outcome.rawValue). "
                + CodeLiteral.comment(verdict.summary),
            "// The script sees: " + CodeLiteral.comment(verdict.scriptResult),
        ]
    }

    private static func urlText(_ request: BrowserRequest) -> String {
        request.urlText ?? request.url.description
    }
}
