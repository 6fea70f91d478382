import ArgumentParser
import CORSCore
import CORSImport
import CORSScenarios
import Foundation

/// Where an imported scenario goes: its notes on stderr, the YAML to stdout or a file.
enum ImportOutput {
    /// Prints the notes (escaped) on stderr and writes the scenario's YAML to `output`, or stdout when nil.
    static func write(_ imported: ImportedScenario, to output: String?) throws {
        for note in imported.notes { Terminal.printError("note: \(Escaping.visible(note))") }
        let yaml = ScenarioWriter.yaml(imported.scenario)
        guard let output else {
            print(yaml, terminator: "")
            return
        }
        do {
            try yaml.write(toFile: output, atomically: true, encoding: .utf8)
        } catch {
            Terminal.printError("error: cannot write \(output): \(error.localizedDescription)")
            throw ExitCode(2)
        }
        Terminal.printError("wrote \(output)")
    }

    /// Prints an import error on stderr and returns the exit status 2.
    static func fail(_ message: String) -> ExitCode {
        Terminal.printError("error: \(Escaping.visible(message))")
        return ExitCode(2)
    }
}
