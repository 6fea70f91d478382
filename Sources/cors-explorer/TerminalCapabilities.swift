#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What the process's terminal allows, read from the environment once at start-up.
struct TerminalCapabilities {
    /// Why the interactive explorer cannot start, or nil when it can.
    var plainReason: String?
    /// Whether colours are allowed: `NO_COLOR` is absent or empty (https://no-color.org).
    var allowsColor: Bool

    static func current() -> TerminalCapabilities {
        let term = getenv("TERM").map { String(cString: $0) } ?? ""
        let noColor = getenv("NO_COLOR").map { String(cString: $0) } ?? ""
        var reason: String?
        if isatty(STDOUT_FILENO) != 1 {
            reason = "standard output is not a terminal"
        } else if isatty(STDIN_FILENO) != 1 {
            reason = "standard input is not a terminal"
        } else if term.isEmpty {
            reason = "TERM is not set"
        } else if term == "dumb" {
            reason = "TERM is dumb"
        }
        return TerminalCapabilities(plainReason: reason, allowsColor: noColor.isEmpty)
    }

    /// Switches to a UTF-8 locale for the glyphs: the user's own if it is UTF-8, else C.UTF-8. Returns false when
    /// neither is available (the explorer then draws ASCII).
    static func useUTF8Locale() -> Bool {
        setlocale(LC_ALL, "")
        if isUTF8 { return true }
        setlocale(LC_CTYPE, "C.UTF-8")
        return isUTF8
    }

    private static var isUTF8: Bool {
        guard let codeset = nl_langinfo(nl_item(CODESET)) else { return false }
        let name = String(cString: codeset).uppercased()
        return name == "UTF-8" || name == "UTF8"
    }
}
