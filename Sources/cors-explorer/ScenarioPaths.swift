import ArgumentParser
import CORSScenarios
import Foundation

/// Expands command-line paths into scenario files.
enum ScenarioPaths {
    static func expand(_ paths: [String]) throws -> [String] {
        var files: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                Terminal.printError("\(path): error: no such file or folder")
                throw ExitCode(2)
            }
            files += isDirectory.boolValue ? ScenarioLoader.scenarioFiles(in: path) : [path]
        }
        return files
    }
}
