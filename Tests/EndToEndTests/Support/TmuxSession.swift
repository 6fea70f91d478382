import Foundation
import Subprocess

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The explorer in a detached tmux session on a tmux server of its own, driven the way a user would drive it.
///
/// The app runs inside a small `sh` wrapper, in a temporary folder, which
/// - saves `stty -g` before the app starts (`stty-before`) and after it ends (`stty-after`), so a test can check that
///   the terminal was restored,
/// - writes the app's process id to `app.pid` (the wrapper `exec`s the app, so signals reach the app itself),
/// - exits with the app's exit status, which tmux keeps in `#{pane_dead_status}` (remain-on-exit is on).
///
/// tmux is started through swift-subprocess, which resets the child's signal mask: Swift Testing's threads block
/// SIGWINCH and SIGTERM, and a child that inherits that mask never sees a resize.
struct TmuxSession: Sendable {
    /// How the app ended: tmux's `#{pane_dead_status}` or `#{pane_dead_signal}`.
    enum Exit: Equatable, CustomStringConvertible {
        case status(Int32)
        case signal(Int32)

        var description: String {
            switch self {
            case .status(let status): "exit status \(status)"
            case .signal(let signal): "killed by signal \(signal)"
            }
        }
    }

    /// The private server's socket, in the session's folder: `tmux -S <socket>`. (A `-L` name would leave its socket
    /// behind in `/tmp/tmux-<uid>`, since tmux does not remove it when the server stops.)
    var socket: String { folder.path("tmux.socket") }
    /// The session (and target) name.
    let name = "app"
    /// Where the wrapper writes its files.
    let folder: TemporaryFolder

    /// Runs `body` with the app started in a new tmux server, then stops the server and removes the folder,
    /// whether `body` succeeded or not.
    ///
    /// - Parameters:
    ///   - arguments: The app's arguments.
    ///   - environment: Extra environment variables for the app (`NO_COLOR`, `TERM`…).
    ///   - columns: The terminal's width.
    ///   - rows: The terminal's height.
    ///   - standardErrorFile: A file in the session's folder for the app's standard error, instead of the pane.
    static func withExplorer<Value>(
        arguments: [String] = [],
        environment: [String: String] = [:],
        columns: Int = 100,
        rows: Int = 30,
        standardErrorFile: String? = nil,
        _ body: (TmuxSession) async throws -> Value
    ) async throws -> Value {
        let session = TmuxSession(folder: try TemporaryFolder())
        do {
            try await session.start(
                arguments: arguments, environment: environment, columns: columns, rows: rows,
                standardErrorFile: standardErrorFile)
            let result = try await body(session)
            await session.stop()
            return result
        } catch {
            await session.stop()
            throw error
        }
    }

    /// The wrapper: `$1` is the folder, `$2` a file for standard error or empty, the rest the command.
    private static let wrapper = """
        cd "$1" || exit 97
        if [ -n "$2" ]; then exec 2> "$2"; fi
        shift 2
        # A trapped SIGINT or SIGQUIT (unlike an ignored one) is reset for the app, and this shell lives on after
        # Ctrl-C and Ctrl-\\.
        trap : INT QUIT
        stty -g > stty-before
        sh -c 'echo $$ > app.pid && exec "$@"' cors-e2e-app "$@"
        status=$?
        stty -g > stty-after
        exit $status
        """

