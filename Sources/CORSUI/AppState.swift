import CORSCore
import CORSLint
import CORSMatrix
import CORSScenarios

/// Everything the explorer shows, as one value.
///
/// ``handle(_:at:)`` changes it for each event, and ``render(at:)`` draws it; neither touches the terminal or reads
/// the clock, so both are tested as plain functions.
public struct AppState: Sendable, Equatable {
    /// The scenario being explored, with the user's edits.
    public internal(set) var scenario: Scenario
    /// The scenario as it was loaded, for reset.
    public let original: Scenario
    /// What the terminal can show.
    public var display: DisplayOptions
    /// The terminal size.
    public internal(set) var size: Size
    /// The part of the screen with the keyboard.
    public internal(set) var focus: Pane = .request
    /// The selected row of the request editor.
    public internal(set) var requestRow = 0
    /// The selected row of the server editor.
    public internal(set) var serverRow = 0
    /// The selected line of the lane, as an index into its selectable lines.
    public internal(set) var laneSelection = 0
    /// The field being edited as text, if any.
    public internal(set) var editing: FieldEdit?
    /// A message for the status line, if any.
    public internal(set) var message: String?
    /// Whether ``message`` reports a problem.
    public internal(set) var messageIsError = false
    /// Whether the key help covers the screen.
    public internal(set) var showsHelp = false
    /// The export chooser (`x`) when it is open.
    public internal(set) var exportChooser: ExportChooser?
    /// The exchange animation.
    public internal(set) var playback: Playback
    /// The evaluated exchange (of the text being typed, when it is valid).
    public internal(set) var exchange: Exchange
    /// The repeated request, when the scenario has `repeat_after`.
    public internal(set) var repeated: Exchange?
    /// The last run in a real browser (`v`), or nil.
    public internal(set) var browserCheck: BrowserCheck?
    /// Whether a live probe (key `P`) is at work.
    public internal(set) var isProbing = false
    /// The security lint's findings for the server (of the text being typed, when it is valid), most severe first.
    public internal(set) var findings: [LintFinding]
    /// Whether the detail pane shows the lint findings.
    public internal(set) var showsLint = false
    /// The what-if matrix (`M`) of the edited scenario while it is shown, else nil (it costs thousands of
    /// evaluations, so it is only worked out while on screen).
    public internal(set) var matrix: WhatIfMatrix?
    /// Whether the matrix pane replaces the lane.
    public var showsMatrix: Bool { matrix != nil }
    /// How many lines the matrix pane is scrolled down.
    public internal(set) var matrixScroll = 0
    /// The exchange laid out for the lane.
    var lane: Lane
    /// What the server editor keeps across switches of the server kind (policy, raw headers, presets).
    var serverMemory = ServerMemory()
    /// The first visible line of the lint findings in the detail pane.
    var lintScroll = 0

    /// Starts exploring `scenario`: the exchange animation begins at `now`.
    public init(
        scenario: Scenario, display: DisplayOptions = DisplayOptions(),
        size: Size = .minimum, at now: Duration = .zero
    ) {
        self.scenario = scenario
        self.original = scenario
        self.display = display
        self.size = size
        let (exchange, repeated) = scenario.evaluate()
        self.exchange = exchange
        self.repeated = repeated
        self.findings = Self.lint(scenario)
        self.lane = Self.lane(scenario, exchange, repeated)
        self.playback = Playback(mode: .playing(since: now))
    }

    /// The rows of the request editor.
    public var requestRows: [FormRow] { EditorForm.requestRows(scenario.request) }

    /// The rows of the server editor.
    public var serverRows: [FormRow] { EditorForm.serverRows(scenario.server) + EditorForm.sentRows(exchange) }

    /// The playback speed's name, in ASCII when the terminal has no UTF-8.
    var speedName: String { display.usesUnicode ? playback.speedName : playback.asciiSpeedName }

    /// The selected lane line, if the lane has selectable lines.
    var selectedLaneLine: Int? {
        let selectable = lane.selectableLines
        guard !selectable.isEmpty else { return nil }
        return selectable[min(laneSelection, selectable.count - 1)]
    }

    /// How long until the next frame is due, or nil when nothing moves (the loop then waits for a key).
    public func nextFrameDelay(at now: Duration) -> Duration? {
        playback.isAnimating(lane, at: now) ? .milliseconds(40) : nil
    }

    /// Re-evaluates the scenario (or `candidate`) and lays out the lane again.
    mutating func reevaluate(_ candidate: Scenario? = nil) {
        let subject = candidate ?? scenario
        let (exchange, repeated) = subject.evaluate()
        self.exchange = exchange
        self.repeated = repeated
        findings = Self.lint(subject)
        // Thousands of evaluations (~3 ms in a release build, ten times that in a debug one): the matrix follows
        // every applied change, but not each keystroke of a text edit's preview.
        if showsMatrix && candidate == nil { matrix = Self.matrix(subject) }
        lane = Self.lane(subject, exchange, repeated)
        laneSelection = min(laneSelection, max(0, lane.selectableLines.count - 1))
    }

    private static func lint(_ scenario: Scenario) -> [LintFinding] {
        PolicyLinter.findings(server: scenario.server, request: scenario.request, browser: scenario.browser)
    }

    static func matrix(_ scenario: Scenario) -> WhatIfMatrix {
        WhatIfMatrix(request: scenario.request, server: scenario.server, browser: scenario.browser)
    }

    private static func lane(_ scenario: Scenario, _ exchange: Exchange, _ repeated: Exchange?) -> Lane {
        LaneBuilder.build(exchange, repeated: repeated.map { (scenario.repeatAfter ?? 0, $0) })
    }
}
