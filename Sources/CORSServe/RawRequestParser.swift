import CORSCore

/// Reads one HTTP/1.1 request from the bytes a connection has received so far.
///
/// Hand-written on purpose: the usual parsers accept only the methods they know, but browsers send any token as a
/// method (a lowercase `patch`, a custom `FOO`), and the scenario's server must see it exactly.
enum RawRequestParser {
    /// The outcome of reading the bytes so far.
    enum Parsed: Equatable {
        /// More bytes are needed.
        case incomplete
        /// The bytes are not an HTTP/1.1 request.
        case malformed(String)
        /// A whole request.
        case complete(method: String, target: String, headers: [HeaderField], body: [UInt8])
    }

    /// The longest head accepted.
    static let headLimit = 256 * 1024
    /// The longest body accepted.
    static let bodyLimit = 4 * 1024 * 1024

    /// Reads `bytes` as one request.
    static func parse(_ bytes: [UInt8]) -> Parsed {
        guard let headEnd = endOfHead(in: bytes) else {
            return bytes.count > headLimit ? .malformed("request head over \(headLimit) bytes") : .incomplete
        }
        // ISO-8859-1, byte for byte: header values are byte strings, and a script's `café` arrives as one 0xE9 byte,
        // which is how the evaluator writes it (U+00E9).
        var head = String.UnicodeScalarView()
        for byte in bytes[..<headEnd] { head.append(Unicode.Scalar(byte)) }
        let lines = String(head).split(separator: "\r\n", omittingEmptySubsequences: false)
        let requestLine = lines[0].split(separator: " ", omittingEmptySubsequences: false)
        guard requestLine.count == 3, !requestLine[0].isEmpty, requestLine[2].hasPrefix("HTTP/1.") else {
            return .malformed("not an HTTP/1.x request line: \(Escaping.visible(String(lines[0])))")
        }
        var headers: [HeaderField] = []
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":"), colon != line.startIndex else {
                return .malformed("not a header line: \(Escaping.visible(String(line)))")
            }
            let value = String(line[line.index(after: colon)...]).trimmingHTTPWhitespace
            headers.append(HeaderField(String(line[..<colon]), value))
        }
        var length = 0
        if let text = headers.values(named: "Content-Length").first {
            guard let value = Int(text), (0...bodyLimit).contains(value) else {
                return .malformed("unusable Content-Length: \(Escaping.visible(text))")
            }
            length = value
        }
        let bodyStart = headEnd + 4
        guard bytes.count >= bodyStart + length else { return .incomplete }
        return .complete(
            method: String(requestLine[0]), target: String(requestLine[1]), headers: headers,
            body: Array(bytes[bodyStart..<(bodyStart + length)]))
    }

    /// The index of the blank line's CR LF CR LF, or nil when the head is not complete yet.
    private static func endOfHead(in bytes: [UInt8]) -> Int? {
        guard bytes.count >= 4 else { return nil }
        for index in 0...(bytes.count - 4)
        where bytes[index] == 13 && bytes[index + 1] == 10 && bytes[index + 2] == 13 && bytes[index + 3] == 10 {
            return index
        }
        return nil
    }
}
