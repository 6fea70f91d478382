import ArgumentParser
import CNcurses
import CORSScenarios
import CORSUI

/// Runs the interactive explorer until the user quits or a signal arrives; the terminal is restored either way.
enum ExplorerSession {
    static func run(_ scenario: Scenario, source: String, capabilities: TerminalCapabilities) throws {
        let usesUnicode = TerminalCapabilities.useUTF8Locale()
        guard let terminal = NcursesTerminal.start(usesColor: capabilities.allowsColor) else {
            Terminal.printError(
                "cors-explorer: cannot start the terminal (is TERM set to a terminal type this machine knows?)")
            throw ExitCode(1)
        }
        let clock = ContinuousClock()
        let start = clock.now
        var state = AppState(
            scenario: scenario, source: source,
            display: DisplayOptions(usesColor: terminal.hasColor, usesUnicode: usesUnicode), size: terminal.size,
            at: .zero)
        var signal: Int32 = 0
        while true {
            signal = cncurses_pending_termination_signal()
            if signal != 0 { break }
            let now = clock.now - start
            terminal.draw(state.render(at: now))
            let event = terminal.nextEvent(timeout: state.nextFrameDelay(at: now)) ?? .tick
            signal = cncurses_pending_termination_signal()
            if signal != 0 { break }
            if state.handle(event, at: clock.now - start) == .quit { break }
        }
        terminal.stop()
        if signal != 0 { throw ExitCode(128 + signal) }
    }
}
