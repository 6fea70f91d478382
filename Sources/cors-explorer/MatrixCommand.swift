import ArgumentParser
import CORSCore
import CORSMatrix
import CORSReport
import Foundation

/// `cors-explorer matrix FILE`: which variations of the scenario's request the server lets a script read.
struct MatrixCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "matrix",
        abstract:
            "What if the request came from another origin, used another method or headers, or sent credentials? "
            + "A grid of every combination, with the failing check of each blocked one."
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

    @Option(help: "The width of the text grid in columns (the origin labels get what the cells leave).")
    var width: Int = 100

    @Flag(help: "Print every attacker origin on its own row (by default, rows with the same cells are merged).")
    var allRows = false

    func run() async throws {
        let scenario = try ScenarioFile.load(file)
        // The rows are shared out over the machine's cores.
        let matrix = await WhatIfMatrix.evaluating(
            request: scenario.request, server: scenario.server, browser: browser ?? scenario.browser,
            parallelism: ProcessInfo.processInfo.activeProcessorCount)
        switch format {
        case .json:
            print(MatrixJSON.report(matrix).serialized())
        case .text:
            let style = Terminal.textStyle()
            print(style.bold(Escaping.visible(scenario.title)))
            for line in MatrixText(matrix, width: width, allRows: allRows).lines { print(line) }
        }
    }
}
