import CORSCore
import CORSScenarios
import CORSServe
import CORSUI
import Foundation
import Synchronization

/// A run of the explorer's scenario in a real browser, in the background while the explorer keeps drawing.
final class BrowserCheckJob: Sendable {
    private let outcome = Mutex<BrowserCheck.Progress?>(nil)
    private let task = Mutex<Task<Void, Never>?>(nil)

    /// Starts running `scenario` in the browser for `profile` (Chromium or Firefox).
    init(_ scenario: Scenario, profile: BrowserProfile) {
        let browser: BrowserKind = profile == .firefox ? .firefox : .chromium
        let started = Task.detached { [self] in
            let result = await Verifier(browser: browser).verify(scenario)
            outcome.withLock { $0 = Self.progress(result) }
        }
        task.withLock { $0 = started }
    }

    /// The outcome, once the run is over.
    var finished: BrowserCheck.Progress? { outcome.withLock { $0 } }

    /// Stops the run (the browser is closed) and waits up to five seconds for it to clean up.
    func cancel() {
        guard finished == nil, let running = task.withLock({ $0 }) else { return }
        running.cancel()
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: .seconds(5))
        while finished == nil && clock.now < deadline { usleep(20_000) }
    }

    private static func progress(_ result: VerificationResult) -> BrowserCheck.Progress {
        switch result.status {
        case .agrees:
            let script = result.rows.first { $0.aspect == "script" }?.observed ?? "the same"
            return .finished(agrees: true, account: "\(script), with the same requests, headers and console")
        case .disagrees:
            let differences = result.rows.filter { $0.agrees == false }.map {
                "\($0.aspect): evaluator \(firstLine($0.predicted)), browser \(firstLine($0.observed))"
            }
            return .finished(agrees: false, account: differences.joined(separator: "; "))
        case .notVerifiable(let reason), .failed(let reason):
            return .failed(reason)
        }
    }

    private static func firstLine(_ text: String) -> String {
        String(text.split(separator: "\n", omittingEmptySubsequences: false).first ?? "")
    }
}
