import CORSCore
import CORSScenarios

/// A scenario built from a copied request, with the guesses made on the way, one line each.
public struct ImportedScenario: Sendable, Equatable {
    /// The scenario.
    public var scenario: Scenario
    /// What the import guessed or left out (dropped headers, the origin's source, a missing response).
    public var notes: [String]

    /// Creates an import result.
    public init(scenario: Scenario, notes: [String]) {
        self.scenario = scenario
        self.notes = notes
    }
}
