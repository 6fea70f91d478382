import ArgumentParser
import CORSCore
import CORSScenarios
import CORSServe
import Foundation

/// `cors-explorer serve FILE`: the scenario's server and page on loopback, for any browser's DevTools.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve a scenario for a real browser: its server, byte for byte, and a page that runs its request.",
        discussion: """
            Each origin of the scenario gets a loopback HTTP server: the API answers exactly as the scenario's \
            server does, the page origin serves a page that runs the request with fetch or XHR and shows the \
            result. Every request that arrives is logged with its headers, and so is the answer. The browser must \
            resolve the scenario's host names to 127.0.0.1; serve prints the Chromium command line that does it. \
            Only http scenarios can be served (https needs a certificate the browser trusts). Stop with Ctrl-C.
            """
    )

    @Argument(help: "The scenario file.")
    var file: String

    @Option(
        help:
            "Serve the page on this port and the other origins on the ports after it (default: each origin on its own port from the scenario)."
    )
    var port: Int?

    @Option(help: "The address to listen on. Anything but loopback lets other machines reach the servers.")
    var host = "127.0.0.1"

    func run() async throws {
        let scenario = try ScenarioFile.load(file)
        let plan: ServePlan
        do {
            plan = try ServePlan(scenario: scenario, ports: port.map { .sequential(from: $0) } ?? .scenario)
        } catch {
            Terminal.printError("\(file): error: cannot serve this scenario: \(error.reason)")
            throw ExitCode(2)
        }
        if !Self.isLoopback(host) {
            Terminal.printError(
                "warning: listening on \(host), not on loopback: other machines can reach these servers.")
        }
        let server: ScenarioServer
        do {
            server = try await ScenarioServer.start(plan, host: host) { request, reply, dropped in
                Terminal.printNow(ServeLogText.lines(request, reply: reply, dropped: dropped))
            }
        } catch {
            Terminal.printError("error: \(error)")
            throw ExitCode(2)
        }
        Terminal.printNow(ServeLogText.banner(plan: plan, bound: server.bound))
        while !Task.isCancelled { try await Task.sleep(for: .seconds(3600)) }
    }

    static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }
}
