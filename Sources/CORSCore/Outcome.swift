/// What the page's script gets, in one word.
public enum Outcome: String, Sendable, Equatable, Hashable, CaseIterable {
    /// The script gets a readable response.
    case allowed
    /// `no-cors`: the promise resolves, but nothing is readable.
    case opaque
    /// A network error after something was sent.
    case blocked
    /// Rejected before anything was sent.
    case error
}
