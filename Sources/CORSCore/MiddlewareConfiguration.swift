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
        reply(to: request, memo: EvaluationMemo())
    }

    /// The response to `request`, the preset's regexes compiled through `memo`; notes only at `.full` detail.
    func reply(to request: WireRequest, memo: EvaluationMemo, detail: EvaluationDetail = .full) -> ServerReply {
        let reply = preset.reply(to: request, app: app, memo: memo, detail: detail)
        var notes = NoteLog(detail, "\(preset.name) answers as the real middleware does")
        notes.append(contentsOf: reply.notes)
        return ServerReply(response: reply.response, notes: notes.notes)
    }
}