    private func start(
        arguments: [String], environment: [String: String], columns: Int, rows: Int, standardErrorFile: String?
    ) async throws {
        let app = try ExplorerBinary.url().path
        let settings =
            ["LANG=C.UTF-8", "SWIFT_BACKTRACE=interactive=no"]
            + environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        let command =
            ["/bin/sh", "-c", Self.wrapper, "cors-e2e-wrapper", folder.url.path, standardErrorFile ?? ""]
            + ["env"] + settings + [app] + arguments
        // The server forks off and keeps the client's standard output and error open for ever: capturing them
        // would never end, so they are discarded.
        let result = try await Subprocess.run(
            .name("tmux"),
            arguments: Arguments(
                ["-S", socket, "-f", "/dev/null", "-u", "new-session", "-d", "-s", name]
                    + ["-x", "\(columns)", "-y", "\(rows)", "-c", folder.url.path] + command
                    + [";", "set-option", "-t", name, "remain-on-exit", "on"]),
            environment: ExplorerBinary.environment,
            output: .discarded,
            error: .discarded)
        guard result.terminationStatus.isSuccess else {
            throw EndToEndFailure("tmux new-session failed: \(result.terminationStatus)")
        }
    }

    /// Stops the tmux server (the app gets SIGHUP if it still runs) and removes the folder. Runs in a task of its
    /// own, so that a cancelled test (a time limit) still cleans up.
    func stop() async {
        let session = self
        await Task.detached { _ = try? await session.tmux(["kill-server"]) }.value
        folder.remove()
    }

    // MARK: Driving

    /// Sends keys by tmux name: `"Right"`, `"Enter"`, `"C-c"`, `"q"`…
    func send(_ keys: String...) async throws {
        _ = try await tmux(["send-keys", "-t", name] + keys)
    }

    /// Types `text` literally.
    func type(_ text: String) async throws {
        _ = try await tmux(["send-keys", "-t", name, "-l", text])
    }

    /// Resizes the window; the app gets SIGWINCH.
    func resize(columns: Int, rows: Int) async throws {
        _ = try await tmux(["resize-window", "-t", name, "-x", "\(columns)", "-y", "\(rows)"])
    }

    /// Sends `signal` to the app itself (not to the wrapper shell).
    func signal(_ signal: Int32) async throws {
        let pid = try await appProcessID()
        guard kill(pid, signal) == 0 else {
            throw EndToEndFailure("kill(\(pid), \(signal)) failed: errno \(errno)")
        }
    }

    /// The app's process id, once the wrapper has written it.
    func appProcessID(timeout: Duration = .seconds(10)) async throws -> pid_t {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        while clock.now < deadline {
            if let text = folder.read("app.pid"), let pid = pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines))
            {
                return pid
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        throw EndToEndFailure("the wrapper never wrote app.pid in \(folder.url.path)")
    }

    // MARK: Looking

    /// The screen as text, one line per row, trailing spaces removed.
    func screen() async throws -> String {
        try await tmux(["capture-pane", "-p", "-t", name])
    }

    /// The screen with its attributes as SGR escape sequences (`capture-pane -e`).
    func styledScreen() async throws -> StyledScreen {
        StyledScreen(capture: try await tmux(["capture-pane", "-p", "-e", "-t", name]))
    }

