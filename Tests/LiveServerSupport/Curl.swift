import CORSCore
import Foundation

/// Sends one request with curl and reads the status line and header lines of the answer.
public enum Curl {
    /// The status and header lines (in order, as sent) `url` answers to `method` with `headers`; off the pool,
    /// at most 5 s.
    public static func send(method: String, url: String, headers: [HeaderField]) async throws -> ServerResponse {
        let curl = try Command.tool("curl", install: "curl (apt-get install -y curl)")
        var arguments = ["-s", "-S", "-D", "-", "-o", "/dev/null", "--max-time", "5", "-X", method]
        for header in headers { arguments += ["-H", "\(header.name): \(header.value)"] }
        let run = try await Command.run(curl, arguments + [url])
        var lines = run.output.split(separator: "\r\n").map(String.init)
        guard let statusLine = lines.first, statusLine.hasPrefix("HTTP/") else {
            throw LiveFailure("no HTTP answer from \(method) \(url): \(run.output) \(run.error)")
        }
        lines.removeFirst()
        let parts = statusLine.split(separator: " ")
        guard parts.count >= 2, let status = Int(parts[1]) else {
            throw LiveFailure("bad status line from \(url): \(statusLine)")
        }
        let fields = lines.compactMap { line -> HeaderField? in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return HeaderField(
                String(line[..<colon]), String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces))
        }
        return ServerResponse(status: status, headers: fields)
    }

    /// Only the CORS lines (`Access-Control-*` and `Vary`), in order, with lower-cased names.
    public static func corsLines(_ headers: [HeaderField]) -> [HeaderField] {
        headers.filter { $0.lowercasedName.hasPrefix("access-control-") || $0.lowercasedName == "vary" }
            .map { HeaderField($0.lowercasedName, $0.value) }
    }
}
