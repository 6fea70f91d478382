import CORSCore

/// One cell of the matrix: the evaluator's verdict for a row's origin and a column's request.
public struct MatrixCell: Sendable, Equatable, Hashable {
    /// What the script gets.
    public var outcome: Outcome
    /// The failing check, in a few words (e.g. `ACAO missing`, `ACAH lacks x-token`), or nil when nothing failed.
    public var failedCheck: String?

    /// Creates a cell.
    public init(outcome: Outcome, failedCheck: String?) {
        self.outcome = outcome
        self.failedCheck = failedCheck
    }

    /// Whether the script can read the response.
    public var passes: Bool { outcome == .allowed }
}
