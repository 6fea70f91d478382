import ArgumentParser
import CORSScenarios
import Foundation

/// `cors-explorer check [PATHS…]`: runs every scenario's `expect` block.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Run every scenario's expectations; one line per file, then 'N passed, N failed'.",
        discussion: "Exit status: 0 when all pass, 1 when an expectation fails, 2 when a file is malformed."
    )

    @Argument(help: "Scenario files or folders (default: scenarios/).")
    var paths: [String] = []

    func run() throws {
        let files = try ScenarioPaths.expand(paths.isEmpty ? ["scenarios"] : paths)
        var passed = 0
        var failed = 0
        var malformed = 0
        for file in files {
            let scenario: Scenario
            do {
                scenario = try ScenarioLoader.load(path: file)
            } catch {
                failed += 1
                malformed += 1
                print("FAIL  \(file)\n      \(error.description)")
                continue
            }
            let results = ExpectationChecker.check(scenario)
            if results.isEmpty {
                print("SKIP  \(file)  (no expect block)")
                continue
            }
            let browsers = results.map(\.browser.rawValue).joined(separator: ", ")
            if results.allSatisfy(\.passed) {
                passed += 1
                print("PASS  \(file)  (\(browsers))")
            } else {
                failed += 1
                print("FAIL  \(file)")
                for result in results where !result.passed {
                    for mismatch in result.mismatches { print("      \(result.browser.rawValue): \(mismatch)") }
                }
            }
        }
        print("\(passed) passed, \(failed) failed")
        if malformed > 0 { throw ExitCode(2) }
        if failed > 0 { throw ExitCode(1) }
    }
}
