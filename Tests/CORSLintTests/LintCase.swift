import CORSCore
import CORSLint
import Testing

/// One row of the rule table: a minimal bad server and the finding it must produce.
struct LintCase: Sendable, CustomTestStringConvertible {
    var name: String
    var server: ServerDefinition
    var page: String = LintFixtures.page
    var url: String = LintFixtures.api
    var rule: LintRule
    var severity: LintSeverity
    /// Whether the finding must carry a demonstration.
    var demonstrated: Bool

    var testDescription: String { name }
}
