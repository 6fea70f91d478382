import ArgumentParser
import CORSScenarios

/// Reports a malformed scenario the way the tool promises: `file:line:col: error: …` on stderr and exit status 2.
struct ScenarioFileError: Error, CustomStringConvertible {
    let underlying: ScenarioError

    var description: String { underlying.description }

    /// Loads a scenario, or prints the error and exits with status 2.
    static func load(_ path: String) throws -> Scenario {
        do {
            return try ScenarioLoader.load(path: path)
        } catch {
            Terminal.printError(error.description)
            throw ExitCode(2)
        }
    }
}
