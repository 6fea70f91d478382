import ArgumentParser
import CORSCore
import CORSReport
import CORSScenarios

/// `cors-explorer [open] [FILE]`: the interactive explorer; plain text when there is no terminal to draw on.
struct OpenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open",
        abstract: "Open the interactive explorer on a scenario (the default: `cors-explorer FILE` does the same).",
        discussion: """
            Without FILE, a built-in scenario opens: a PUT whose preflight fails. Press ? in the explorer for the keys.
            When standard output or input is not a terminal, or TERM is dumb or unset, the exchange is printed as
            plain text instead (as `explain` does).
            """
    )

    @Argument(help: "A scenario file (.yaml, .yml or .json); without one, the built-in welcome scenario.")
    var file: String?

    @Option(help: "The browser profile: chromium, firefox, safari or spec (default: the scenario's own).")
    var browser: BrowserProfile?

    func run() throws {
        var scenario = try loadScenario()
        if let browser { scenario.browser = browser }
        let capabilities = TerminalCapabilities.current()
        if let reason = capabilities.plainReason {
            printPlain(scenario, reason: reason)
            return
        }
        try ExplorerSession.run(
            scenario, savePath: ExplorerSession.savePath(forFile: file),
            capabilities: capabilities)
    }

    private func loadScenario() throws -> Scenario {
        if let file { return try ScenarioFile.load(file) }
        do {
            return try BuiltInScenario.scenario()
        } catch {
            Terminal.printError(error.description)
            throw ExitCode(2)
        }
    }

    private func printPlain(_ scenario: Scenario, reason: String) {
        let (exchange, repeated) = scenario.evaluate()
        let style = TextStyle(usesColor: false)
        print(ExchangeText.report(exchange, title: scenario.title, style: style))
        if let repeated, let after = scenario.repeatAfter {
            print("")
            print("The same request again, \(after) s later")
            print(ExchangeText.report(repeated, style: style))
        }
        print("")
        print("(Plain text because \(reason). Run cors-explorer in a terminal for the interactive explorer.)")
    }
}
