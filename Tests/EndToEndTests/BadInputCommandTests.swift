import Foundation
import Testing

extension EndToEndTests {
    /// `check`, `explain` and `lint` on malformed files: status 2, `file:line:col: error:` (on stderr, or in `check`'s
    /// report), no crash.
    @Suite("bad input")
    struct BadInputCommand {
        static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("CORSScenariosTests/BadInput")

        @Test(
            "malformed files exit with status 2 and a positioned message",
            arguments: [
                ("binary-png.yaml", ":1:1: error: byte 0x89 is not valid UTF-8"),
                ("response-header-value-crlf.yaml", ":8:38: error: the value of Access-Control-Allow-Origin"),
                ("request-header-value-euro.yaml", ":6:16: error: the value of X-Price"),
                ("raw-control-char.yaml", ":2:14: error: YAML cannot contain '\\x07'"),
                ("empty.yaml", ":1:1: error: the file is empty"),
            ])
        func malformed(_ file: String, _ expected: String) async throws {
            let path = Self.corpus.appendingPathComponent(file).path
            for command in ["check", "explain", "lint"] {
                let result = try await ExplorerProcess.run([command, path])
                #expect(result.status == .exited(2), "\(command): \(result.error)")
                // `check` lists the error under FAIL in its report; the others print it on standard error.
                let message = command == "check" ? result.output : result.error
                #expect(message.contains(path + expected), "\(command): \(message)")
                #expect(!result.error.contains("Fatal error"), "\(command)")
            }
        }
    }
}
