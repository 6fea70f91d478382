import CORSCore
import CORSExport
import CORSScenarios

/// What the explorer asks its terminal loop to do after an event.
public enum AppCommand: Sendable, Equatable {
    /// Leave the explorer.
    case quit
    /// Write this scenario (the user's edits) to a file; the loop reports the outcome with ``AppState/report(_:isError:)``.
    case save(Scenario)
    /// Run this scenario in a real headless browser (Chromium or Firefox, as the profile says); the loop reports
    /// the result with ``AppState/finishBrowserCheck(_:)``.
    case runInBrowser(Scenario, BrowserProfile)
    /// Send this request's messages to its real server, as this browser would (a live probe); the loop reports the
    /// answers with ``AppState/finishProbe(_:)``.
    case probe(BrowserRequest, BrowserProfile)
    /// Write this scenario (the user's edits) as `ExportKind` beside the scenario file; the loop reports the path
    /// with ``AppState/report(_:isError:)``.
    case export(Scenario, ExportKind)
}
