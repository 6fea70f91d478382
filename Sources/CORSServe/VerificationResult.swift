/// The result of running one scenario in a real browser.
public struct VerificationResult: Sendable, Equatable {
    /// How it went.
    public enum Status: Sendable, Equatable {
        /// Every observable aspect agrees with the evaluator.
        case agrees
        /// At least one aspect disagrees.
        case disagrees
        /// The scenario cannot run in a browser here; the reason says why.
        case notVerifiable(String)
        /// The run itself failed (no browser, a port in use, no report in time).
        case failed(String)
    }

    /// How it went.
    public var status: Status
    /// The comparison, aspect by aspect (empty unless the scenario ran).
    public var rows: [VerificationRow]

    /// Creates a result.
    public init(status: Status, rows: [VerificationRow] = []) {
        self.status = status
        self.rows = rows
    }

    /// A result from compared rows: it agrees unless a row disagrees.
    public init(rows: [VerificationRow]) {
        self.init(status: rows.contains { $0.agrees == false } ? .disagrees : .agrees, rows: rows)
    }
}
