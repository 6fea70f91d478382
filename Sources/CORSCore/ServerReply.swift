/// What a server answered, and how it came to that answer.
public struct ServerReply: Sendable, Equatable {
    /// The response on the wire.
    public var response: ServerResponse
    /// One line per decision the server made (which policy rule produced which header).
    public var notes: [String]

    /// Creates a reply.
    public init(response: ServerResponse, notes: [String]) {
        self.response = response
        self.notes = notes
    }
}
