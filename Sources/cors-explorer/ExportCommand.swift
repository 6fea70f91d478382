import ArgumentParser
import CORSCore
import CORSExport
import Foundation

/// `cors-explorer export FILE --as KIND`: curl commands, page code or a server configuration for a scenario.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a scenario as curl commands, fetch/XHR code, or a server configuration.",
        discussion: """
            Kinds: \(ExportKind.allCases.map(\.rawValue).joined(separator: ", ")).
            curl, fetch and xhr replay the request exactly as the chosen browser sends it. Server kinds write the
            scenario's server as that middleware's configuration; where the middleware cannot do the same, the file
            says so in a comment listing every difference (see docs/export.md).
            """
    )

    @Argument(help: "A scenario file (.yaml, .yml or .json).")
    var file: String

    @Option(name: .customLong("as"), help: "What to write.")
    var kind: ExportKind

    @Option(help: "The browser profile whose requests curl/fetch/xhr replay (default: the scenario's own).")
    var browser: BrowserProfile?

    @Option(help: "Write to this file instead of standard output.")
    var output: String?

    @Option(help: "Where an exported server listens, HOST:PORT.")
    var listen: String = "127.0.0.1:8080"

    func validate() throws {
        if parsedListen == nil {
            throw ValidationError("--listen takes HOST:PORT with a port from 1 to 65535, e.g. 127.0.0.1:8080")
        }
    }

    /// `listen` split into host and port, or nil when malformed.
    var parsedListen: (host: String, port: Int)? {
        guard let colon = listen.lastIndex(of: ":"), let port = Int(listen[listen.index(after: colon)...]),
            (1...65535).contains(port)
        else { return nil }
        var host = String(listen[..<colon])
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        guard !host.isEmpty, !host.contains(where: { $0.isWhitespace || $0 == ";" || $0 == "\"" }) else { return nil }
        return (host, port)
    }

    func run() throws {
        let scenario = try ScenarioFile.load(file)
        guard let listen = parsedListen else { throw ExitCode.validationFailure }
        let result = Exporter.export(
            scenario, as: kind,
            options: ExportOptions(browser: browser, listenHost: listen.host, listenPort: listen.port))
        guard let output else {
            print(result.text, terminator: "")
            return
        }
        do {
            try result.text.write(toFile: output, atomically: true, encoding: .utf8)
        } catch {
            Terminal.printError("error: cannot write \(output): \(error.localizedDescription)")
            throw ExitCode.failure
        }
        if !result.differences.isEmpty {
            Terminal.printError(
                "note: \(result.differences.count) difference(s) from the scenario's server, listed in \(output)")
        }
    }
}

extension ExportKind: ExpressibleByArgument {}
