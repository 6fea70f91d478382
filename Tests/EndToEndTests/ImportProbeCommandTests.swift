import Foundation
import LiveServerSupport
import Subprocess
import Testing

extension EndToEndTests {
    /// `import` and `probe` as a user runs them: output, notes and exit status.
    @Suite("import and probe")
    struct ImportProbeCommands {
        @Test("import curl writes a scenario that explain reads, and lists the dropped headers on stderr")
        func importCurl() async throws {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("import-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let file = folder.appendingPathComponent("imported.yaml").path
            let result = try await ExplorerProcess.run([
                "import", "curl", "--output", file, "--", "curl", "http://api.example.com:3333/items", "-X", "PUT",
                "-H", "origin: http://app.example.com:3334", "-H", "x-trace: 1", "-H", "sec-fetch-mode: cors",
            ])
            #expect(result.status == .exited(0), "\(result.error)")
            #expect(
                result.error.contains("note: dropped header 'sec-fetch-mode: cors': header names starting with Sec-"))
            #expect(result.error.contains("wrote \(file)"))
            let explained = try await ExplorerProcess.run(["explain", file])
            #expect(explained.status == .exited(0), "\(explained.error)")
            #expect(explained.output.contains("Access-Control-Request-Headers: x-trace"))
        }

        @Test(
            "bad input: one error line and exit status 2",
            arguments: [
                (
                    ["import", "curl", "--", "curl 'http://a.test/"],
                    "error: the command has a ' quote that is never closed"
                ),
                (["import", "curl", "--", "curl", "http://a.test/"], "error: the copy names no page origin"),
                (["import", "har", "/nonexistent.har"], "error: cannot read /nonexistent.har"),
                (
                    ["probe", "https://127.0.0.1:1/x", "--origin", "http://app.test"],
                    "error: connection refused by 127.0.0.1:1"
                ),
                (
                    ["probe", "http://127.0.0.1:1/x", "--origin", "http://app.test"],
                    "error: connection refused by 127.0.0.1:1"
                ),
            ])
        func badInput(_ arguments: [String], _ message: String) async throws {
            let result = try await ExplorerProcess.run(arguments)
            #expect(result.status == .exited(2))
            #expect(result.error.hasPrefix(message), "\(result.error)")
            #expect(result.output.isEmpty)
        }

        @Test("import har with several requests lists them and exits 2")
        func harListing() async throws {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("har-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let file = folder.appendingPathComponent("s.har")
            let entry = { (method: String, url: String, status: Int) in
                #"{"request": {"method": "\#(method)", "url": "\#(url)", "headers": [{"name": "Origin", "value": "http://app.test"}]}, "response": {"status": \#(status), "headers": []}}"#
            }
            let har =
                #"{"log": {"entries": [\#(entry("GET", "http://api.test/a", 200)), \#(entry("PUT", "http://api.test/b", 0))]}}"#
            try har.write(to: file, atomically: true, encoding: .utf8)
            let result = try await ExplorerProcess.run(["import", "har", file.path])
            #expect(result.status == .exited(2))
            #expect(result.error.contains("has 2 requests: choose one with --entry N or --url TEXT"))
            #expect(result.error.contains("  1  GET  http://api.test/a  200"))
            #expect(result.error.contains("  2  PUT  http://api.test/b  (no response)"))
            let chosen = try await ExplorerProcess.run(["import", "har", file.path, "--url", "/b"])
            #expect(chosen.status == .exited(0))
            #expect(chosen.output.contains(#"method: "PUT""#))
            #expect(chosen.error.contains("warning: the HAR has no response for http://api.test/b"))
        }
    }
}

extension EndToEndTests.ImportProbeCommands {
    /// A loopback server (python3) that answers every request with the same CORS headers and prints its port.
    static let pythonServer = """
        import socket, sys
        s = socket.socket(); s.bind(("127.0.0.1", 0)); s.listen(8)
        print(s.getsockname()[1], flush=True)
        while True:
            c, _ = s.accept()
            data = b""
            while b"\\r\\n\\r\\n" not in data:
                chunk = c.recv(65536)
                if not chunk: break
                data += chunk
            status = b"204 No Content" if data.startswith(b"OPTIONS") else b"200 OK"
            c.sendall(b"HTTP/1.1 " + status + b"\\r\\nAccess-Control-Allow-Origin: http://app.test\\r\\n"
                      b"Access-Control-Allow-Methods: PUT\\r\\nvary: Origin\\r\\nContent-Length: 0\\r\\n\\r\\n")
            c.close()
        """

    @Test("probe sends the preflight and the PUT, explains the answers, and --save writes a scenario explain reads")
    func probeAndSave() async throws {
        let folder = try ScratchFolder.make("probe")
        let script = folder.appendingPathComponent("server.py")
        try Self.pythonServer.write(to: script, atomically: true, encoding: .utf8)
        let server = try await LiveServer.startAnnouncingPort(
            executable: try Command.tool("python3", install: "python3"), arguments: [script.path], folder: folder)
        try await server.whileRunning { try await Self.probeAndSave(port: server.port, folder: folder) }
    }

    /// probe against 127.0.0.1:`port` with --save into `folder`, and explain of the saved file.
    static func probeAndSave(port: Int, folder: URL) async throws {
        let file = folder.appendingPathComponent("probed.yaml").path
        let result = try await ExplorerProcess.run([
            "probe", "http://api.test:\(port)/items", "--origin", "http://app.test", "--method", "PUT",
            "--connect-to", "api.test:\(port):127.0.0.1:\(port)", "--save", file,
        ])
        #expect(result.status == .exited(0), "\(result.error)")
        #expect(result.error.contains("probe: OPTIONS http://api.test:\(port)/items → 204 No Content"))
        #expect(result.error.contains("probe: PUT http://api.test:\(port)/items → 200 OK"))
        #expect(result.output.contains("vary: Origin"))
        #expect(result.output.contains("ALLOWED"))
        let explained = try await ExplorerProcess.run(["explain", file])
        #expect(explained.status == .exited(0), "\(explained.error)")
        #expect(explained.output.contains("ALLOWED"))
    }
}
