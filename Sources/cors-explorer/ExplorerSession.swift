import ArgumentParser
import CNcurses
import CORSExport
import CORSScenarios
import CORSUI
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Runs the interactive explorer until the user quits or a signal arrives; the terminal is restored either way.
enum ExplorerSession {
    /// At most this many waiting events are handled between two draws, so that a long paste still shows progress.
    static let eventsPerDraw = 4096

    /// Runs the explorer on `scenario`; `w` writes the edited scenario to `savePath`.
    static func run(_ scenario: Scenario, savePath: String, capabilities: TerminalCapabilities) throws {
        let usesUnicode = TerminalCapabilities.useUTF8Locale()
        guard let terminal = NcursesTerminal.start(usesColor: capabilities.allowsColor) else {
            Terminal.printError(
                "cors-explorer: cannot start the terminal (is TERM set to a terminal type this machine knows?)")
            throw ExitCode(1)
        }
        let clock = ContinuousClock()
        let start = clock.now
        var state = AppState(
            scenario: scenario,
            display: DisplayOptions(usesColor: terminal.hasColor, usesUnicode: usesUnicode), size: terminal.size,
            at: .zero)
        var received: Int32 = 0
        var browserJob: BrowserCheckJob?
        var probeJob: ProbeJob?
        loop: while true {
            received = cncurses_pending_termination_signal()
            if received != 0 { break }
            if let job = browserJob, let outcome = job.finished {
                state.finishBrowserCheck(outcome)
                browserJob = nil
            }
            if let job = probeJob, let outcome = job.finished {
                state.finishProbe(outcome)
                probeJob = nil
            }
            let now = clock.now - start
            terminal.draw(state.render(at: now))
            // While a browser or a probe runs, look for its result every 100 ms.
            let frameDelay = state.nextFrameDelay(at: now)
            let timeout =
                browserJob == nil && probeJob == nil
                ? frameDelay : min(frameDelay ?? .milliseconds(100), .milliseconds(100))
            var next: InputEvent? = terminal.nextEvent(timeout: timeout) ?? .tick
            var handled = 0
            // Events already waiting (a paste, a held key) are all handled before the next draw, and characters in
            // a row reach a text edit as one `.text`: one draw and one evaluation per key made a 20 kB paste take
            // a minute, with Ctrl-C stuck behind it in the full input queue.
            while var event = next {
                received = terminal.isInputClosed ? SIGHUP : cncurses_pending_termination_signal()
                if received != 0 { break loop }
                var lookahead: InputEvent?
                if case .key(.character(let first)) = event, state.editing != nil {
                    var text = String(first)
                    while handled + text.count < Self.eventsPerDraw, let more = terminal.pendingEvent() {
                        guard case .key(.character(let character)) = more else {
                            lookahead = more
                            break
                        }
                        text.append(character)
                    }
                    if text.count > 1 { event = .text(text) }
                    handled += text.count - 1
                }
                switch state.handle(event, at: clock.now - start) {
                case .quit: break loop
                case .save(let edited): save(edited, to: savePath, reportingIn: &state)
                case .runInBrowser(let scenario, let profile):
                    browserJob = BrowserCheckJob(scenario, profile: profile)
                case .probe(let request, let profile): probeJob = ProbeJob(request, profile: profile)
                case .export(let edited, let kind):
                    let path = Self.exportPath(besideSavePath: savePath, kind: kind)
                    export(edited, as: kind, to: path, reportingIn: &state)
                case nil: break
                }
                handled += 1
                next = lookahead ?? (handled < Self.eventsPerDraw ? terminal.pendingEvent() : nil)
            }
        }
        // A browser still at work is closed before the explorer ends, whatever ends it.
        browserJob?.cancel()
        terminal.stop()
        guard received != 0 else { return }
        // The terminal is restored: now die of the signal, as Unix programs do, so a calling script stops too.
        signal(received, SIG_DFL)
        raise(received)
        throw ExitCode(128 + received)
    }

    private static func save(_ scenario: Scenario, to path: String, reportingIn state: inout AppState) {
        do {
            try ScenarioWriter.yaml(scenario).write(toFile: path, atomically: true, encoding: .utf8)
            state.report("Wrote \(path) (open it with: cors-explorer \(path))", isError: false)
        } catch {
            state.report("Could not write \(path): \(error.localizedDescription)", isError: true)
        }
    }

    private static func export(
        _ scenario: Scenario, as kind: ExportKind, to path: String, reportingIn state: inout AppState
    ) {
        let result = Exporter.export(scenario, as: kind)
        do {
            try result.text.write(toFile: path, atomically: true, encoding: .utf8)
            let note = result.differences.isEmpty ? "" : " (\(result.differences.count) difference(s) listed in it)"
            state.report("Wrote \(path)\(note)", isError: false)
        } catch {
            state.report("Could not write \(path): \(error.localizedDescription)", isError: true)
        }
    }

    /// Where `x` writes: NAME-export.EXT beside NAME-edited.yaml, the file `w` writes (see `savePath(forFile:)`).
    static func exportPath(besideSavePath savePath: String, kind: ExportKind) -> String {
        var stem = savePath
        if stem.hasSuffix(".yaml") { stem.removeLast(".yaml".count) }
        if stem.hasSuffix("-edited") { stem.removeLast("-edited".count) }
        return stem + "-export." + kind.fileExtension
    }

    /// Where `w` writes: beside the scenario file as NAME-edited.yaml, or in the current folder for the built-in one.
    static func savePath(forFile file: String?) -> String {
        guard let file else { return "welcome-edited.yaml" }
        var stem = file
        for suffix in [".yaml", ".yml", ".json"] where stem.lowercased().hasSuffix(suffix) {
            stem.removeLast(suffix.count)
        }
        if stem.hasSuffix("-edited") { return stem + ".yaml" }
        return stem + "-edited.yaml"
    }
}
