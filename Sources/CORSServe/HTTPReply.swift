import CORSCore

/// A response as the loopback server writes it: status line, header lines exactly as given, body.
public struct HTTPReply: Sendable, Equatable {
    /// The status code.
    public var status: Int
    /// The header lines, in order, with their casing and duplicates.
    public var headers: [HeaderField]
    /// The body bytes.
    public var body: [UInt8]

    /// Creates a reply.
    public init(status: Int, headers: [HeaderField], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// A harness reply: a body with its `Content-Type` and `Content-Length`.
    static func harness(status: Int, contentType: String?, body: String, extra: [HeaderField] = []) -> HTTPReply {
        let bytes = Array(body.utf8)
        var headers = extra
        if let contentType { headers.append(HeaderField("Content-Type", contentType)) }
        headers += [HeaderField("Cache-Control", "no-store"), HeaderField("Content-Length", "\(bytes.count)")]
        return HTTPReply(status: status, headers: headers, body: bytes)
    }

    /// A scenario's response, sent with exactly the scenario's header lines.
    ///
    /// No framing header is added (it would be one more header for the browser to judge and expose): the body ends
    /// when the server closes the connection. When the scenario itself sends `Content-Length` or chunked
    /// `Transfer-Encoding`, the body matches it. Header lines that cannot go on the wire (CR or LF inside) are left
    /// out and named in `droppedLines`.
    static func scenario(_ response: ServerResponse, method: String) -> (reply: HTTPReply, droppedLines: [String]) {
        var dropped: [String] = []
        let headers = response.headers.filter { field in
            let sendable = !(field.name + field.value).unicodeScalars.contains { $0 == "\r" || $0 == "\n" }
            if !sendable { dropped.append(Escaping.visible(field.name + ": " + field.value)) }
            return sendable
        }
        var body: [UInt8] = []
        let hasBody = method != "HEAD" && response.status >= 200 && response.status != 204 && response.status != 304
        if hasBody {
            if let length = headers.values(named: "Content-Length").first.flatMap({ Int($0.trimmingHTTPWhitespace) }),
                (0...1_000_000).contains(length)
            {
                body = Array(repeating: UInt8(ascii: "x"), count: length)
            } else if headers.values(named: "Transfer-Encoding").contains(where: { $0.contains("chunked") }) {
                body = Array("0\r\n\r\n".utf8)
            }
        }
        return (HTTPReply(status: response.status, headers: headers, body: body), dropped)
    }

    /// The bytes on the wire.
    public var bytes: [UInt8] {
        var text = "HTTP/1.1 \(status) \(HTTPStatus.reasonPhrase(status))\r\n"
        for field in headers { text += "\(field.name): \(field.value)\r\n" }
        text += "\r\n"
        return Array(text.utf8) + body
    }
}
