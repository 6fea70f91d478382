import CORSReport
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Facts about the process's terminal, read once per command.
enum Terminal {
    /// Colour only on a tty, only without a non-empty NO_COLOR (https://no-color.org), and never for TERM=dumb.
    static func textStyle() -> TextStyle {
        let noColor = getenv("NO_COLOR").map { $0.pointee != 0 } ?? false
        let term = getenv("TERM").map { String(cString: $0) } ?? ""
        return TextStyle(usesColor: isatty(STDOUT_FILENO) == 1 && !noColor && term != "dumb" && !term.isEmpty)
    }

    /// Writes lines to standard output at once, unbuffered (for logs that go on while the program runs).
    static func printNow(_ lines: [String]) {
        FileHandle.standardOutput.write(Data((lines.joined(separator: "\n") + "\n").utf8))
    }

    /// Writes a line to standard error.
    static func printError(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }
}
