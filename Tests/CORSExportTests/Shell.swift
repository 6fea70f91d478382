import Foundation

/// Runs programs for the export tests.
enum Shell {
    /// A program's exit status and standard output and error.
    struct Run {
        let status: Int32
        let output: String
        let error: String
    }

    /// Runs `executable` with `arguments` (and `environment` added to this process's) to the end.
    static func run(_ executable: String, _ arguments: [String], environment: [String: String] = [:]) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus, output: String(decoding: outputData, as: UTF8.self),
            error: String(decoding: errorData, as: UTF8.self))
    }

    /// The absolute path of `tool` on the PATH (or in /usr/sbin), or nil.
    static func which(_ tool: String) -> String? {
        let found = try? run("/bin/sh", ["-c", "PATH=\"$PATH:/usr/sbin:/sbin\" command -v \"$0\"", tool])
        let path = found?.output.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        return found?.status == 0 && !path.isEmpty ? path : nil
    }

    /// A new empty folder.
    static func makeFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cors-export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// A port that was free a moment ago.
    static func freePort() throws -> Int {
        let python = try run(
            "/usr/bin/env",
            ["python3", "-c", "import socket; s=socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])"])
        guard let port = Int(python.output.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw ExportTestFailure("could not find a free port: \(python.error)")
        }
        return port
    }
}
