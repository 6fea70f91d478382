/// The notes a server reply records, built only at `.full` detail.
///
/// The reply code decides its headers outside the log and hands it each note as an autoclosure, so at `.verdict`
/// detail the same decisions are made but no note is formatted (no interpolation, no joined lists).
struct NoteLog {
    /// Whether notes are kept.
    let detail: EvaluationDetail
    /// The notes recorded so far (always empty at `.verdict` detail).
    private(set) var notes: [String] = []

    /// An empty log for `detail`.
    init(_ detail: EvaluationDetail) {
        self.detail = detail
    }

    /// A log for `detail` holding `note`, built only when the log keeps notes.
    init(_ detail: EvaluationDetail, _ note: @autoclosure () -> String) {
        self.detail = detail
        if detail == .full { notes = [note()] }
    }

    /// Records `note`, building it only when the log keeps notes.
    mutating func append(_ note: @autoclosure () -> String) {
        if detail == .full { notes.append(note()) }
    }

    /// Records every note of `other` (which is empty at `.verdict` detail when it came from a log of this detail).
    mutating func append(contentsOf other: [String]) {
        if detail == .full { notes += other }
    }

    /// Puts `note` before every recorded note, building it only when the log keeps notes.
    mutating func prepend(_ note: @autoclosure () -> String) {
        if detail == .full { notes.insert(note(), at: 0) }
    }
}
