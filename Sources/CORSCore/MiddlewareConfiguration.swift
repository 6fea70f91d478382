/// A server written as a real middleware's configuration plus the app behind it.
public struct MiddlewareConfiguration: Sendable, Equatable {
    /// The middleware and its options.
    public var preset: MiddlewarePreset
    /// What the app behind the middleware answers.
    public var app: MiddlewareApp

    /// Creates a middleware server.
    public init(preset: MiddlewarePreset, app: MiddlewareApp = MiddlewareApp()) {
        self.preset = preset
        self.app = app
    }

    /// The response the middleware and app send for `request`, with the middleware's name on the first note.
    public func reply(to request: WireRequest) -> ServerReply {
        reply(to: request, regexes: RegexCache())
    }

    /// The response to `request`, the preset's regexes compiled through `regexes`.
    func reply(to request: WireRequest, regexes: RegexCache) -> ServerReply {
        var reply = preset.reply(to: request, app: app, regexes: regexes)
        reply.notes.insert("\(preset.name) answers as the real middleware does", at: 0)
        return reply
    }
}
