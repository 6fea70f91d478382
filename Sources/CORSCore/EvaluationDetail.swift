/// How much of an `Exchange` an evaluation builds.
///
/// Both levels run the same rule code; they differ only in whether the words around the decisions are produced.
public enum EvaluationDetail: Sendable, Equatable, Hashable {
    /// Everything: every check with its explanation, the server's notes, the console lines and the script result.
    case full
    /// Only the decisions: the verdict's `outcome`, `failure`, `status`, `responseType`, `readableHeaders` and
    /// `warnings`, the steps' wire messages, responses and pass/fail, and the preflight cache. The checks, the
    /// server's notes, the console lines, `scriptResult` and `summary` are left empty. For callers that need only
    /// the verdict (the what-if matrix evaluates thousands of requests per edit).
    case verdict
}
