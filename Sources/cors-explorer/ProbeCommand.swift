import ArgumentParser
import CORSCore
import CORSProbe
import CORSReport
import CORSScenarios
import Foundation

/// `cors-explorer probe URL --origin O`: the browser's messages sent to the real server, and why it answers so.
struct ProbeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "probe",
        abstract: "Send the real preflight and request a browser would send, and explain the real answers.",
        discussion: """
            The evaluator decides what the browser sends (a preflight or not, which headers, which redirects it \
            follows); probe sends exactly that over HTTP/1.1, records each answer without following redirects, \
            and explains the recorded answers as `explain` does. --save writes them as a scenario with a raw \
            server. http goes out through SwiftNIO, https through the curl program (certificates checked; \
            --cacert adds a private CA). A network or TLS failure prints one line and exits with status 2. \
            See docs/probe.md.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Argument(help: "The URL the script requests (http or https).")
    var url: String

    @Option(help: "The origin of the page that runs the script, e.g. https://app.example.com.")
    var origin: String

    @Option(help: "The method the script uses.")
    var method = "GET"

    @Option(name: .customLong("header"), help: "A header the script sets, as 'Name: value' (repeatable).")
    var headers: [String] = []

    @Option(help: "A body the script sends (a string).")
    var body: String?

    @Flag(help: "The script asks for credentials (fetch credentials: 'include').")
    var credentials = false

    @Option(help: "The cookie the browser holds for the URL's host (sent only with --credentials).")
    var cookie: String?

    @Option(help: "The browser profile: chromium, firefox, safari or spec.")
    var browser: BrowserProfile = .chromium

    @Option(help: "Seconds to wait for each answer.")
    var timeout: Double = 10

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    @Option(help: "Write the scenario with the recorded answers to this file.")
    var save: String?

    @Option(
        name: .customLong("connect-to"),
        help: "HOST:PORT:ADDRESS:PORT: connect to ADDRESS:PORT for requests to HOST:PORT (as curl --connect-to).")
    var connectTo: [String] = []

    @Option(
        name: .customLong("cacert"),
        help: "A PEM file of CA certificates to trust for https too, e.g. a private CA (as curl --cacert).")
    var caCertificates: String?

    func validate() throws {
        guard timeout > 0, timeout.isFinite, timeout <= 3600 else {
            throw ValidationError("--timeout takes a number of seconds, more than 0 and at most 3600")
        }
        if let caCertificates, !FileManager.default.isReadableFile(atPath: caCertificates) {
            throw ValidationError("--cacert '\(Escaping.visible(caCertificates))' is not a readable file")
        }
    }

    func run() async throws {
        let request = try browserRequest()
        let client = ProbeClient(
            timeout: .milliseconds(Int64(timeout * 1000)), connectTo: try connectTargets(),
            caCertificates: caCertificates)
        let result: LiveProbe.Result
        do {
            result = try await LiveProbe.run(request, browser: browser, client: client)
        } catch {
            Terminal.printError("error: \(Escaping.visible(error.description))")
            throw ExitCode(2)
        }
        if result.recording.messages.isEmpty {
            Terminal.printError("probe: nothing sent: the browser stops before sending anything (see the report)")
        }
        for message in result.recording.messages {
            Terminal.printError(
                "probe: \(message.request.method) \(message.request.url.serializedWithoutFragment) → "
                    + "\(message.response.status) \(message.response.reasonPhrase)")
        }
        for note in result.recording.notes { Terminal.printError("note: \(Escaping.visible(note))") }
        if save != nil, result.recording.response == nil {
            Terminal.printError(
                "note: the browser sends no actual request here, so the saved scenario's actual answer is a "
                    + "placeholder 200 with no headers")
        }
        let scenario = Scenario(
            title: "Probe: \(request.method) \(url) from \(request.page.serialized)", browser: browser,
            request: request, server: result.recording.server)
        switch format {
        case .json: print(ExchangeJSON.report(result.exchange).serialized())
        case .text: print(ExchangeText.report(result.exchange, title: scenario.title, style: Terminal.textStyle()))
        }
        if let save {
            do {
                try ScenarioWriter.yaml(scenario).write(toFile: save, atomically: true, encoding: .utf8)
            } catch {
                Terminal.printError("error: cannot write \(save): \(error.localizedDescription)")
                throw ExitCode(2)
            }
            Terminal.printError("wrote \(save)")
        }
    }

    private func browserRequest() throws -> BrowserRequest {
        let target: ParsedURL
        let page: Origin
        do {
            target = try ParsedURL.parseForAnyBrowser(url)
        } catch {
            Terminal.printError("error: the URL '\(Escaping.visible(url))' is not valid: \(error)")
            throw ExitCode(2)
        }
        do {
            page = try Origin.parse(origin)
        } catch {
            Terminal.printError("error: --origin '\(Escaping.visible(origin))' is not an origin: \(error)")
            throw ExitCode(2)
        }
        let fields = try headers.map { text in
            guard let colon = text.firstIndex(of: ":"), colon != text.startIndex else {
                throw ValidationError("--header '\(Escaping.visible(text))' must be 'Name: value'")
            }
            return HeaderField(
                String(text[..<colon]), String(text[text.index(after: colon)...]).trimmingHTTPWhitespace)
        }
        return BrowserRequest(
            page: page, url: target, urlText: url, method: method, headers: fields,
            credentials: credentials ? .include : .sameOrigin, body: body, cookie: cookie)
    }

    private func connectTargets() throws -> [String: ProbeClient.ConnectTarget] {
        var targets: [String: ProbeClient.ConnectTarget] = [:]
        for text in connectTo {
            let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 4, let port = Int(parts[3]), !parts[2].isEmpty else {
                throw ValidationError("--connect-to '\(Escaping.visible(text))' must be HOST:PORT:ADDRESS:PORT")
            }
            targets["\(parts[0]):\(parts[1])"] = ProbeClient.ConnectTarget(host: parts[2], port: port)
        }
        return targets
    }
}
