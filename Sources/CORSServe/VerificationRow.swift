/// One aspect of an exchange, as the evaluator predicted it and as the browser did it.
public struct VerificationRow: Sendable, Equatable {
    /// What is compared (`preflight`, `console`, …).
    public var aspect: String
    /// The evaluator's prediction.
    public var predicted: String
    /// What the browser did.
    public var observed: String
    /// Whether they agree; nil when the browser's side cannot be observed here.
    public var agrees: Bool?

    /// Creates a row.
    public init(aspect: String, predicted: String, observed: String, agrees: Bool?) {
        self.aspect = aspect
        self.predicted = predicted
        self.observed = observed
        self.agrees = agrees
    }
}
