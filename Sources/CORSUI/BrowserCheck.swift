import CORSCore
import CORSScenarios

/// A run of the scenario in a real headless browser, shown beside the evaluator's verdict.
public struct BrowserCheck: Sendable, Equatable {
    /// Where the run is.
    public enum Progress: Sendable, Equatable {
        /// The browser is at work.
        case running
        /// The browser ran it: whether it agrees with the evaluator, and a one-line account (the differences when
        /// it does not agree).
        case finished(agrees: Bool, account: String)
        /// It could not run (not verifiable here, no browser installed, no answer in time).
        case failed(String)
    }

    /// The browser's name (`Chromium`).
    public var browserName: String
    /// The scenario as it was when the run started.
    public var scenario: Scenario
    /// Where the run is.
    public var progress: Progress

    /// Creates a check.
    public init(browserName: String, scenario: Scenario, progress: Progress) {
        self.browserName = browserName
        self.scenario = scenario
        self.progress = progress
    }

    /// The line for the verdict bar, and its style; `isStale` when the scenario changed since the run started.
    func line(isStale: Bool, glyphs: Glyphs) -> (String, CellStyle) {
        let stale = isStale ? " (before the last change: v runs it again)" : ""
        switch progress {
        case .running:
            return ("Real \(browserName): running the scenario headless…", .muted)
        case .finished(true, let account):
            return ("\(glyphs.mark(for: .pass)) Real \(browserName) agrees: \(account)\(stale)", CellStyle(.success))
        case .finished(false, let account):
            return ("\(glyphs.mark(for: .fail)) Real \(browserName) disagrees: \(account)\(stale)", CellStyle(.failure))
        case .failed(let reason):
            return ("Real \(browserName): not run: \(reason)", .warning)
        }
    }
}
