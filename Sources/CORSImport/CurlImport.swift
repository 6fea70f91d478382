import CORSCore
import CORSScenarios

/// Reads the curl command a browser's "Copy as cURL" writes (bash flavour) and turns it into a scenario.
///
/// Understood: the URL (positional or `--url`), `-X`/`--request`, `-H`/`--header`, `-b`/`--cookie`, the body options
/// `--data-raw`, `--data`, `-d`, `--data-binary`, `--data-ascii` (several join with `&`, as curl does; a body
/// without `-X` makes the method POST, as in curl), `-A`/`--user-agent` and `-e`/`--referer` (as headers), and the
/// flags browsers add that change nothing here (`--compressed`, `--insecure`, `-k`, `-s`, `-L`, `-i`, `-v`,
/// `-g`, `--http1.1`, `--http2`, …). Anything else is an error naming the option.
public enum CurlImport {
    private static let ignoredFlags: Set<String> = [
        "--compressed", "--insecure", "-k", "-s", "--silent", "-S", "--show-error", "-L", "--location", "-i",
        "--include", "-v", "--verbose", "-g", "--globoff", "--http1.0", "--http1.1", "--http2",
        "--http2-prior-knowledge",
        "--http3", "-N", "--no-buffer", "-f", "--fail",
    ]
    private static let dataOptions: Set<String> = ["--data-raw", "--data", "-d", "--data-binary", "--data-ascii"]

    /// The request the command sends, as copied.
    public static func parse(_ command: String) throws(ImportError) -> CopiedRequest {
        var words = try ShellWords.split(command)[...]
        guard let program = words.popFirst() else { throw ImportError("the curl command is empty") }
        guard program == "curl" || program.hasSuffix("/curl") || program == "curl.exe" else {
            throw ImportError("expected a command starting with 'curl', found '\(Escaping.visible(program))'")
        }
        var url: String?
        var method: String?
        var headers: [HeaderField] = []
        var bodies: [String] = []
        var cookies: [String] = []
        while let word = words.popFirst() {
            let (option, attached) = split(word)
            func value() throws(ImportError) -> String {
                if let attached { return attached }
                guard let next = words.popFirst() else { throw ImportError("curl option \(option) needs a value") }
                return next
            }
            switch option {
            case "-H", "--header":
                headers.append(try header(try value()))
            case "-X", "--request":
                method = try value()
            case "-b", "--cookie":
                cookies.append(try value())
            case "--url":
                url = try value()
            case "-A", "--user-agent":
                headers.append(HeaderField("User-Agent", try value()))
            case "-e", "--referer":
                headers.append(HeaderField("Referer", try value()))
            case _ where dataOptions.contains(option):
                bodies.append(try value())
            case _ where ignoredFlags.contains(word):
                continue
            case _ where word.hasPrefix("-") && word.count > 1:
                throw ImportError("unsupported curl option '\(Escaping.visible(word))'")
            default:
                guard url == nil else {
                    throw ImportError(
                        "the command has two URLs, '\(Escaping.visible(url ?? ""))' and '\(Escaping.visible(word))'")
                }
                url = word
            }
        }
        guard let url else { throw ImportError("the curl command has no URL") }
        let body = bodies.isEmpty ? nil : bodies.joined(separator: "&")
        return CopiedRequest(
            method: method ?? (body == nil ? "GET" : "POST"), url: url, headers: headers, body: body,
            cookie: cookies.isEmpty ? nil : cookies.joined(separator: "; "))
    }

    /// The scenario for a copied curl command; `origin` is the page origin when the copy has no `Origin` header.
    public static func scenario(from command: String, origin: String? = nil) throws(ImportError) -> ImportedScenario {
        let copied = try parse(command)
        var notes: [String] = []
        let request = try copied.browserRequest(origin: origin, notes: &notes)
        notes.append(
            "a curl command has no response: the server answers 200 with no headers; edit server: in the file, "
                + "or record the real answers with cors-explorer probe … --save FILE")
        let scenario = Scenario(
            title: "Imported from curl: \(request.method) \(copied.url)", request: request,
            server: ServerDefinition(behavior: .raw(preflight: nil, response: ServerResponse(status: 200))))
        return ImportedScenario(scenario: scenario, notes: notes)
    }

    /// `-XPUT` and `-H…` carry their value attached; long options never do here.
    private static func split(_ word: String) -> (option: String, attached: String?) {
        guard word.count > 2, word.hasPrefix("-"), !word.hasPrefix("--") else { return (word, nil) }
        let option = String(word.prefix(2))
        guard ["-H", "-X", "-b", "-d", "-A", "-e"].contains(option) else { return (word, nil) }
        return (option, String(word.dropFirst(2)))
    }

    private static func header(_ text: String) throws(ImportError) -> HeaderField {
        guard let colon = text.firstIndex(of: ":") else {
            throw ImportError("the header '\(Escaping.visible(text))' has no ':' between name and value")
        }
        let name = String(text[..<colon])
        let value = String(text[text.index(after: colon)...]).trimmingHTTPWhitespace
        guard !name.isEmpty, !name.contains(" ") else {
            throw ImportError("the header '\(Escaping.visible(text))' has no valid name before ':'")
        }
        return HeaderField(name, value)
    }
}
