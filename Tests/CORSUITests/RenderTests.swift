import CORSCore
import CORSLint
import CORSScenarios
import Testing

@testable import CORSUI

/// Whole screens as text snapshots (characters, then one style code per cell), at fixed sizes and times.
@Suite struct RenderTests {
    static let finished = Duration.seconds(60)

    @Test func builtInAtStart() throws {
        let state = try Fixtures.builtIn()
        assertSnapshot(state.render(at: .zero).snapshot, named: "built-in-80x24-0ms")
    }

    @Test func builtInMidway() throws {
        let state = try Fixtures.builtIn()
        assertSnapshot(state.render(at: .milliseconds(1500)).snapshot, named: "built-in-80x24-1500ms")
    }

    @Test func builtInFinished() throws {
        let state = try Fixtures.builtIn()
        assertSnapshot(state.render(at: Self.finished).snapshot, named: "built-in-80x24-finished")
    }

    @Test func smallScreenWithFailingCheckSelected() throws {
        var state = try Fixtures.builtIn()
        press(.tab, .tab, in: &state, at: Self.finished)
        let failing = try #require(
            state.lane.selectableLines.firstIndex {
                state.lane.lines[$0].check?.status == .fail && !state.lane.lines[$0].failureMeansPreflight
            })
        state.laneSelection = failing
        assertSnapshot(state.render(at: Self.finished).snapshot, named: "built-in-80x24-failing-check")
    }

    @Test func wideScreenWithFailingCheckSelected() throws {
        var state = try Fixtures.builtIn(size: Size(columns: 120, rows: 40))
        press(.tab, .tab, in: &state, at: Self.finished)
        #expect(state.focus == .exchange)
        let failing = try #require(
            state.lane.selectableLines.firstIndex {
                state.lane.lines[$0].check?.status == .fail && !state.lane.lines[$0].failureMeansPreflight
            })
        state.laneSelection = failing
        assertSnapshot(state.render(at: Self.finished).snapshot, named: "built-in-120x40-failing-check")
    }

    @Test func withoutColour() throws {
        let state = try Fixtures.builtIn(display: DisplayOptions(usesColor: false))
        let canvas = state.render(at: Self.finished)
        #expect(canvas.text.contains("FAIL"))
        #expect(canvas.text.contains("ok"))
        assertSnapshot(canvas.snapshot, named: "built-in-80x24-no-colour")
    }

    @Test func asciiOnly() throws {
        let state = try Fixtures.builtIn(display: DisplayOptions(usesUnicode: false))
        let canvas = state.render(at: Self.finished)
        let nonASCII = canvas.text.unicodeScalars.filter { !$0.isASCII }
        #expect(nonASCII.isEmpty, "non-ASCII characters: \(String(String.UnicodeScalarView(nonASCII)))")
        assertSnapshot(canvas.snapshot, named: "built-in-80x24-ascii")
    }

    @Test func helpOverlay() throws {
        var state = try Fixtures.builtIn()
        press(.character("?"), in: &state, at: Self.finished)
        assertSnapshot(state.render(at: Self.finished).snapshot, named: "help-80x24")
    }

    @Test func editInProgress() throws {
        var state = try Fixtures.builtIn()
        press(.right, .down, .down, .enter, in: &state, at: Self.finished)
        type(", PUT", in: &state, at: Self.finished)
        press(.left, .left, .left, in: &state, at: Self.finished)
        let edit = try #require(state.editing)
        #expect(edit.field == .methods)
        assertSnapshot(state.render(at: Self.finished).snapshot, named: "edit-methods-80x24")
    }

    /// The text cursor stays in view, inside the frame, however long the text and however wide its characters.
    @Test(arguments: [String(repeating: "abc/", count: 30), String(repeating: "漢字", count: 30), "x\u{202e}漢é👍"])
    func longEditsScrollToTheCursor(_ typed: String) throws {
        var state = try Fixtures.builtIn()
        press(.down, .enter, in: &state, at: Self.finished)
        type(typed, in: &state, at: Self.finished)
        for moves in [0, 3, 40, 200] {
            var moved = state
            for _ in 0..<moves { press(.left, in: &moved, at: Self.finished) }
            let canvas = moved.render(at: Self.finished)
            let box = ScreenLayout(moved).request
            let row = box.y + 2
            let cursor = (box.x..<box.maxX).filter {
                canvas[$0, row].style.isReversed && !canvas[$0, row].isContinuation
            }
            #expect(cursor.count == 1, "\(moves) left: the cursor shows once, at \(cursor)")
            #expect(cursor.allSatisfy { $0 > box.x + 9 && $0 < box.maxX - 1 }, "\(moves) left: \(cursor)")
            #expect(canvas[box.maxX - 1, row].character == "│")
        }
    }

    @Test func aLongRequestLineKeepsItsArrowHead() throws {
        var scenario = try Fixtures.builtInScenario()
        let path = "/" + String(repeating: "segment/", count: 20)
        try FieldEditing.apply("https://api.example.com" + path, to: .url, in: &scenario)
        let state = AppState(scenario: scenario, size: Size(columns: 200, rows: 60))
        let lines = state.render(at: Self.finished).lines
        let arrow = try #require(lines.first { $0.contains("OPTIONS /segment") })
        let lane = String(arrow.prefix(ScreenLayout(state).lane.width))
        #expect(lane.hasSuffix("… ─▶ │ "), "\(lane)")
    }

    @Test(arguments: [true, false])
    func theDetailPaneSaysOnceHowToGetDetails(hasLesson: Bool) throws {
        var scenario = try Fixtures.builtInScenario()
        if !hasLesson { scenario.lesson = nil }
        let state = AppState(scenario: scenario, size: Size(columns: 120, rows: 40))
        let text = state.render(at: Self.finished).lines.joined(separator: " ")
        #expect(text.components(separatedBy: "Tab to the exchange").count - 1 == 1)
        #expect(text.contains("Lesson") == hasLesson)
    }

    @Test(arguments: [Size(columns: 40, rows: 10), Size(columns: 79, rows: 24)])
    func tooSmall(_ size: Size) throws {
        let state = try Fixtures.builtIn(size: size)
        let canvas = state.render(at: .zero)
        let words = canvas.text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(words.contains("at least 80×24"))
        assertSnapshot(canvas.snapshot, named: "too-small-\(size.columns)x\(size.rows)")
    }

    @Test func repeatedRequestFinished() throws {
        let state = try Fixtures.state(named: "walkthrough-06-max-age-cached.yaml")
        #expect(state.repeated != nil)
        assertSnapshot(state.render(at: Self.finished).snapshot, named: "walkthrough-06-80x24-finished")
        // Tall enough for the repeated request, whose preflight comes from the cache.
        var tall = try Fixtures.state(named: "walkthrough-06-max-age-cached.yaml", size: Size(columns: 120, rows: 60))
        tall.focus = .exchange
        tall.laneSelection = tall.lane.selectableLines.count - 1
        let canvas = tall.render(at: Self.finished)
        #expect(canvas.text.contains("The same request again, 10 s later"))
        #expect(canvas.text.contains("Preflight skipped: the answer is in the preflight cache"))
        assertSnapshot(canvas.snapshot, named: "walkthrough-06-120x60-repeat")
    }

    @Test func theLibraryIsFound() {
        #expect(Fixtures.scenarioFileNames.count >= 40)
        #expect(Fixtures.scenarioFileNames.contains("walkthrough-06-max-age-cached.yaml"))
    }

    /// Every library scenario at three sizes and three moments: no crash, no row wider than the screen, no control
    /// character in any cell, the frame of each box intact.
    @Test(arguments: Fixtures.scenarioFileNames)
    func everyScenarioRendersCleanly(_ name: String) throws {
        let sizes = [Size(columns: 80, rows: 24), Size(columns: 120, rows: 40), Size(columns: 200, rows: 60)]
        for size in sizes {
            for focus in [Pane.request, .exchange] {
                var state = try Fixtures.state(named: name, size: size)
                state.focus = focus
                for now in [Duration.zero, .milliseconds(700), Self.finished] {
                    let canvas = state.render(at: now)
                    let place = "\(name) \(size) \(focus) at \(now)"
                    #expect(canvas.lines.count == size.rows, "\(place)")
                    for (index, line) in canvas.lines.enumerated() {
                        let cells = line.reduce(0) { $0 + DisplayText.width(String($1)) }
                        #expect(cells == size.columns, "\(place) row \(index): \(line)")
                    }
                    let control = canvas.cells.filter { cell in
                        cell.character.unicodeScalars.contains { $0.value < 0x20 || (0x7F..<0xA0).contains($0.value) }
                    }
                    #expect(control.isEmpty, "\(place)")
                    let layout = ScreenLayout(state)
                    for box in [layout.request, layout.server] + (layout.info.map { [$0] } ?? []) {
                        #expect(canvas[box.x, box.y].character == "┌", "\(place) \(box)")
                        #expect(canvas[box.maxX - 1, box.maxY - 1].character == "┘", "\(place) \(box)")
                        for row in (box.y + 1)..<(box.maxY - 1) {
                            #expect(canvas[box.x, row].character == "│", "\(place) \(box) row \(row)")
                            #expect(canvas[box.maxX - 1, row].character == "│", "\(place) \(box) row \(row)")
                        }
                    }
                    let lane = layout.laneContent
                    for row in lane.y..<lane.maxY {
                        #expect(canvas[lane.x + 1, row].character == "│", "\(place) lane row \(row)")
                        #expect(canvas[lane.maxX - 2, row].character == "│", "\(place) lane row \(row)")
                        #expect(
                            canvas[lane.maxX - 3, row].character == " ", "\(place) gap before the server, row \(row)")
                    }
                }
            }
        }
    }

    @Test(arguments: Fixtures.scenarioFileNames)
    func everyScenarioInASCIIIsASCII(_ name: String) throws {
        var state = try Fixtures.state(named: name, display: DisplayOptions(usesColor: false, usesUnicode: false))
        for focus in Pane.allCases {
            state.focus = focus
            let text = state.render(at: Self.finished).text
            #expect(text.unicodeScalars.allSatisfy { $0.isASCII }, "\(name) \(focus)")
        }
    }

    @Test func duplicateAllowOriginFinished() throws {
        let state = try Fixtures.state(named: "learner-12-duplicate-acao-proxy-and-app.yaml")
        assertSnapshot(state.render(at: Self.finished).snapshot, named: "learner-12-80x24-finished")
    }

    /// `L` shows the server's lint findings in the detail pane, even at 80×24 with an editor focused.
    @Test func lintFindingsShown() throws {
        var state = try Fixtures.state(named: "learner-23-unanchored-origin-regex.yaml")
        #expect(state.findings.first?.rule == .suffixWithoutLabelBoundary)
        press(.character("L"), in: &state, at: Self.finished)
        #expect(state.showsLint)
        let canvas = state.render(at: Self.finished)
        #expect(canvas.text.contains("lint: high (3)"))
        #expect(canvas.text.contains("Lint · 3 findings"))
        #expect(canvas.text.contains("https://attackerexample.com"))
        assertSnapshot(canvas.snapshot, named: "learner-23-80x24-lint")
    }

    /// On a wide screen the findings sit beside the exchange, with room for every one.
    @Test func lintFindingsShownWide() throws {
        var state = try Fixtures.state(
            named: "learner-22-reflect-any-with-credentials.yaml", size: Size(columns: 120, rows: 40))
        press(.character("L"), in: &state, at: Self.finished)
        let canvas = state.render(at: Self.finished)
        #expect(canvas.text.contains("CRITICAL"))
        assertSnapshot(canvas.snapshot, named: "learner-22-120x40-lint")
    }

    /// An opaque response is not a CORS failure: its verdict gets the informational mark, not ✗.
    @Test func opaqueVerdictIsNotMarkedAsAFailure() throws {
        let state = try Fixtures.state(named: "learner-14-no-cors-is-opaque.yaml")
        let lines = state.render(at: Self.finished).lines
        let verdictBar = try #require(lines.first { $0.contains("OPAQUE") && !$0.contains("│") })
        #expect(verdictBar.hasPrefix(" · OPAQUE"), "\(verdictBar)")
        #expect(!lines.contains { $0.contains("✗ OPAQUE") })
    }
}
