import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension EndToEndTests {
    /// The interactive explorer in tmux: a real pty, real `TERM`, real SIGWINCH.
    @Suite(
        "In a terminal (tmux)",
        .enabled(
            if: TmuxSession.isAvailable || ProcessInfo.processInfo.environment["CI"] != nil,
            "tmux is not installed"),
        .timeLimit(.minutes(1))
    )
    struct InTerminal {
        @Test("starts, draws the welcome scenario, and plays it to the verdict")
        func startsAndPlaysTheWelcomeScenario() async throws {
            try await TmuxSession.withExplorer { session in
                try await session.waitFor("the first draw", timeout: .seconds(5)) {
                    $0.contains("Welcome") && $0.contains("Request") && $0.contains("Server")
                }
                try await session.waitFor("the verdict and the console message", timeout: .seconds(20)) {
                    EndToEndTests.showsWelcomeVerdict($0)
                }
                let screen = try await session.screen()
                #expect(screen.split(separator: "\n").first?.contains("cors-explorer · Welcome") == true)
                #expect(screen.contains("Browser") && screen.contains("Server"))
                try await session.send("q")
                #expect(try await session.waitForExit() == .status(0))
            }
        }

        @Test("adding PUT to the allowed methods flips the verdict to allowed")
        func addingPUTAllowsTheRequest() async throws {
            try await TmuxSession.withExplorer { session in
                // Once the animation ends, the lane scrolls to the failure.
                let blocked = try await session.waitFor("the blocked verdict", timeout: .seconds(20)) {
                    EndToEndTests.showsWelcomeVerdict($0)
                        && ScreenText.laneRow(of: "Access-Control-Allow-Methods", in: $0) != nil
                }
                #expect(ScreenText.laneRow(of: "Access-Control-Allow-Methods", in: blocked)?.mark == "✗")

                try await selectServerRow(labelled: "Methods", in: session)
                try await session.send("Enter")
                try await session.waitFor("the Methods field to open") {
                    $0.contains(EndToEndTests.editingFooter) && $0.contains("Access-Control-Allow-Methods")
                }
                try await session.send("End")
                try await session.type(", PUT")
                try await session.waitFor("the typed text") { $0.contains("GET, POST, PUT") }
                try await session.send("Enter")
                let allowed = try await session.waitFor("the allowed verdict") {
                    $0.contains(EndToEndTests.editorFooter) && ScreenText.verdictBar($0)?.contains("ALLOWED") == true
                }
                #expect(ScreenText.verdictBar(allowed)?.hasPrefix("✓ ALLOWED") == true)
                #expect(!allowed.contains("BLOCKED"))

                let row = try await revealLaneRow(of: "Access-Control-Allow-Methods", in: session)
                #expect(row.mark == "✓", "lane row: \(row)")
                #expect(row.text.contains("GET, POST, PUT"), "lane row: \(row)")

                try await session.send("q")
                #expect(try await session.waitForExit() == .status(0))
                EndToEndTests.expectTerminalRestored(session)
            }
        }

        @Test("x, Down, Enter writes NAME-export.fetch.js beside the scenario and says so")
        func exportKeyWritesBesideTheScenario() async throws {
            let folder = try TemporaryFolder()
            defer { folder.remove() }
            let original = ExplorerBinary.scenario("walkthrough-03-acao-correct.yaml")
            try folder.write(try String(contentsOfFile: original, encoding: .utf8), to: "scenario.yaml")
            try await TmuxSession.withExplorer(arguments: [folder.path("scenario.yaml")]) { session in
                try await session.waitFor("the first draw", timeout: .seconds(5)) { $0.contains("Request") }
                try await session.send("x")
                try await session.waitFor("the export chooser") { $0.contains("Export as") }
                try await session.send("Down")
                try await session.send("Enter")
                try await session.waitFor("the status line") { $0.contains("scenario-export.fetch.js") }
                try await session.send("q")
                #expect(try await session.waitForExit() == .status(0))
            }
            let written = try #require(folder.read("scenario-export.fetch.js"))
            #expect(written.contains("fetch('http://api.example.com:3333/"))
        }

        @Test("another origin in the policy blocks a correct scenario")
        func changingTheOriginsBlocks() async throws {
            let file = ExplorerBinary.scenario("walkthrough-03-acao-correct.yaml")
            try await TmuxSession.withExplorer(arguments: [file]) { session in
                let allowed = try await session.waitFor("the allowed verdict", timeout: .seconds(20)) {
                    ScreenText.verdictBar($0)?.contains("ALLOWED") == true
                        && ScreenText.laneRow(of: "Access-Control-Allow-Origin", in: $0) != nil
                }
                #expect(allowed.contains("Walk-through 3"))
                #expect(ScreenText.laneRow(of: "Access-Control-Allow-Origin", in: allowed)?.mark == "✓")

                try await selectServerRow(labelled: "Origins", in: session)
                try await session.send("Enter")
                try await session.waitFor("the Origins field to open") { $0.contains(EndToEndTests.editingFooter) }
                try await session.send("C-u")
                try await session.type("https://other.example.com")
                try await session.waitFor("the typed text") { $0.contains("https://other.example.com") }
                try await session.send("Enter")
                let blocked = try await session.waitFor("the blocked verdict") {
                    $0.contains(EndToEndTests.editorFooter) && ScreenText.verdictBar($0)?.contains("BLOCKED") == true
                }
                #expect(ScreenText.verdictBar(blocked)?.hasPrefix("✗ BLOCKED") == true)
                #expect(ScreenText.flattened(blocked).contains("has been blocked by CORS policy"))

                let row = try await revealLaneRow(of: "Access-Control-Allow-Origin", in: session)
                #expect(row.mark == "✗", "lane row: \(row)")

                try await session.send("q")
                #expect(try await session.waitForExit() == .status(0))
            }
        }

        @Test("resizing keeps the layout, shows the size message when too small, and recovers")
        func survivesResizes() async throws {
            try await TmuxSession.withExplorer(columns: 100, rows: 30) { session in
                try await session.waitFor("the first draw") { spansWidth($0, columns: 100) }

                try await session.resize(columns: 80, rows: 24)
                try await session.waitFor("the layout at 80×24") { spansWidth($0, columns: 80) }

                try await session.resize(columns: 60, rows: 15)
                try await session.waitFor("the too-small message") {
                    let text = ScreenText.flattened($0)
                    return text.contains("cors-explorer needs a terminal of at least 80×24")
                        && text.contains("this one is 60×15")
                }

                try await session.resize(columns: 120, rows: 40)
                try await session.waitFor("the layout at 120×40") { spansWidth($0, columns: 120) }
                #expect(try await session.appExit() == nil, "the app should still run")

                try await session.send("q")
                #expect(try await session.waitForExit() == .status(0))
            }
        }

        @Test("q exits with status 0 and restores the terminal")
        func quitRestoresTheTerminal() async throws {
            try await TmuxSession.withExplorer { session in
                try await session.waitFor("the first draw") { EndToEndTests.showsExplorer($0) }
                // While the explorer runs the terminal is in another mode, so the before/after check below can fail.
                let before = session.folder.read("stty-before")?.trimmingWhitespace
                let during = try await sttySettings(of: try await session.paneTTY())
                #expect(before != nil && during != before, "curses should change the terminal's settings")

                try await session.send("q")
                #expect(try await session.waitForExit() == .status(0))
                EndToEndTests.expectTerminalRestored(session)
                // Back from the alternate screen: the explorer's screen is gone.
                #expect(!(try await session.screen()).contains("Server · CORS policy"))
            }
        }

        @Test("NO_COLOR turns colour off and the marks carry words")
        func noColor() async throws {
            try await TmuxSession.withExplorer(environment: ["NO_COLOR": "1"]) { session in
                let screen = try await session.waitForStyled("marks with words", timeout: .seconds(20)) {
                    $0.text.contains("✗ FAIL") && $0.text.contains("✓ ok")
                }
                #expect(screen.foregroundColorCodes.isEmpty, "colour codes: \(screen.foregroundColorCodes.sorted())")
                #expect(!screen.hasColoredText)
                try await session.send("q")
                #expect(try await session.waitForExit() == .status(0))
            }
        }

        @Test(
            "without NO_COLOR, or with it empty, the screen has colours",
            arguments: [[:], ["NO_COLOR": ""]] as [[String: String]])
        func colour(_ environment: [String: String]) async throws {
            try await TmuxSession.withExplorer(environment: environment) { session in
                let screen = try await session.waitForStyled("a coloured mark") { screen in
                    screen.lines.joined().contains { $0.character == "✗" && $0.foreground != nil }
                }
                #expect(!screen.foregroundColorCodes.isEmpty)
                #expect(!screen.text.contains("✗ FAIL"), "with colour, the marks need no words")
                try await session.send("q")
                #expect(try await session.waitForExit() == .status(0))
            }
        }

        /// How a test delivers a termination signal.
        enum Termination: String, CaseIterable, CustomTestStringConvertible {
            case sigterm = "SIGTERM (kill)"
            case sigint = "SIGINT (Ctrl-C)"
            case sighup = "SIGHUP (kill)"
            /// Found by `.ci/torture`: the Swift runtime used to print a crash report over the screen.
            case sigquit = "SIGQUIT (Ctrl-\\)"

            var testDescription: String { rawValue }

            var signal: Int32 {
                switch self {
                case .sigterm: SIGTERM
                case .sigint: SIGINT
                case .sighup: SIGHUP
                case .sigquit: SIGQUIT
                }
            }

            func deliver(to session: TmuxSession) async throws {
                switch self {
                case .sigint: try await session.send("C-c")
                case .sigquit: try await session.send("C-\\")
                case .sigterm, .sighup: try await session.signal(signal)
                }
            }
        }

        /// When a test delivers the signal: while the lane animates (the app waits for keys with a timeout), or once
        /// it rests (the app blocks in `wget_wch` until something happens).
        enum Moment: String, CaseIterable, CustomTestStringConvertible {
            case animating = "while animating"
            case idle = "when idle"

            var testDescription: String { rawValue }

            func reach(in session: TmuxSession) async throws {
                try await session.waitFor("the first draw") { EndToEndTests.showsExplorer($0) }
                guard self == .idle else { return }
                // Switching the browser ends the animation at once; nothing then moves until the next key.
                try await session.send("b")
                try await session.waitFor("the animation to stop") { $0.contains("Browser: ") }
            }
        }

        @Test(
            "a termination signal exits with 128 + the signal and restores the terminal",
            arguments: Termination.allCases, Moment.allCases)
        func terminationSignal(_ termination: Termination, at moment: Moment) async throws {
            try await TmuxSession.withExplorer { session in
                try await moment.reach(in: session)
                try await termination.deliver(to: session)
                #expect(try await session.waitForExit() == .status(128 + termination.signal))
                EndToEndTests.expectTerminalRestored(session)
                #expect(!(try await session.screen()).contains("Server · CORS policy"))
            }
        }

        @Test("TERM=dumb prints the plain report in the terminal")
        func dumbTerminal() async throws {
            try await TmuxSession.withExplorer(environment: ["TERM": "dumb"], columns: 200, rows: 60) { session in
                #expect(try await session.waitForExit() == .status(0))
                let screen = try await session.styledScreen()
                let text = ScreenText.flattened(screen.text)
                #expect(
                    text.contains(
                        "(Plain text because TERM is dumb. Run cors-explorer in a terminal for the interactive explorer.)"
                    ), "screen:\n\(screen.text)")
                #expect(text.contains("Verdict"))
                #expect(screen.foregroundColorCodes.isEmpty)
                #expect(!screen.text.contains("Server · CORS policy"))
            }
        }

        @Test("a malformed scenario file exits with status 2 before curses starts")
        func malformedScenario() async throws {
            let files = try TemporaryFolder()
            defer { files.remove() }
            try files.write(EndToEndTests.malformedYAML, to: "broken.yaml")
            let file = files.path("broken.yaml")
            try await TmuxSession.withExplorer(arguments: [file], standardErrorFile: "stderr.txt") { session in
                let exit = try await session.waitForExit()
                #expect(exit == .status(2))
                let errors = session.folder.read("stderr.txt") ?? ""
                #expect(EndToEndTests.isLocatedError(errors, file: file), "standard error: \(errors)")
                #expect(!errors.contains("\u{1B}"))
                EndToEndTests.expectTerminalRestored(session)
                let screen = try await session.screen()
                #expect(!screen.contains("Request"))
            }
        }

        // MARK: Helpers

        /// Moves to the server editor and down to the row whose label is `label`; the selected row is drawn
        /// reversed.
        private func selectServerRow(labelled label: String, in session: TmuxSession) async throws {
            let before = try await session.styledScreen()
            try await session.send("Right")
            try await session.waitForStyled("the server editor to take the keyboard") { $0 != before }
            try await session.press("Down", until: "the \(label) row selected", limit: 20) { screen in
                screen.reversedRuns.dropFirst().contains { $0.trimmingWhitespace.hasPrefix(label + " ") }
            }
        }

        /// The lane row of `header`, scrolling the lane when it is not on screen: Tab to the exchange, then down
        /// line by line (the lane keeps the selected line in view).
        private func revealLaneRow(of header: String, in session: TmuxSession) async throws -> ScreenText.LaneRow {
            if let row = ScreenText.laneRow(of: header, in: try await session.screen()) { return row }
            let before = try await session.styledScreen()
            try await session.send("Tab")
            try await session.waitForStyled("the exchange to take the keyboard") { $0 != before }
            let screen = try await session.press("Down", until: "the \(header) row in the lane", limit: 60) {
                ScreenText.laneRow(of: header, in: $0.text) != nil
            }
            guard let row = ScreenText.laneRow(of: header, in: screen.text) else {
                throw EndToEndFailure("no lane row for \(header)")
            }
            return row
        }

        /// Whether the explorer is drawn over exactly `columns`: the editors' top borders end in the last column.
        private func spansWidth(_ screen: String, columns: Int) -> Bool {
            guard EndToEndTests.showsExplorer(screen) else { return false }
            let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
            guard lines.count > 1 else { return false }
            return lines[1].count == columns && lines[1].hasPrefix("┌") && lines[1].hasSuffix("┐")
        }

        /// `stty -g` of another terminal, read from outside.
        private func sttySettings(of tty: String) async throws -> String {
            try await ExplorerProcess.shell(#"stty -g < "$1""#, tty)
        }
    }
}
