import CORSCore

/// Reads the response heads that `curl --dump-header -` writes: one block per response (a status line, header
/// lines, an empty line), interim `1xx` blocks such as `100 Continue` first.
public enum HeaderDump {
    /// The final response in `text`: the last block whose status is not interim (1xx other than 101), with its
    /// header lines in order, case and duplicates kept; nil when there is none.
    ///
    /// Values lose the whitespace around them (as an HTTP parser strips it); a continuation line (obsolete line
    /// folding, starting with a space or tab) is joined to the previous value with one space; a line with no colon
    /// is not a header and is skipped. Line ends may be CRLF or LF.
    public static func finalResponse(_ text: String) -> ServerResponse? {
        var final: ServerResponse?
        var current: ServerResponse?
        // `\r\n` is one Character in Swift, so lines split on every newline character, not on `\n`.
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            if line.isEmpty {
                if let block = current, block.status >= 200 || block.status == 101 { final = block }
                current = nil
            } else if current == nil {
                current = statusLine(line).map { ServerResponse(status: $0) }
            } else if line.first == " " || line.first == "\t" {
                guard let last = current?.headers.indices.last, let previous = current?.headers[last] else { continue }
                let joined = [previous.value, String(line).trimmingHTTPWhitespace].filter { !$0.isEmpty }
                current?.headers[last].value = joined.joined(separator: " ")
            } else if let colon = line.firstIndex(of: ":"), colon != line.startIndex {
                let name = String(line[..<colon])
                let value = String(line[line.index(after: colon)...]).trimmingHTTPWhitespace
                current?.headers.append(HeaderField(name, value))
            }
        }
        if let block = current, block.status >= 200 || block.status == 101 { final = block }
        return final
    }

    /// The status code of an `HTTP/x.y NNN reason` line, or nil when the line is not a status line.
    static func statusLine(_ line: Substring) -> Int? {
        let parts = line.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: true)
        guard parts.count >= 2, parts[0].hasPrefix("HTTP/"), parts[1].count == 3, let code = Int(parts[1]) else {
            return nil
        }
        return code
    }
}
