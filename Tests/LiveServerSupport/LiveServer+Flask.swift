import Foundation

extension LiveServer {
    /// The Flask `app` (Python source that serves 127.0.0.1:`port` and answers `/`), run as `python3 app.py
    /// arguments…`; a failure that says what to install when python3, flask or flask-cors is missing.
    public static func flask(app: String, arguments: [String] = [], port: Int) async throws -> LiveServer {
        let python = try Command.tool("python3", install: "python3")
        let check = try await Command.run(python, ["-c", "import flask, flask_cors"])
        guard check.status == 0 else {
            throw LiveFailure(
                "flask and flask-cors are not installed for \(python); install them (pip install flask flask-cors)"
                    + " to run this test: \(check.error)")
        }
        let folder = try ScratchFolder.make("cors-flask")
        let file = folder.appendingPathComponent("app.py")
        try app.write(to: file, atomically: true, encoding: .utf8)
        return try await start(executable: python, arguments: [file.path] + arguments, port: port, folder: folder)
    }
}
