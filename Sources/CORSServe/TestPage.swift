import CORSCore
import CORSScenarios
import Foundation

/// The page the page-origin server sends: it runs the scenario's request with fetch or XHR, shows what the
/// script got, and posts it back to the harness.
public enum TestPage {
    /// The page's HTML for `plan`, served with `bound` ports.
    public static func html(_ plan: ServePlan, bound: [BoundOrigin]) -> String {
        let scenario = plan.scenario
        let request = PageRequest(scenario.request, repeatAfter: scenario.repeatAfter)
        let lesson = scenario.lesson.map { "<p>\(escaped($0))</p>\n" } ?? ""
        let mapping = bound.map {
            "<li><code>\(escaped($0.origin.serialized))</code> (\($0.origin.role.rawValue)): "
                + "127.0.0.1:\($0.localPort)</li>"
        }
        return """
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <link rel="icon" href="data:,">
            <title>cors-explorer: \(escaped(scenario.title))</title>
            <style>
            body { font: 16px/1.5 system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; }
            pre { background: #f3f3f3; padding: .75rem; white-space: pre-wrap; }
            </style>
            </head>
            <body>
            <h1>\(escaped(scenario.title))</h1>
            \(lesson)<p>This page runs the scenario's request with <code>\(request.api)</code>. Open the developer \
            tools (Console and Network), then <button id="again">run it again</button>.</p>
            <h2>The request</h2>
            <pre>\(escaped(requestSummary(request)))</pre>
            <h2>What the script got</h2>
            <pre id="result">running…</pre>
            <h2>Where the origins are served</h2>
            <ul>\(mapping.joined())</ul>
            <p>The browser must resolve these host names to 127.0.0.1 and the ports above; for Chromium:</p>
            <pre>\(escaped(HostMapping.chromiumCommand(bound, url: plan.pageURL)))</pre>
            <script type="application/json" id="scenario">\(json(request))</script>
            <script>
            \(script)
            </script>
            </body>
            </html>

            """
    }

    private static func requestSummary(_ request: PageRequest) -> String {
        var lines = ["\(request.method) \(request.url)", "api: \(request.api)"]
        if request.api == "fetch" { lines.append("mode: \(request.mode)") }
        lines.append("credentials: \(request.credentials)")
        lines += request.headers.map { "\($0[0]): \($0[1])" }
        if let body = request.body { lines.append("body: \(body)") }
        if !request.cookies.isEmpty {
            lines.append("cookie set first on \(request.cookieOrigin): \(request.cookies.joined(separator: "; "))")
        }
        if let again = request.repeatAfter {
            let seconds = ScenarioWriter.number(again)
            lines.append("sent again \(seconds) s after the first run ends, with the preflight cache it left")
        }
        return lines.map(Escaping.visible).joined(separator: "\n")
    }

    /// The request as JSON that is safe inside a `<script>` element.
    private static func json(_ request: PageRequest) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard let data = try? encoder.encode(request) else { return "{}" }
        return String(decoding: data, as: UTF8.self).replacingOccurrences(of: "<", with: "\\u003c")
    }

    /// Text safe inside HTML elements and attribute values.
    static func escaped(_ text: String) -> String {
        var output = ""
        for character in text {
            switch character {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            case "'": output += "&#39;"
            default: output.append(character)
            }
        }
        return output
    }

    /// The console line the page logs each time the script has its result (twice for a repeated request).
    public static let doneMarker = "__cors-explorer-done__"

    private static let script = """
        "use strict";
        const s = JSON.parse(document.getElementById("scenario").textContent);
        const out = document.getElementById("result");
        function headerNames(text) {
          const names = text.split("\\r\\n").filter((line) => line.includes(":"))
            .map((line) => line.slice(0, line.indexOf(":")).trim().toLowerCase());
          return [...new Set(names)].sort();
        }
        function send() {
          if (s.api === "xhr") {
            return new Promise((resolve) => {
              const xhr = new XMLHttpRequest();
              xhr.open(s.method, s.url);
              xhr.withCredentials = s.credentials === "include";
              for (const [name, value] of s.headers) xhr.setRequestHeader(name, value);
              if (s.uploadListener) xhr.upload.addEventListener("progress", () => {});
              xhr.onload = () => resolve({ result: "resolved", type: "xhr", status: xhr.status,
                headers: headerNames(xhr.getAllResponseHeaders()) });
              xhr.onerror = () => resolve({ result: "rejected", error: "error event" });
              xhr.send(s.body);
            });
          }
          const headers = new Headers();
          for (const [name, value] of s.headers) headers.append(name, value);
          const init = { method: s.method, mode: s.mode, credentials: s.credentials, headers };
          if (s.body !== null && s.body !== undefined) init.body = s.body;
          return fetch(s.url, init).then((response) => ({ result: "resolved", type: response.type,
            status: response.status, headers: [...new Set(response.headers.keys())].sort() }));
        }
        async function run(label) {
          out.textContent = `${label}running…`;
          let report;
          try {
            report = await send();
          } catch (error) {
            report = { result: "rejected", error: `${error.name}: ${error.message}` };
          }
          out.textContent = label + JSON.stringify(report, null, 2);
          console.log("\(doneMarker)");
          await fetch("\(HarnessPath.report)", { method: "POST", body: JSON.stringify(report) });
        }
        async function runScenario() {
          if (s.repeatAfter == null) return run("");
          await run("first run: ");
          out.textContent += `\n\nsending it again in ${s.repeatAfter} s…`;
          await new Promise((resolve) => setTimeout(resolve, s.repeatAfter * 1000));
          await run(`again, ${s.repeatAfter} s later: `);
        }
        document.getElementById("again").onclick = () => run("");
        if (s.cookies.length > 0 && !location.search.includes("cookie-set")) {
          const back = location.origin + location.pathname + "?cookie-set=1";
          location.replace(s.cookieOrigin + "\(HarnessPath.cookie)?next=" + encodeURIComponent(back));
        } else {
          runScenario();
        }
        """
}
