import ArgumentParser
import CORSScenarios

/// Loading a scenario the way the tool promises: a malformed file prints `file:line:col: error: …` on stderr and
/// exits with status 2.
enum ScenarioFile {
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
