import CORSCore
import Foundation

/// Sends one request with curl and reads the status line and header lines of the answer.
enum Curl {
    /// The status and header lines `url` answers to `method` with `headers`.
    static func send(method: String, url: String, headers: [HeaderField]) throws -> ServerResponse {
        let curl = try LiveServer.tool("curl", install: "curl")
        var arguments = ["-s", "-S", "-D", "-", "-o", "/dev/null", "--max-time", "5", "-X", method]
        for header in headers { arguments += ["-H", "\(header.name): \(header.value)"] }
        let output = try capture(curl, arguments + [url])
        var lines = output.split(separator: "\r\n", omittingEmptySubsequences: true).map(String.init)
        guard let statusLine = lines.first, statusLine.hasPrefix("HTTP/") else {
            throw LiveFailure("no HTTP answer from \(url): \(output)")
        }
        lines.removeFirst()
        let parts = statusLine.split(separator: " ")
        guard parts.count >= 2, let status = Int(parts[1]) else { throw LiveFailure("bad status line \(statusLine)") }
        let fields = lines.compactMap { line -> HeaderField? in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return HeaderField(
                String(line[..<colon]), String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces))
        }
        return ServerResponse(status: status, headers: fields)
    }

    /// The standard output of a finished command; a failure when it exits with an error.
    static func capture(_ executable: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw LiveFailure("\(executable) \(arguments.joined(separator: " ")) exited \(process.terminationStatus)")
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// Only the CORS lines (`Access-Control-*` and `Vary`), in order, with lower-cased names.
    static func corsLines(_ headers: [HeaderField]) -> [HeaderField] {
        headers.filter { $0.lowercasedName.hasPrefix("access-control-") || $0.lowercasedName == "vary" }
            .map { HeaderField($0.lowercasedName, $0.value) }
    }
}
