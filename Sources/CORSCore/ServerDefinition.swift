/// The server side of a scenario: raw responses or a policy, plus redirects.
public struct ServerDefinition: Sendable, Equatable {
    /// How the server produces its answers.
    public enum Behavior: Sendable, Equatable {
        /// Exact responses: `preflight` answers every OPTIONS preflight (nil: 404, no headers),
        /// `response` every other request.
        case raw(preflight: ServerResponse?, response: ServerResponse)
        /// A CORS middleware configuration.
        case policy(CORSPolicy)
    }

    /// Raw responses or a policy.
    public var behavior: Behavior
    /// URLs the server redirects.
    public var redirects: [ServerRedirect]

    /// Creates a server.
    public init(behavior: Behavior, redirects: [ServerRedirect] = []) {
        self.behavior = behavior
        self.redirects = redirects
    }
}
