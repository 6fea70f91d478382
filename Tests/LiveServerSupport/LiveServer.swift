import Foundation

/// A real server process on 127.0.0.1 started for one test; `stop()` ends it and removes its folder.
public struct LiveServer: Sendable {
    /// The running program.
    public let process: Process
    /// The port it listens on.
    public let port: Int
    /// Its own folder (configuration, scripts, logs), removed by `stop()`.
    public let folder: URL
    /// The first signal `stop()` sends; SIGKILL follows after three seconds.
    let stopSignal: Int32

    /// The file the server's standard error goes to.
    public var log: URL { folder.appendingPathComponent("server.log") }

    /// Starts `executable` and waits (off the pool, up to 100 tries 0.1 s apart) until 127.0.0.1:`port` answers
    /// HTTP; on failure the server is stopped and the failure quotes its log.
    ///
    /// `stopSignal` is what `stop()` sends first. SIGKILL suits a single process with nothing to clean up, and it
    /// is quick: the test runner's children inherit a signal mask that blocks SIGTERM (SigBlk in /proc/PID/status),
    /// so a SIGTERM would only cost the three seconds before the SIGKILL. A server with workers of its own (nginx)
    /// sets its own mask and must get SIGTERM, or its workers outlive it.
    public static func start(
        executable: String, arguments: [String], port: Int, folder: URL, stopSignal: Int32 = SIGKILL
    ) async throws -> LiveServer {
        let curl = try Command.tool("curl", install: "curl (apt-get install -y curl)")
        return try await OffPool.run {
            let process = try launch(executable, arguments, folder: folder, output: FileHandle.nullDevice)
            let server = LiveServer(process: process, port: port, folder: folder, stopSignal: stopSignal)
            let probe = ["-s", "-o", "/dev/null", "--max-time", "5", "http://127.0.0.1:\(port)/"]
            for _ in 0..<100 {
                if (try? Command.runBlocking(curl, probe))?.status == 0 { return server }
                guard process.isRunning else { break }
                Thread.sleep(forTimeInterval: 0.1)
            }
            throw server.stopAfterFailure("\(executable) did not start on port \(port)")
        }
    }

    /// Starts `executable`, which picks a port itself and prints it as its first line, and returns once it has.
    /// `stop()` kills it at once (SIGKILL, see `start`).
    public static func startAnnouncingPort(executable: String, arguments: [String], folder: URL) async throws
        -> LiveServer
    {
        try await OffPool.run {
            let output = Pipe()
            let process = try launch(executable, arguments, folder: folder, output: output)
            var line = ""
            while !line.hasSuffix("\n") {
                let byte = output.fileHandleForReading.readData(ofLength: 1)
                if byte.isEmpty { break }
                line += String(decoding: byte, as: UTF8.self)
            }
            let port = Int(line.trimmingCharacters(in: .whitespacesAndNewlines))
            let server = LiveServer(process: process, port: port ?? 0, folder: folder, stopSignal: SIGKILL)
            guard port != nil else { throw server.stopAfterFailure("\(executable) printed no port: \(line)") }
            return server
        }
    }

    /// Runs `body` with the server up, then stops it, also when `body` throws.
    public func whileRunning<Value: Sendable>(_ body: () async throws -> Value) async throws -> Value {
        do {
            let value = try await body()
            await stop()
            return value
        } catch {
            await stop()
            throw error
        }
    }

    /// Stops the process (its stop signal, then SIGKILL after three seconds) and removes its folder, off the pool.
    public func stop() async {
        _ = try? await OffPool.run { stopBlocking() }
    }

    /// Stops the process on the calling thread. (Process.waitUntilExit can block for ever here, so the exit is
    /// polled.)
    func stopBlocking() {
        let pid = process.processIdentifier
        if process.isRunning { kill(pid, stopSignal) }
        for _ in 0..<30 where process.isRunning { Thread.sleep(forTimeInterval: 0.1) }
        if process.isRunning { kill(pid, SIGKILL) }
        for _ in 0..<30 where process.isRunning { Thread.sleep(forTimeInterval: 0.1) }
        try? FileManager.default.removeItem(at: folder)
    }

    /// Stops the server and returns a failure that says `what` and quotes the server's log.
    func stopAfterFailure(_ what: String) -> LiveFailure {
        let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        stopBlocking()
        return LiveFailure("\(what): \(text)")
    }

    /// Starts the process with standard error to `server.log` in `folder`.
    private static func launch(_ executable: String, _ arguments: [String], folder: URL, output: Any) throws
        -> Process
    {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = output
        let log = folder.appendingPathComponent("server.log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        process.standardError = try FileHandle(forWritingTo: log)
        try process.run()
        return process
    }
}
