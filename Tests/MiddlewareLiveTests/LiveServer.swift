import Foundation

/// A real server process started for one test, stopped by `stop()`.
struct LiveServer {
    let process: Process
    let port: Int
    let folder: URL

    /// Starts `executable` with `arguments` and waits until 127.0.0.1:`port` answers HTTP.
    init(executable: String, arguments: [String], port: Int, folder: URL) throws {
        self.port = port
        self.folder = folder
        process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = try FileHandle(forWritingTo: Self.logFile(in: folder))
        try process.run()
        for _ in 0..<100 {
            if (try? Curl.send(method: "GET", url: "http://127.0.0.1:\(port)/", headers: [])) != nil { return }
            guard process.isRunning else { break }
            Thread.sleep(forTimeInterval: 0.1)
        }
        let log = (try? String(contentsOf: folder.appendingPathComponent("server.log"), encoding: .utf8)) ?? ""
        stop()
        throw LiveFailure("\(executable) did not start on port \(port): \(log)")
    }

    /// Stops the process and removes its folder.
    func stop() {
        // SIGTERM, then SIGKILL if the server has not gone after three seconds. (Process.waitUntilExit can block for
        // ever here, so the exit is polled.)
        let pid = process.processIdentifier
        if process.isRunning { kill(pid, SIGTERM) }
        for _ in 0..<30 where process.isRunning { Thread.sleep(forTimeInterval: 0.1) }
        if process.isRunning { kill(pid, SIGKILL) }
        try? FileManager.default.removeItem(at: folder)
    }

    /// The absolute path of `tool` on the PATH, or a failure that says what to install.
    static func tool(_ tool: String, install: String) throws -> String {
        let search = "PATH=\"$PATH:/usr/sbin:/sbin\" command -v \"$0\""
        let found = try? Curl.capture("/bin/sh", ["-c", search, tool]).trimmingCharacters(in: .whitespacesAndNewlines)
        guard let found, !found.isEmpty else {
            throw LiveFailure("\(tool) is not installed; install \(install) to run the live middleware comparisons")
        }
        return found
    }

    /// A port that was free a moment ago.
    static func freePort() throws -> Int {
        let python = try tool("python3", install: "python3")
        let output = try Curl.capture(
            python, ["-c", "import socket; s=socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])"])
        guard let port = Int(output.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw LiveFailure("could not find a free port: \(output)")
        }
        return port
    }

    /// A new empty folder for one server.
    static func makeFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cors-live-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    private static func logFile(in folder: URL) throws -> URL {
        let url = folder.appendingPathComponent("server.log")
        _ = FileManager.default.createFile(atPath: url.path, contents: nil)
        return url
    }
}
