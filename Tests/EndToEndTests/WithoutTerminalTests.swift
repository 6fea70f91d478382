import Foundation
import Subprocess
import Testing

extension EndToEndTests {
    /// The binary with its output in pipes, as in CI or `cors-explorer | less`: never curses.
    @Suite("Without a terminal")
    struct WithoutTerminal {
        @Test("with standard output in a pipe, the welcome scenario prints as plain text")
        func plainReport() async throws {
            let result = try await ExplorerProcess.run([])
            #expect(result.status == .exited(0), "standard error: \(result.error)")
            #expect(
                result.output.contains(
                    "(Plain text because standard output is not a terminal. "
                        + "Run cors-explorer in a terminal for the interactive explorer.)"))
            #expect(result.output.contains("Verdict"))
            #expect(result.output.contains("BLOCKED"))
            #expect(ScreenText.flattened(result.output).contains(EndToEndTests.welcomeConsole))
            #expect(!result.output.contains("\u{1B}"), "plain text has no escape sequences")
            #expect(result.error.isEmpty)
        }

        @Test("a scenario file prints as plain text too", arguments: [[], ["open"]])
        func plainReportOfAFile(_ subcommand: [String]) async throws {
            let file = ExplorerBinary.scenario("walkthrough-03-acao-correct.yaml")
            let result = try await ExplorerProcess.run(subcommand + [file])
            #expect(result.status == .exited(0), "standard error: \(result.error)")
            #expect(result.output.contains("Walk-through 3"))
            #expect(result.output.contains("✓ ALLOWED"))
            #expect(result.output.contains("Plain text because standard output is not a terminal"))
            #expect(!result.output.contains("\u{1B}"))
        }

        /// A terminal that closes without sending SIGHUP (here: a pseudo-terminal that is not the controlling one)
        /// leaves standard input hung up. The explorer must end, not spin on reads that fail at once.
        @Test("when its terminal goes away without a hang-up signal, the explorer ends", .timeLimit(.minutes(1)))
        func terminalGoesAway() async throws {
            // Python's pty module gives a pseudo-terminal that is not the explorer's controlling terminal, so
            // closing it sends no SIGHUP: only the hung-up input can tell the explorer.
            let script = """
                import os, subprocess, sys, time
                master, slave = os.openpty()
                env = dict(os.environ, TERM="xterm-256color")
                app = subprocess.Popen([sys.argv[1]], stdin=slave, stdout=slave, stderr=slave, env=env)
                os.close(slave)
                os.set_blocking(master, False)
                end = time.time() + 1
                while time.time() < end:
                    try:
                        os.read(master, 65536)
                    except BlockingIOError:
                        time.sleep(0.02)
                os.close(master)
                try:
                    print(app.wait(timeout=10))
                except subprocess.TimeoutExpired:
                    app.kill()
                    print("still running")
                """
            let status = try await ExplorerProcess.shell(
                #"python3 -c "$1" "$2""#, script, try ExplorerBinary.url().path)
            #expect(status == "-\(SIGHUP)", "the explorer should end of SIGHUP once its input hangs up; got \(status)")
        }

        @Test("check exits 1 when an expectation fails, 2 when a file is malformed, 0 when all pass")
        func checkExitStatus() async throws {
            let files = try TemporaryFolder()
            defer { files.remove() }
            let good = ExplorerBinary.scenario("walkthrough-03-acao-correct.yaml")
            let text = try String(contentsOfFile: good, encoding: .utf8)
            try files.write(
                text.replacingOccurrences(of: "outcome: allowed", with: "outcome: blocked"), to: "wrong.yaml")
            try files.write(EndToEndTests.malformedYAML, to: "broken.yaml")
            let passing = try await ExplorerProcess.run(["check", good])
            #expect(passing.status == .exited(0), "\(passing.output)")
            let failing = try await ExplorerProcess.run(["check", files.path("wrong.yaml")])
            #expect(failing.status == .exited(1), "\(failing.output)")
            #expect(failing.output.contains("0 passed, 1 failed"))
            let malformed = try await ExplorerProcess.run([
                "check", files.path("wrong.yaml"), files.path("broken.yaml"),
            ])
            #expect(malformed.status == .exited(2), "\(malformed.output)")
        }

        @Test("a malformed scenario file exits with status 2 and a file:line:col error", arguments: [[], ["open"]])
        func malformedScenario(_ subcommand: [String]) async throws {
            let files = try TemporaryFolder()
            defer { files.remove() }
            try files.write(EndToEndTests.malformedYAML, to: "broken.yaml")
            let file = files.path("broken.yaml")
            let result = try await ExplorerProcess.run(subcommand + [file])
            #expect(result.status == .exited(2))
            #expect(EndToEndTests.isLocatedError(result.error, file: file), "standard error: \(result.error)")
            #expect(result.output.isEmpty, "nothing on standard output: \(result.output)")
            #expect(!result.error.contains("\u{1B}"))
        }
    }

    /// A scenario whose YAML does not parse: a flow sequence that is never closed.
    static let malformedYAML = """
        title: "Broken on purpose"
        request:
          page: "https://app.example.com"
          url: [https://api.example.com/items
          method: PUT
        server:
          policy:
            allow_origins: ["https://app.example.com"]

        """

    /// Whether `errors` starts with `file:line:col: error: ` for a line of ``malformedYAML``.
    static func isLocatedError(_ errors: String, file: String) -> Bool {
        guard errors.hasPrefix(file + ":") else { return false }
        let rest = errors.dropFirst(file.count + 1)
        guard let match = rest.prefixMatch(of: #/(\d+):(\d+): error: \S/#),
            let line = Int(match.output.1), let column = Int(match.output.2)
        else { return false }
        let lineCount = malformedYAML.split(separator: "\n", omittingEmptySubsequences: false).count
        return (1...lineCount).contains(line) && column >= 1
    }
}

/// Runs the app, or a shell command, with swift-subprocess.
enum ExplorerProcess {
    /// What a run left behind.
    struct Result {
        var status: TerminationStatus
        var output: String
        var error: String
    }

    /// Runs the app with `arguments`, standard input empty and standard output and error in pipes.
    static func run(_ arguments: [String], environment: Environment = ExplorerBinary.environment) async throws
        -> Result
    {
        let result = try await Subprocess.run(
            .path(.init(try ExplorerBinary.url().path)),
            arguments: Arguments(arguments),
            environment: environment,
            output: .string(limit: 1 << 20),
            error: .string(limit: 1 << 20))
        return Result(
            status: result.terminationStatus, output: result.standardOutput,
            error: result.standardError)
    }

    /// Runs `script` with `sh -c`, `arguments` as `$1`…, and returns its standard output, trimmed.
    static func shell(_ script: String, _ arguments: String...) async throws -> String {
        let result = try await Subprocess.run(
            .path("/bin/sh"),
            arguments: Arguments(["-c", script, "sh"] + arguments),
            output: .string(limit: 1 << 16),
            error: .string(limit: 1 << 16))
        guard result.terminationStatus.isSuccess else {
            throw EndToEndFailure("sh -c \(script) failed (\(result.terminationStatus)): \(result.standardError)")
        }
        return result.standardOutput.trimmingWhitespace
    }
}
