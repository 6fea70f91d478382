import Foundation

/// Runs programs for the live tests and finds them on the PATH.
public enum Command {
    /// Runs `executable` with `arguments` (and `environment` added to this process's) to the end, off the pool.
    public static func run(
        _ executable: String, _ arguments: [String], environment: [String: String] = [:]
    ) async throws -> CommandResult {
        try await OffPool.run { try runBlocking(executable, arguments, environment: environment) }
    }

    /// The standard output of `executable`; a failure with its standard error when it exits with an error.
    public static func output(_ executable: String, _ arguments: [String]) async throws -> String {
        let result = try await run(executable, arguments)
        try requireSuccess(result, executable, arguments)
        return result.output
    }

    /// The absolute path of `tool` on the PATH (or in /usr/sbin, /sbin), or nil.
    public static func which(_ tool: String) -> String? {
        let search = "PATH=\"$PATH:/usr/sbin:/sbin\" command -v \"$0\""
        let found = try? runBlocking("/bin/sh", ["-c", search, tool])
        let path = found?.output.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        return found?.status == 0 && !path.isEmpty ? path : nil
    }

    /// The absolute path of `tool`, or a failure that names it and says what to install.
    public static func tool(_ tool: String, install: String) throws -> String {
        guard let path = which(tool) else {
            throw LiveFailure("\(tool) is not installed; install \(install) to run this test")
        }
        return path
    }

    /// Runs a program to the end on the calling thread: only from `OffPool` work or a quick synchronous lookup.
    static func runBlocking(
        _ executable: String, _ arguments: [String], environment: [String: String] = [:]
    ) throws -> CommandResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        // Standard error goes to a file, not a second pipe: a program that fills the error pipe while this thread
        // waits for the end of its output would otherwise wait for ever.
        let errorFile = FileManager.default.temporaryDirectory.appendingPathComponent(
            "cors-stderr-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: errorFile) }
        let output = Pipe()
        process.standardOutput = output
        process.standardError = try FileHandle(forWritingTo: errorFile)
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let errorData = (try? Data(contentsOf: errorFile)) ?? Data()
        return CommandResult(
            status: process.terminationStatus, output: String(decoding: outputData, as: UTF8.self),
            error: String(decoding: errorData, as: UTF8.self))
    }

    /// A failure naming the command and its standard error unless `result` exited 0.
    static func requireSuccess(_ result: CommandResult, _ executable: String, _ arguments: [String]) throws {
        guard result.status != 0 else { return }
        let command = ([executable] + arguments).joined(separator: " ")
        throw LiveFailure("\(command) exited \(result.status): \(result.error)")
    }
}
