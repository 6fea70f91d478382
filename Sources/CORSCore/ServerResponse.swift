/// A status and header lines exactly as a server sends them (duplicates and casing kept).
public struct ServerResponse: Sendable, Equatable {
    /// The HTTP status code.
    public var status: Int
    /// The header lines in order.
    public var headers: [HeaderField]

    /// Creates a response.
    public init(status: Int = 200, headers: [HeaderField] = []) {
        self.status = status
        self.headers = headers
    }

    /// The standard reason phrase for the status, or an empty string.
    public var reasonPhrase: String { HTTPStatus.reasonPhrase(status) }
}
