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
        return try parse(bytes: Array(data), file: path)
    }

    /// Parses the bytes of a scenario file; `file` names it in errors.
    ///
    /// Bytes that are not UTF-8 text (a NUL, an invalid sequence) are an error at their line and column.
    public static func parse(bytes: [UInt8], file: String) throws(ScenarioError) -> Scenario {
        if let (offset, problem) = firstNonTextByte(bytes) {
            let (line, column) = position(ofByte: offset, in: bytes)
            throw ScenarioError(
                file: file, line: line, column: column,
                message: "\(problem): the file is not UTF-8 text; expected a YAML or JSON scenario")
        }
        return try parse(String(decoding: bytes, as: UTF8.self), file: file)
    }

    /// The offset of the first NUL or invalid UTF-8 byte, and what it is.
    private static func firstNonTextByte(_ bytes: [UInt8]) -> (Int, String)? {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                if scalar.value == 0 { return (offset, "a NUL byte") }
                offset += UTF8.width(scalar)
            case .emptyInput:
                return nil
            case .error:
                let byte = bytes[offset]
                return (offset, "byte 0x\(String(byte, radix: 16, uppercase: true)) is not valid UTF-8")
            }
        }
    }

    /// The 1-based line and column (in characters) of the byte at `offset`.
    private static func position(ofByte offset: Int, in bytes: [UInt8]) -> (Int, Int) {
        let before = bytes[..<offset]
        let lineStart = before.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
        let line = before.count(where: { $0 == 0x0A }) + 1
        let column = String(decoding: bytes[lineStart..<offset], as: UTF8.self).count + 1
        return (line, column)
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
                file: file, line: 1, column: 1,
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
        case .reader(let problem, let offset, let value, let yaml):
            // `offset` counts Characters from the start of the text.
            var line: Int?
            var column: Int?
            if let offset, let index = yaml.index(yaml.startIndex, offsetBy: offset, limitedBy: yaml.endIndex) {
                let before = yaml[..<index]
                line = before.count(where: \.isNewline) + 1
                column =
                    before.distance(
                        from: before.lastIndex(where: \.isNewline).map(before.index(after:)) ?? before.startIndex,
                        to: before.endIndex) + 1
            }
            let character = Escaping.visible(
                String(UnicodeScalar(UInt32(bitPattern: value)).map(Character.init) ?? " "))
            return ScenarioError(
                file: file, line: line, column: column,
                message: "YAML cannot contain '\(character)' (U+\(hex4(value))): \(problem); "
                    + "write control characters as escapes inside a double-quoted string, e.g. \"\\t\"")
        default:
            return ScenarioError(file: file, line: nil, column: nil, message: "YAML: \(error)")
        }
    }

    private static func hex4(_ value: Int32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
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
