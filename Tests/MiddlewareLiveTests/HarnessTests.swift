import Foundation
import LiveServerSupport
import Testing

/// The shared live-server harness says what is missing or what went wrong, and leaves nothing behind.
@Suite struct HarnessTests {
    @Test("a missing program: the failure names it and what to install")
    func missingTool() throws {
        #expect(Command.which("no-such-program-cors") == nil)
        #expect(Command.which("sh") != nil)
        #expect(throws: LiveFailure.self) { try Command.tool("no-such-program-cors", install: "the-package") }
        do {
            _ = try Command.tool("no-such-program-cors", install: "the-package")
        } catch let failure as LiveFailure {
            #expect(
                failure.description == "no-such-program-cors is not installed; install the-package to run this test")
        }
    }

    @Test("a command that fails: the failure carries its exit status and standard error")
    func failingCommand() async throws {
        let run = try await Command.run("/bin/sh", ["-c", "echo out; echo err >&2; exit 3"])
        #expect(run.status == 3 && run.output == "out\n" && run.error == "err\n")
        await #expect(throws: LiveFailure.self) { try await Command.output("/bin/sh", ["-c", "echo err >&2; exit 3"]) }
        let output = try await Command.output("/bin/sh", ["-c", "echo \"$0\"", "a b"])
        #expect(output == "a b\n")
    }

    /// Before standard error went to a file, the command filled the error pipe while the harness waited for the end
    /// of its output, and both waited for ever (this test hung; stopped after 10 minutes).
    @Test("1 MiB on standard error before the output ends: all of it is read")
    func loudCommand() async throws {
        let loud = try await Command.run(
            "/bin/sh", ["-c", "head -c 1048576 /dev/zero | tr '\\0' e >&2; echo done"])
        #expect(loud.output == "done\n")
        #expect(loud.error.utf8.count == 1_048_576)
    }

    @Test("a server that exits at once: the failure quotes its log, and its folder is gone")
    func serverThatDies() async throws {
        let folder = try ScratchFolder.make("cors-harness")
        let port = try await FreePort.next()
        do {
            _ = try await LiveServer.start(
                executable: "/bin/sh", arguments: ["-c", "echo cannot bind >&2; exit 1"], port: port, folder: folder)
            Issue.record("the server started")
        } catch let failure as LiveFailure {
            #expect(failure.description.hasPrefix("/bin/sh did not start on port \(port): "))
            #expect(failure.description.contains("cannot bind"))
        }
        #expect(!FileManager.default.fileExists(atPath: folder.path))
    }

    @Test("a script that announces its port answers there until it is stopped")
    func announcedPort() async throws {
        let folder = try ScratchFolder.make("cors-harness")
        let script = """
            import http.server, socketserver
            server = socketserver.TCPServer(("127.0.0.1", 0), http.server.SimpleHTTPRequestHandler)
            print(server.server_address[1], flush=True)
            server.serve_forever()
            """
        let python = try Command.tool("python3", install: "python3")
        let server = try await LiveServer.startAnnouncingPort(
            executable: python, arguments: ["-c", script], folder: folder)
        let answer = try await server.whileRunning {
            try await Curl.send(method: "GET", url: "http://127.0.0.1:\(server.port)/", headers: [])
        }
        #expect(answer.status == 200)
        #expect(!server.process.isRunning)
        #expect(!FileManager.default.fileExists(atPath: folder.path))
        await #expect(throws: LiveFailure.self) {
            try await LiveServer.startAnnouncingPort(
                executable: python, arguments: ["-c", "print('no port')"],
                folder: try ScratchFolder.make("cors-harness"))
        }
    }
}
