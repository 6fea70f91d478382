/// The checks a rule records, built only at `.full` detail.
///
/// Rules decide pass or fail outside the log and hand it a `Check` as an autoclosure, so at `.verdict` detail the
/// same rule runs but none of the check's text is formatted.
struct CheckLog {
    /// Whether checks are kept.
    let detail: EvaluationDetail
    /// The checks recorded so far (always empty at `.verdict` detail).
    private(set) var checks: [Check] = []

    /// An empty log for `detail`.
    init(_ detail: EvaluationDetail) {
        self.detail = detail
    }

    /// Records `check`, building it only when the log keeps checks.
    mutating func append(_ check: @autoclosure () -> Check) {
        guard detail == .full else { return }
        // Most logs hold a few checks: room for four at once instead of growing one by one.
        if checks.isEmpty { checks.reserveCapacity(4) }
        checks.append(check())
    }

    /// Records every check of `other`.
    mutating func append(contentsOf other: [Check]) {
        if detail == .full { checks += other }
    }
}
