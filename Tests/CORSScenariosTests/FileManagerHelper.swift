import Foundation

enum FileManagerHelper {
    /// Writes `contents` to a fresh temporary file and returns its path.
    static func temporaryFile(contents: [UInt8], suffix: String = ".yaml") -> String {
        let path = NSTemporaryDirectory() + "cors-explorer-test-\(UUID().uuidString)\(suffix)"
        _ = FileManager.default.createFile(atPath: path, contents: Data(contents))
        return path
    }
}
