import CORSCore
import Foundation

/// Sends one wire request by running the `curl` program (HTTP/1.1, over TLS for https) and returns the response
/// head exactly as curl dumped it: status, header names with their case, duplicates and order.
///
/// curl gets the evaluator's header lines in order, one `-H` each, and its own defaults are suppressed when the wire
/// request has none of them (`User-Agent`, `Accept`, `Expect`, and `Content-Type` with a body), so the server
/// sees what the browser would send. Redirects are not followed, `~/.curlrc` and proxy variables are ignored,
/// and the path goes out as is. The process is started with an argument array, never through a shell.
public struct CurlTransport: ProbeTransport {
    /// How long to wait for the connection, and for the whole exchange.
    public var timeout: Duration
    /// `host:port` → `address:port` replacements for where to connect (curl's `--connect-to`).
    public var connectTo: [String: ProbeClient.ConnectTarget]
    /// A file of PEM certificates to trust (curl's `--cacert`), or nil for the system's.
    public var caCertificates: String?
    /// The `curl` program, or nil to look for `curl` on `PATH`.
    public var executable: String?

    /// Creates a transport.
    public init(
        timeout: Duration = .seconds(10), connectTo: [String: ProbeClient.ConnectTarget] = [:],
        caCertificates: String? = nil, executable: String? = nil
    ) {
        self.timeout = timeout
        self.connectTo = connectTo
        self.caCertificates = caCertificates
        self.executable = executable
    }

    /// The curl exit statuses that mean the TLS handshake or certificate check failed.
    static let tlsExitCodes: Set<Int32> = [35, 51, 53, 54, 58, 59, 60, 64, 66, 77, 80, 82, 83, 90, 91]

    /// The request headers curl adds by itself, which are suppressed (`-H 'Name:'`) when the wire request has none.
    static let curlDefaults = ["User-Agent", "Accept", "Expect"]

    /// The arguments for `curl` that send `request` with `body` (read from standard input when there is one).
    public func arguments(for request: WireRequest, body: String?) -> [String] {
        let seconds = Self.decimal(timeout)
        var arguments = [
            "--disable", "--silent", "--show-error", "--verbose", "--http1.1", "--path-as-is", "--globoff", "--noproxy",
            "*",
            "--connect-timeout", seconds, "--max-time", seconds, "--dump-header", "-", "--output", "/dev/null",
        ]
        // `--request HEAD` would wait for a body that never comes; `--head` reads the head only.
        arguments += request.method == "HEAD" ? ["--head"] : ["--request", request.method]
        let target = ProbeClient.target(of: request.url, connectTo: connectTo)
        let port = request.url.port ?? (request.url.scheme == "https" ? 443 : 80)
        if target.host != request.url.host || target.port != port {
            let host = target.host.contains(":") && !target.host.hasPrefix("[") ? "[\(target.host)]" : target.host
            arguments += ["--connect-to", "\(request.url.host):\(port):\(host):\(target.port)"]
        }
        if let caCertificates { arguments += ["--cacert", caCertificates] }
        let headers = ProbeClient.wireHeaders(request, body: body)
        for header in headers {
            // `Name;` is curl's way to send a header with an empty value; `Name:` would remove it.
            arguments += ["-H", header.value.isEmpty ? "\(header.name);" : "\(header.name): \(header.value)"]
        }
        let sendsBody = ProbeClient.sendsBody(request, body: body)
        for name in Self.curlDefaults + (sendsBody ? ["Content-Type"] : []) where !headers.contains(named: name) {
            arguments += ["-H", "\(name):"]
        }
        if sendsBody { arguments += ["--data-binary", "@-"] }
        arguments += ["--url", request.url.serializedWithoutFragment]
        return arguments
    }

    /// Runs curl for `request` and returns the final response head.
    public func send(_ request: WireRequest, body: String?) async throws(ProbeError) -> ServerResponse {
        guard let program = executable ?? Self.findOnPath("curl") else { throw .curlMissing }
        let url = request.url.serializedWithoutFragment
        let input = ProbeClient.sendsBody(request, body: body) ? body ?? "" : nil
        let run: CurlRun
        do {
            run = try await CurlRun.start(
                program: program, arguments: arguments(for: request, body: body), input: input,
                deadline: timeout + .seconds(5))
        } catch {
            throw .curlMissing
        }
        let response = HeaderDump.finalResponse(run.output)
        // A head that arrived before --max-time ran out is the answer; only the body was still coming.
        if let response, run.status == 0 || run.status == 28 { return response }
        let target = ProbeClient.target(of: request.url, connectTo: connectTo)
        throw Self.error(
            status: run.status, message: run.errorOutput, url: url, host: request.url.host, target: target,
            timeout: timeout)
    }

    /// The probe error for curl's exit `status` and its `message` on standard error (with `--verbose` lines).
    static func error(
        status: Int32, message: String, url: String, host: String, target: ProbeClient.ConnectTarget,
        timeout: Duration
    ) -> ProbeError {
        let detail = Self.message(message)
        switch status {
        case 0, 8: return .badResponse(url: url, detail: status == 0 ? "no response head" : detail)
        case 6: return .hostNotFound(target.host)
        // curl 7.88 says only "Couldn't connect to server"; the reason is in the --verbose lines.
        case 7 where message.contains("Connection refused"):
            return .connectionRefused(host: target.host, port: target.port)
        case 28, CurlRun.killedStatus: return .timedOut(seconds: timeout.seconds, url: url)
        case 52: return .badResponse(url: url, detail: "the server closed the connection without an answer")
        case let code where tlsExitCodes.contains(code): return .tlsFailed(host: host, detail: detail)
        default: return .network(url: url, detail: detail.isEmpty ? "curl exited with status \(status)" : detail)
        }
    }

    /// curl's error line (`curl: (60) SSL certificate problem: …`) without its `curl: (N) ` prefix; the advice
    /// lines curl prints after it are left out.
    static func message(_ text: String) -> String {
        let lines = text.split(whereSeparator: \.isNewline).map(String.init)
        // --verbose lines start with `*`, `>`, `<`, `{` or `}`.
        let plain = lines.filter { !["*", ">", "<", "{", "}"].contains($0.first.map(String.init) ?? "") }
        guard let line = plain.first(where: { $0.hasPrefix("curl: (") }) ?? plain.first else { return "" }
        guard line.hasPrefix("curl: ("), let close = line.firstIndex(of: ")") else { return line }
        return String(line[line.index(after: close)...]).trimmingHTTPWhitespace
    }

    /// `seconds` as curl reads it: `10`, `0.3`.
    static func decimal(_ duration: Duration) -> String {
        let milliseconds = max(1, Int((duration.seconds * 1000).rounded()))
        let whole = milliseconds / 1000
        let fraction = milliseconds % 1000
        guard fraction != 0 else { return String(whole) }
        var digits = String(fraction)
        digits = String(repeating: "0", count: 3 - digits.count) + digits
        while digits.hasSuffix("0") { digits.removeLast() }
        return "\(whole).\(digits)"
    }

    /// The first executable file named `name` in the directories of `PATH`.
    static func findOnPath(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for directory in path.split(separator: ":") where !directory.isEmpty {
            let candidate = "\(directory)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}
