import ArgumentParser
import CORSScenarios

/// `cors-explorer list`: the scenario library with titles.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List the scenarios in a folder (default: scenarios/) with their titles.")

    @Argument(help: "Folders or files to list (default: scenarios/).")
    var paths: [String] = []

    func run() throws {
        let files = try ScenarioPaths.expand(paths.isEmpty ? ["scenarios"] : paths)
        let width = min(files.map(\.count).max() ?? 0, 60)
        for file in files {
            let padded = file.count < width ? file + String(repeating: " ", count: width - file.count) : file
            do {
                let scenario = try ScenarioLoader.load(path: file)
                print("\(padded)  \(scenario.title)")
            } catch {
                print("\(padded)  (unreadable: \(error.message))")
            }
        }
    }
}
