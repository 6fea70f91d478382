import Foundation
import Subprocess

/// The built `cors-explorer` executable and the files the end-to-end tests need around it.
enum ExplorerBinary {
    static let name = "cors-explorer"

    /// The executable in the build products folder, found once per test run.
    static let lookup: Result<URL, EndToEndFailure> = find()

    /// The executable, or a failure that says where it was looked for.
    static func url() throws -> URL { try lookup.get() }

    /// `scenarios/` at the package root.
    static let scenarios = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Support
        .deletingLastPathComponent()  // EndToEndTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // package root
        .appendingPathComponent("scenarios")

    /// A scenario file from `scenarios/`.
    static func scenario(_ fileName: String) -> String {
        scenarios.appendingPathComponent(fileName).path
    }

    /// The environment every run of the app gets: a UTF-8 locale, no interactive crash reports, no colour
    /// preference or tmux of the developer's own, and TERM left alone.
    static let environment: Environment = .inherit.updating([
        "LANG": "C.UTF-8",
        "LC_ALL": nil,
        "LC_CTYPE": nil,
        "SWIFT_BACKTRACE": "interactive=no",
        "NO_COLOR": nil,
        "TMUX": nil,
        "TMUX_PANE": nil,
    ])

    /// Looks beside the test bundle first: `swift test` builds the executable into the same products folder
    /// (`.build/<triple>/debug`, or the `--scratch-path` equivalent), since the test target depends on it.
    private static func find() -> Result<URL, EndToEndFailure> {
        let environment = ProcessInfo.processInfo.environment
        if let override = environment["CORS_EXPLORER_BINARY"], !override.isEmpty {
            guard FileManager.default.isExecutableFile(atPath: override) else {
                return .failure(EndToEndFailure("CORS_EXPLORER_BINARY=\(override) is not an executable file"))
            }
            return .success(URL(fileURLWithPath: override))
        }
        var folders: [URL] = [Bundle.main.bundleURL]
        if let executable = Bundle.main.executableURL { folders.append(executable.deletingLastPathComponent()) }
        // On macOS the tests load from a `.xctest` bundle that sits in the products folder.
        for bundle in Bundle.allBundles where bundle.bundleURL.pathExtension == "xctest" {
            folders.append(bundle.bundleURL.deletingLastPathComponent())
        }
        if let first = CommandLine.arguments.first {
            folders.append(URL(fileURLWithPath: first).deletingLastPathComponent())
        }
        var tried: [String] = []
        for folder in folders {
            let candidate = folder.appendingPathComponent(name).standardizedFileURL
            guard !tried.contains(candidate.path) else { continue }
            tried.append(candidate.path)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return .success(candidate) }
        }
        return .failure(
            EndToEndFailure(
                """
                The \(name) executable was not found in the build products folder. Looked at:
                \(tried.map { "  " + $0 }.joined(separator: "\n"))
                Build it first (`swift build`; `swift test` does so because EndToEndTests depends on it), or set \
                CORS_EXPLORER_BINARY to its path.
                """))
    }
}

/// A failed step of an end-to-end test, with what the test saw.
struct EndToEndFailure: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}

/// A fresh folder under the system's temporary folder, removed by ``remove()``.
struct TemporaryFolder: Sendable {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("cors-e2e-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// The path of `name` inside the folder.
    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    /// The contents of `name`, or nil when it does not exist (yet).
    func read(_ name: String) -> String? { try? String(contentsOfFile: path(name), encoding: .utf8) }

    func write(_ text: String, to name: String) throws {
        try text.write(toFile: path(name), atomically: true, encoding: .utf8)
    }

    func remove() { try? FileManager.default.removeItem(at: url) }
}
