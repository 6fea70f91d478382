/// The server side of a scenario: raw responses, a policy or a middleware preset, plus redirects.
public struct ServerDefinition: Sendable, Equatable {
    /// How the server produces its answers.
    public enum Behavior: Sendable, Equatable {
        /// Exact responses: `preflight` answers every OPTIONS preflight (nil: 404, no headers),
        /// `response` every other request.
        case raw(preflight: ServerResponse?, response: ServerResponse)
        /// A CORS middleware configuration.
        case policy(CORSPolicy)
        /// A real middleware's configuration (express `cors`, flask-cors, …) and the app behind it.
        case middleware(MiddlewareConfiguration)
    }

    /// Raw responses, a policy or a middleware preset.
    public var behavior: Behavior
    /// URLs the server redirects.
    public var redirects: [ServerRedirect]

    /// Creates a server.
    public init(behavior: Behavior, redirects: [ServerRedirect] = []) {
        self.behavior = behavior
        self.redirects = redirects
    }
}
