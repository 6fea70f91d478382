import Foundation

/// One finished run of `curl`: its exit status and what it wrote to standard output and standard error.
struct CurlRun: Sendable {
    /// The status of a run that was killed because it outlived its deadline.
    static let killedStatus: Int32 = -1

    /// The exit status, or ``killedStatus``.
    var status: Int32
    /// Standard output (the dumped header blocks).
    var output: String
    /// Standard error (curl's error line).
    var errorOutput: String

    /// Runs `program` with `arguments` (no shell), `input` on standard input, and waits for it to exit; past
    /// `deadline` it is killed. Throws ``ProbeError/curlMissing`` when the program cannot be started.
    static func start(program: String, arguments: [String], input: String?, deadline: Duration)
        async throws(ProbeError) -> CurlRun
    {
        let files = FileManager.default
        let directory = files.temporaryDirectory.appendingPathComponent("cors-explorer-curl-\(UUID().uuidString)")
        defer { try? files.removeItem(at: directory) }
        let outputURL = directory.appendingPathComponent("stdout")
        let errorURL = directory.appendingPathComponent("stderr")
        let inputURL = directory.appendingPathComponent("stdin")
        let process = Process()
        do {
            try files.createDirectory(at: directory, withIntermediateDirectories: true)
            try Data().write(to: outputURL)
            try Data().write(to: errorURL)
            try Data((input ?? "").utf8).write(to: inputURL)
            process.standardOutput = try FileHandle(forWritingTo: outputURL)
            process.standardError = try FileHandle(forWritingTo: errorURL)
            process.standardInput = try FileHandle(forReadingFrom: inputURL)
        } catch {
            throw .network(url: arguments.last ?? "", detail: "cannot prepare curl's files: \(error)")
        }
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        // English messages and a `.` decimal point for --max-time.
        environment["LC_ALL"] = "C"
        process.environment = environment
        let watchdog = Task {
            try? await Task.sleep(for: deadline)
            // SIGKILL: a child may inherit a signal mask that blocks SIGTERM.
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        }
        let status: Int32
        do {
            status = try await withCheckedThrowingContinuation { continuation in
                process.terminationHandler = { finished in
                    let exited = finished.terminationReason == .exit
                    continuation.resume(returning: exited ? finished.terminationStatus : killedStatus)
                }
                do {
                    try process.run()
                } catch {
                    process.terminationHandler = nil
                    continuation.resume(throwing: error)
                }
            }
        } catch {
            watchdog.cancel()
            throw .curlMissing
        }
        watchdog.cancel()
        let output = (try? Data(contentsOf: outputURL)) ?? Data()
        let errorOutput = (try? Data(contentsOf: errorURL)) ?? Data()
        return CurlRun(
            status: status, output: String(decoding: output, as: UTF8.self),
            errorOutput: String(decoding: errorOutput, as: UTF8.self))
    }
}
