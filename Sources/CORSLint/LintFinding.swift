/// One problem the lint found in a server definition.
public struct LintFinding: Sendable, Equatable {
    /// The rule that fired.
    public var rule: LintRule
    /// How bad it is here (a rule's severity can depend on credentials or on the API's network).
    public var severity: LintSeverity
    /// A short title.
    public var title: String
    /// What is wrong and why it matters, in words a learner understands.
    public var explanation: String
    /// A concrete change that removes the problem.
    public var fix: String
    /// An attacker origin that gets in, as evaluated by the core; nil when the rule is not about an origin.
    public var demonstration: LintDemonstration?

    /// Creates a finding.
    public init(
        rule: LintRule, severity: LintSeverity, title: String, explanation: String, fix: String,
        demonstration: LintDemonstration? = nil
    ) {
        self.rule = rule
        self.severity = severity
        self.title = title
        self.explanation = explanation
        self.fix = fix
        self.demonstration = demonstration
    }

    /// The rule's stable id, e.g. `any-origin-with-credentials`.
    public var ruleID: String { rule.rawValue }
}
