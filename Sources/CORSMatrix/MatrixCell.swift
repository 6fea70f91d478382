import CORSCore

/// One cell of the matrix: the evaluator's verdict for a row's origin and a column's request.
public struct MatrixCell: Sendable, Equatable, Hashable {
    /// What the script gets.
    public var outcome: Outcome
    /// What failed, or nil when nothing failed.
    public var failure: CORSFailure?

    /// Creates a cell.
    public init(outcome: Outcome, failure: CORSFailure?) {
        self.outcome = outcome
        self.failure = failure
    }

    /// The cell for `verdict`.
    public init(_ verdict: Verdict) {
        self.init(outcome: verdict.outcome, failure: verdict.failure)
    }

    /// The failing check, in a few words (e.g. `ACAO missing`, `ACAH lacks x-token`), or nil when nothing failed.
    ///
    /// Worded when read: a matrix has thousands of cells and shows a few.
    public var failedCheck: String? { failure.map(FailedCheckLabel.label(for:)) }

    /// Whether the script can read the response.
    public var passes: Bool { outcome == .allowed }
}
