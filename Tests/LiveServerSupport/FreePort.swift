/// Loopback ports for servers that must be told their port before they start.
public enum FreePort {
    /// A port on 127.0.0.1 that was free a moment ago (python3 binds port 0 and prints what it got).
    public static func next() async throws -> Int {
        let python = try Command.tool("python3", install: "python3")
        let output = try await Command.output(
            python, ["-c", "import socket; s=socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])"])
        guard let port = Int(output.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw LiveFailure("could not find a free port: python3 printed \(output)")
        }
        return port
    }
}
