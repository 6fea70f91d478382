/// What the page's script ends up with, and what the console says.
public struct Verdict: Sendable, Equatable {
    /// Allowed, opaque, blocked or error.
    public var outcome: Outcome
    /// The failure, when there is one.
    public var failure: CORSFailure?
    /// The console lines of the chosen browser, word for word (empty when it prints nothing).
    public var console: [String]
    /// The browser's main console message for the failure: the first line, the one that names the reason.
    /// Firefox and Safari print follow-up lines too; `console` holds them all.
    public var consoleMessage: String? { console.first }
    /// Other console lines, printed before the failure's, that do not block the request: deprecation warnings, and
    /// the headers `XMLHttpRequest.setRequestHeader()` refused.
    public var warnings: [String]
    /// What the script observes, in one sentence (e.g. `fetch() rejects with TypeError: Failed to fetch`).
    public var scriptResult: String
    /// The response type the script sees: `basic`, `cors`, `opaque` or `error`.
    public var responseType: String
    /// The status the script can read (0 for opaque and failed responses), or nil when nothing was sent.
    public var status: Int?
    /// The lowercase header names the script can read, sorted; nil unless the outcome is allowed.
    public var readableHeaders: [String]?
    /// A one-line summary for learners.
    public var summary: String

    /// Creates a verdict.
    public init(
        outcome: Outcome, failure: CORSFailure?, console: [String], warnings: [String], scriptResult: String,
        responseType: String, status: Int?, readableHeaders: [String]?, summary: String
    ) {
        self.outcome = outcome
        self.failure = failure
        self.console = console
        self.warnings = warnings
        self.scriptResult = scriptResult
        self.responseType = responseType
        self.status = status
        self.readableHeaders = readableHeaders
        self.summary = summary
    }
}
