/// Why the loopback servers or the browser could not run.
public enum ServeError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A port could not be bound.
    case cannotBind(host: String, ports: [Int], underlying: String)
    /// The browser's program is not installed.
    case browserMissing(String)
    /// The browser did not report back in time.
    case timedOut(seconds: Int)

    /// A message for the user.
    public var description: String {
        switch self {
        case .cannotBind(let host, let ports, let underlying):
            let list = ports.map { $0 == 0 ? "a free port" : String($0) }.joined(separator: ", ")
            let hint =
                ports.contains { $0 != 0 && $0 < 1024 }
                ? " Ports below 1024 need root; pass --port 8000 to serve on 8000 and the ports after it." : ""
            return "cannot listen on \(host) (\(list)): \(underlying).\(hint)"
        case .browserMissing(let program):
            return "\(program) is not installed (on Debian: apt-get install -y \(program))"
        case .timedOut(let seconds):
            return "the browser did not report the script's result within \(seconds) s"
        }
    }
}
