import Foundation

/// New empty folders in the temporary directory, one per server or test.
public enum ScratchFolder {
    /// A new empty folder whose name starts with `prefix`.
    public static func make(_ prefix: String = "cors-live") throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }
}
