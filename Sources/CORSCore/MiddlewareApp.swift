/// What the application behind a middleware answers, for the requests the middleware lets through.
public struct MiddlewareApp: Sendable, Equatable {
    /// The status of the route's answer to the actual request.
    public var status: Int
    /// The headers the route sets on its answer, before or after the middleware's (each preset knows which).
    public var headers: [HeaderField]
    /// The status the app gives an OPTIONS request that the middleware passes on; nil means the preset's
    /// framework default (Flask answers OPTIONS itself with 200; elsewhere there is no OPTIONS route: 404).
    public var optionsStatus: Int?

    /// Creates the app behind a middleware.
    public init(
        status: Int = 200, headers: [HeaderField] = [HeaderField("Content-Type", "application/json")],
        optionsStatus: Int? = nil
    ) {
        self.status = status
        self.headers = headers
        self.optionsStatus = optionsStatus
    }

    /// The route's own answer to the actual request, before any middleware header.
    var routeResponse: ServerResponse { ServerResponse(status: status, headers: headers) }

    /// The app's answer to an OPTIONS request that reaches it, given the framework's default status.
    func optionsAnswer(frameworkDefault: Int = 404) -> ServerResponse {
        ServerResponse(status: optionsStatus ?? frameworkDefault)
    }
}
