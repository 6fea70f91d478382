import ArgumentParser
import CORSCore
import CORSReport
import CORSScenarios

/// `cors-explorer explain FILE`: the whole exchange, step by step.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Print the whole exchange of a scenario: messages, a pass/fail marker on each header, the verdict."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Argument(help: "A scenario file (.yaml, .yml or .json).")
    var file: String

    @Option(help: "The browser profile: chromium, firefox, safari or spec (default: the scenario's own).")
    var browser: BrowserProfile?

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    @Option(
        name: .customLong("again-after"),
        help: "Send the same request again this many seconds later, to see the preflight cache at work.")
    var againAfter: Double?

    func validate() throws {
        if let againAfter, againAfter < 0 || !againAfter.isFinite {
            throw ValidationError("--again-after takes a number of seconds, 0 or more")
        }
    }

    func run() throws {
        var scenario = try ScenarioFile.load(file)
        if let againAfter { scenario.repeatAfter = againAfter }
        let (exchange, repeated) = scenario.evaluate(as: browser)
        switch format {
        case .json:
            let again = repeated.map { (after: scenario.repeatAfter ?? 0, exchange: $0) }
            print(ExchangeJSON.report(exchange, repeated: again).serialized())
        case .text:
            let style = Terminal.textStyle()
            print(ExchangeText.report(exchange, title: scenario.title, style: style))
            if let repeated, let after = scenario.repeatAfter {
                print("")
                print(style.bold("The same request again, \(formatSeconds(after)) later"))
                print(ExchangeText.report(repeated, style: style))
            }
        }
    }

    private func formatSeconds(_ seconds: Double) -> String {
        seconds == seconds.rounded() ? "\(Int(seconds)) s" : "\(seconds) s"
    }
}

extension BrowserProfile: ExpressibleByArgument {}
