/// One rule applied to one message: what was expected, what was found, and why it matters.
public struct Check: Sendable, Equatable {
    /// The header or rule the check is about, e.g. `Access-Control-Allow-Origin` or `preflight status`.
    public var subject: String
    /// What the rule needs, in words.
    public var expected: String
    /// What the message actually had.
    public var found: String
    /// Pass, fail, not applicable or info.
    public var status: CheckStatus
    /// One sentence a learner understands.
    public var explanation: String
    /// A link to the Fetch standard section that defines the rule.
    public var specLink: String

    /// Creates a check.
    public init(
        subject: String, expected: String, found: String, status: CheckStatus, explanation: String,
        specLink: String
    ) {
        self.subject = subject
        self.expected = expected
        self.found = found
        self.status = status
        self.explanation = explanation
        self.specLink = specLink
    }
}
