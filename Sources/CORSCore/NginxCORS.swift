/// nginx with hand-written `add_header` lines in front of an app (`ngx_http_headers_module`).
///
/// nginx has no CORS model: the lines are sent as written, after the upstream's headers, with `$http_NAME`
/// variables replaced by request headers. Without `always`, `add_header` only applies to 200, 201, 204, 206, 301,
/// 302, 303, 304, 307 and 308 responses.
public struct NginxCORS: Sendable, Equatable {
    /// The `add_header` lines, in order; values may use `$http_origin` and other `$http_NAME` variables.
    public var addHeader: [HeaderField]
    /// Whether every line carries the `always` parameter.
    public var always: Bool
    /// `if ($request_method = OPTIONS) { return N; }` in the location; nil passes OPTIONS on to the app.
    public var optionsReturn: Int?

    /// The statuses `add_header` applies to without `always`.
    public static let statusesWithoutAlways: Set<Int> = [200, 201, 204, 206, 301, 302, 303, 304, 307, 308]

    /// Creates the location configuration.
    public init(addHeader: [HeaderField] = [], always: Bool = false, optionsReturn: Int? = nil) {
        self.addHeader = addHeader
        self.always = always
        self.optionsReturn = optionsReturn
    }

    /// The response to `request` from this nginx location.
    public func reply(to request: WireRequest, app: MiddlewareApp) -> ServerReply {
        reply(to: request, app: app, detail: .full)
    }

    /// The response to `request`; notes only at `.full` detail.
    func reply(to request: WireRequest, app: MiddlewareApp, detail: EvaluationDetail) -> ServerReply {
        var notes = NoteLog(detail)
        var response: ServerResponse
        if request.method.asciiUppercased == "OPTIONS", let optionsReturn {
            response = ServerResponse(status: optionsReturn)
            notes.append("if ($request_method = OPTIONS) { return \(optionsReturn); } answers the OPTIONS request")
        } else if request.method.asciiUppercased == "OPTIONS" {
            response = app.optionsAnswer()
            notes.append("OPTIONS is proxied to the app, which answers \(response.status)")
        } else {
            response = app.routeResponse
            notes.append("the app answers \(app.status)")
        }
        guard always || Self.statusesWithoutAlways.contains(response.status) else {
            notes.append("add_header without 'always' does not apply to a \(response.status) response: no CORS headers")
            return ServerReply(response: response, notes: notes.notes)
        }
        for line in addHeader {
            let value = expand(line.value, request)
            if value.isEmpty {
                notes.append("\(line.name) expands to an empty value, and nginx skips empty add_header lines")
            } else {
                response.headers.append(HeaderField(line.name, value))
            }
        }
        return ServerReply(response: response, notes: notes.notes)
    }

    /// `value` with each `$http_NAME` (or `${http_NAME}`) replaced by the request header NAME (`_` for `-`).
    private func expand(_ value: String, _ request: WireRequest) -> String {
        let bytes = value.utf8
        guard bytes.contains(UInt8(ascii: "$")) else { return value }
        var result = ""
        var literalStart = bytes.startIndex
        while let dollar = bytes[literalStart...].firstIndex(of: UInt8(ascii: "$")) {
            result += Substring(bytes[literalStart..<dollar])
            var cursor = bytes.index(after: dollar)
            let braced = cursor < bytes.endIndex && bytes[cursor] == UInt8(ascii: "{")
            if braced { cursor = bytes.index(after: cursor) }
            let nameStart = cursor
            // nginx variable names are ASCII letters, digits and underscores.
            while cursor < bytes.endIndex, Self.isVariableNameByte(bytes[cursor]) {
                cursor = bytes.index(after: cursor)
            }
            let name = Substring(bytes[nameStart..<cursor])
            if braced, cursor < bytes.endIndex, bytes[cursor] == UInt8(ascii: "}") {
                cursor = bytes.index(after: cursor)
            }
            if name.hasPrefix("http_") {
                let header = String(name.dropFirst(5).map { $0 == "_" ? "-" : $0 })
                result += request.headers.values(named: header).first ?? ""
            } else {
                result += Substring(bytes[dollar..<cursor])
            }
            literalStart = cursor
        }
        return result + Substring(bytes[literalStart...])
    }

    private static func isVariableNameByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
            || byte == 0x5F
    }
}