    /// The terminal device of the pane, for example `/dev/pts/3`.
    func paneTTY() async throws -> String {
        try await tmux(["display-message", "-p", "-t", name, "#{pane_tty}"])
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// How the app ended, or nil while it runs.
    ///
    /// tmux marks a pane dead when its terminal closes, and learns the status only when it reaps the process on
    /// SIGCHLD; until then a dead pane has no status and counts as running. tmux 3.3a as Debian and Ubuntu build it
    /// (with libutempter) can miss that SIGCHLD altogether: utempter swaps in its own SIGCHLD handler while it
    /// removes the utmp record of the closed terminal, and a child that exits in that moment stays a zombie with
    /// no status until some other child ends (tmux/tmux#311; seen here in 1 run out of 15 to 30). So a dead pane
    /// without a status gets the server a SIGCHLD of its own, which only makes it reap what has ended.
    func appExit() async throws -> Exit? {
        let fields = try await tmux(
            ["display-message", "-p", "-t", name, "#{pane_dead}:#{pane_dead_status}:#{pane_dead_signal}:#{pid}"]
        )
        .trimmingCharacters(in: .whitespacesAndNewlines)
        .split(separator: ":", omittingEmptySubsequences: false)
        guard fields.count == 4, fields[0] == "1" else { return nil }
        if let status = Int32(fields[1]) { return .status(status) }
        if let signal = Int32(fields[2]) { return .signal(signal) }
        if let server = pid_t(fields[3]), server > 1 { kill(server, SIGCHLD) }
        return nil
    }

    /// Waits for the app to end.
    func waitForExit(timeout: Duration = .seconds(10)) async throws -> Exit {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        while clock.now < deadline {
            if let exit = try await appExit() { return exit }
            try await Task.sleep(for: .milliseconds(25))
        }
        throw EndToEndFailure("the app did not exit within \(timeout); screen:\n\(try await screen())")
    }

    /// Polls the screen until `condition` holds (like teatest's WaitFor) and returns that screen. Fails early, with
    /// the exit status, when the app ends without the condition holding.
    @discardableResult
    func waitFor(
        _ what: String, timeout: Duration = .seconds(10), _ condition: (String) -> Bool
    ) async throws -> String {
        try await poll(what, timeout: timeout, capture: { try await screen() }, condition, render: { $0 })
    }

    /// ``waitFor(_:timeout:_:)`` on the screen with its attributes.
    @discardableResult
    func waitForStyled(
        _ what: String, timeout: Duration = .seconds(10), _ condition: (StyledScreen) -> Bool
    ) async throws -> StyledScreen {
        try await poll(what, timeout: timeout, capture: { try await styledScreen() }, condition, render: \.text)
    }

    /// Presses `key` until `condition` holds, at most `limit` times, waiting after each press for the screen
    /// (attributes included) to change. Fails when the screen stops changing or the limit is reached.
    @discardableResult
    func press(
        _ key: String, until what: String, limit: Int = 40, _ condition: (StyledScreen) -> Bool
    ) async throws -> StyledScreen {
        var current = try await styledScreen()
        for _ in 0..<limit {
            if condition(current) { return current }
            let before = current
            try await send(key)
            current = try await poll(
                "the screen to change after \(key)", timeout: .seconds(3), capture: { try await styledScreen() },
                { $0 != before }, render: \.text)
        }
        if condition(current) { return current }
        throw EndToEndFailure("pressed \(key) \(limit) times without \(what); last screen:\n\(current.text)")
    }

    private func poll<Screen>(
        _ what: String, timeout: Duration, capture: () async throws -> Screen, _ condition: (Screen) -> Bool,
        render: (Screen) -> String
    ) async throws -> Screen {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        while true {
            let screen = try await capture()
            if condition(screen) { return screen }
            if let exit = try await appExit() {
                // The last output may land just before tmux notices the end: look once more.
                let last = try await capture()
                if condition(last) { return last }
                throw EndToEndFailure("waiting for \(what), the app ended (\(exit)); screen:\n\(render(last))")
            }
            guard clock.now < deadline else {
                throw EndToEndFailure("waiting for \(what): not seen within \(timeout); screen:\n\(render(screen))")
            }
            try await Task.sleep(for: .milliseconds(50))
        }
    }

    @discardableResult
    private func tmux(_ arguments: [String]) async throws -> String {
        let result = try await Subprocess.run(
            .name("tmux"),
            arguments: Arguments(["-S", socket] + arguments),
            environment: ExplorerBinary.environment,
            output: .string(limit: 1 << 20),
            error: .string(limit: 1 << 16))
        guard result.terminationStatus.isSuccess else {
            throw EndToEndFailure(
                "tmux \(arguments.joined(separator: " ")) failed (\(result.terminationStatus)): "
                    + result.standardError)
        }
        return result.standardOutput
    }

    /// Whether tmux is on the PATH.
    static var isAvailable: Bool {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").contains {
            FileManager.default.isExecutableFile(atPath: "\($0)/tmux")
        }
    }
}
