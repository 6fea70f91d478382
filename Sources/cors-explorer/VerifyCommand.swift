import ArgumentParser
import CORSCore
import CORSScenarios
import CORSServe

/// `cors-explorer verify [PATHS…] --browser B`: runs scenarios in a real headless browser and compares.
struct VerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Run scenarios in a real headless browser and compare what it does with the evaluator.",
        discussion: """
            Each scenario's origins are served on loopback ports and its host names are mapped to 127.0.0.1 inside \
            the browser only (Chromium: --host-resolver-rules; Firefox: network.dns.localDomains in a fresh \
            profile), so no request leaves the machine. Compared: the requests that reach the server (the \
            preflight with Access-Control-Request-Method and -Headers; the actual request with Origin and Cookie; \
            every other header), what the script gets, the status, the readable headers and the console message \
            (Chromium only: Firefox shows it to DevTools only). Scenarios that cannot run here (https, an opaque \
            page origin) are reported as not verifiable.

            Exit status: 0 when every verifiable scenario agrees, 1 on any disagreement or failed run, 2 when a \
            file is malformed or the browser is not installed.
            """
    )

    @Argument(help: "Scenario files or folders (default: scenarios/).")
    var paths: [String] = []

    @Option(help: "The browser to run: chromium or firefox.")
    var browser: BrowserChoice = .chromium

    @Option(help: "Seconds one scenario may take in the browser.")
    var timeout: Int = 20

    @Flag(help: "Show every compared aspect, not only disagreements.")
    var verbose = false

    func run() async throws {
        let files = try ScenarioPaths.expand(paths.isEmpty ? ["scenarios"] : paths)
        var scenarios: [(String, Scenario)] = []
        for file in files { scenarios.append((file, try ScenarioFile.load(file))) }
        guard browser.kind.installedProgram != nil else {
            Terminal.printError("error: \(ServeError.browserMissing(browser.kind.debianPackage))")
            throw ExitCode(2)
        }
        let verifier = Verifier(browser: browser.kind, timeout: .seconds(max(1, timeout)))
        var tally = VerificationTally()
        var details: [String] = []
        Terminal.printNow(VerificationText.tableHeader(browser: browser.kind))
        for (file, scenario) in scenarios {
            let result = await verifier.verify(scenario)
            tally.add(result.status)
            Terminal.printNow([VerificationText.tableRow(file: file, result: result)])
            details += VerificationText.details(file: file, result: result, verbose: verbose)
        }
        if !details.isEmpty { Terminal.printNow([""] + details) }
        Terminal.printNow(["", tally.summary(browser: browser.kind)])
        if tally.disagreed + tally.failed > 0 { throw ExitCode(1) }
    }
}
