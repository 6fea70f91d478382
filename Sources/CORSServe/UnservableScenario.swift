/// Why a scenario cannot run against loopback servers in a real browser here.
public struct UnservableScenario: Error, Sendable, Equatable, CustomStringConvertible {
    /// What stands in the way, in one sentence.
    public var reason: String

    /// Creates the error.
    public init(_ reason: String) { self.reason = reason }

    /// The reason.
    public var description: String { reason }
}
