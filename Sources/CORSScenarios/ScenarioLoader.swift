import CORSCore
import Foundation
import Yams

/// Reads scenario files (YAML, or JSON, which the YAML parser also reads) into `Scenario` values.
///
/// Every problem is a `ScenarioError` naming the file, line and column and what was expected; unknown keys are
/// errors, never ignored.
public enum ScenarioLoader {
    /// The file extensions a scenario may have.
    public static let fileExtensions = ["yaml", "yml", "json"]

    /// Loads the scenario at `path`.
    public static func load(path: String) throws(ScenarioError) -> Scenario {
        guard let data = FileManager.default.contents(atPath: path) else {
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            let message =
                exists
                ? (isDirectory.boolValue ? "is a folder, not a scenario file" : "cannot be read") : "no such file"
            throw ScenarioError(file: path, line: nil, column: nil, message: message)
        }
        guard !data.contains(0), let text = String(data: data, encoding: .utf8) else {
            throw ScenarioError(
                file: path, line: nil, column: nil,
                message: "the file is not UTF-8 text; expected a YAML or JSON scenario")
        }
        return try parse(text, file: path)
    }

    /// Parses scenario text; `file` names it in errors.
    public static func parse(_ text: String, file: String) throws(ScenarioError) -> Scenario {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw syntaxError(error, file: file)
        } catch {
            throw ScenarioError(file: file, line: nil, column: nil, message: "cannot parse: \(error)")
        }
        guard let root else {
            throw ScenarioError(
                file: file, line: nil, column: nil,
                message: "the file is empty; expected a mapping with title, request and server")
        }
        return try ScenarioDecoder(reader: YAMLReader(file: file)).scenario(root)
    }

    private static func syntaxError(_ error: YamlError, file: String) -> ScenarioError {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let detail = context.map { "\($0.text) (at \($0.mark.line):\($0.mark.column)): " } ?? ""
            return ScenarioError(
                file: file, line: mark.line, column: mark.column, message: "YAML syntax: \(detail)\(problem)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            return ScenarioError(
                file: file, line: context.mark.line, column: context.mark.column,
                message: "duplicate keys: \(duplicates.joined(separator: ", "))")
        case .reader(let problem, _, _, _):
            return ScenarioError(file: file, line: nil, column: nil, message: "cannot read the text: \(problem)")
        default:
            return ScenarioError(file: file, line: nil, column: nil, message: "YAML: \(error)")
        }
    }

    /// Every scenario file under `directory`, sorted by path.
    public static func scenarioFiles(in directory: String) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: directory) else { return [] }
        var files: [String] = []
        while let relative = enumerator.nextObject() as? String {
            let ext = (relative as NSString).pathExtension.lowercased()
            if fileExtensions.contains(ext) { files.append((directory as NSString).appendingPathComponent(relative)) }
        }
        return files.sorted()
    }
}
