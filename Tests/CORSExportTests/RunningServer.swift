import Foundation

/// A server process started for one test, stopped (and its folder removed) by `stop()`.
struct RunningServer {
    let process: Process
    let folder: URL

    /// Starts `executable` and waits until 127.0.0.1:`port` answers HTTP.
    init(executable: String, arguments: [String], port: Int, folder: URL) throws {
        self.folder = folder
        process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        let log = folder.appendingPathComponent("server.log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        process.standardError = try FileHandle(forWritingTo: log)
        try process.run()
        for _ in 0..<100 {
            let probe = try? Shell.run("/usr/bin/env", ["curl", "-s", "-o", "/dev/null", "http://127.0.0.1:\(port)/"])
            if probe?.status == 0 { return }
            guard process.isRunning else { break }
            Thread.sleep(forTimeInterval: 0.1)
        }
        let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        stop()
        throw ExportTestFailure("\(executable) did not start on port \(port): \(text)")
    }

    /// Stops the process: SIGTERM, then SIGKILL after three seconds.
    func stop() {
        let pid = process.processIdentifier
        if process.isRunning { kill(pid, SIGTERM) }
        for _ in 0..<30 where process.isRunning { Thread.sleep(forTimeInterval: 0.1) }
        if process.isRunning { kill(pid, SIGKILL) }
        try? FileManager.default.removeItem(at: folder)
    }
}
