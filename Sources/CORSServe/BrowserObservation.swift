import CORSCore

/// What a real browser did with a scenario: the requests that reached the servers, what the script got, and the
/// console.
public struct BrowserObservation: Sendable, Equatable {
    /// The browser.
    public var browser: BrowserKind
    /// The scenario's requests that reached the servers, in order (the harness's own left out).
    public var requests: [ArrivedRequest]
    /// What the page's script reported.
    public var report: BrowserReport
    /// The console messages, or nil when this browser's console cannot be read here.
    public var console: [String]?

    /// Creates an observation.
    public init(browser: BrowserKind, requests: [ArrivedRequest], report: BrowserReport, console: [String]?) {
        self.browser = browser
        self.requests = requests
        self.report = report
        self.console = console
    }

    /// The outcome in the evaluator's words: a rejection before anything reached a server is an `error`.
    public var outcome: Outcome {
        if report.isResolved { return report.type == "opaque" ? .opaque : .allowed }
        return requests.isEmpty ? .error : .blocked
    }
}
