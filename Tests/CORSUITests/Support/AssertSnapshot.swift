import Foundation
import Testing

/// Compares `actual` with `__Snapshots__/<TestFile>/<name>.txt` beside the calling test file.
///
/// A missing snapshot is written and the test fails, so a new baseline is always reviewed before it lands. Set
/// `RECORD_SNAPSHOTS=1` to rewrite every snapshot a run touches (each rewrite fails too).
func assertSnapshot(
    _ actual: String, named name: String, filePath: String = #filePath,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    let testFile = URL(fileURLWithPath: filePath)
    let directory = testFile.deletingLastPathComponent()
        .appendingPathComponent("__Snapshots__")
        .appendingPathComponent(testFile.deletingPathExtension().lastPathComponent)
    let file = directory.appendingPathComponent("\(name).txt")
    let recording = ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"].map { !$0.isEmpty && $0 != "0" } ?? false
    guard !recording, let expected = try? String(contentsOf: file, encoding: .utf8) else {
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try (actual + "\n").write(to: file, atomically: true, encoding: .utf8)
            Issue.record("Recorded snapshot \(file.path); review it and run again.", sourceLocation: sourceLocation)
        } catch {
            Issue.record("Could not record snapshot \(file.path): \(error)", sourceLocation: sourceLocation)
        }
        return
    }
    if actual + "\n" != expected {
        Issue.record(
            "Snapshot \(name) differs from \(file.path):\n\(firstDifference(expected, actual + "\n"))",
            sourceLocation: sourceLocation)
    }
}

/// The first differing line of two snapshots, for the failure message.
private func firstDifference(_ expected: String, _ actual: String) -> String {
    let old = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let new = actual.split(separator: "\n", omittingEmptySubsequences: false)
    func line(_ lines: [Substring], _ index: Int) -> String { index < lines.count ? String(lines[index]) : "(none)" }
    for index in 0..<max(old.count, new.count) where line(old, index) != line(new, index) {
        return "line \(index + 1)\n  expected: \(line(old, index))\n  actual:   \(line(new, index))"
    }
    return "(no line differs)"
}
