import CORSCore
import Testing

@testable import CORSServe

@Suite("Reading a request off the wire")
struct RawRequestParserTests {
    @Test("a method the usual parsers refuse (lowercase patch, a custom token) arrives as written")
    func anyTokenMethod() {
        for method in ["patch", "FOO", "GET"] {
            let bytes = Array("\(method) /a?b=1 HTTP/1.1\r\nHost: api.example.com:3333\r\nX-A:  1 \r\n\r\n".utf8)
            #expect(
                RawRequestParser.parse(bytes)
                    == .complete(
                        method: method, target: "/a?b=1",
                        headers: [HeaderField("Host", "api.example.com:3333"), HeaderField("X-A", "1")], body: []))
        }
    }

    /// Found by `verify`: Chromium sends a script's `Ect: café` as the byte 0xE9, which UTF-8 decoding garbled.
    @Test("header bytes above 0x7F read as ISO-8859-1, the way scripts' byte strings are written")
    func latin1HeaderBytes() {
        let bytes = Array("GET / HTTP/1.1\r\nX-A: caf".utf8) + [0xE9] + Array("\r\n\r\n".utf8)
        #expect(
            RawRequestParser.parse(bytes)
                == .complete(method: "GET", target: "/", headers: [HeaderField("X-A", "caf\u{E9}")], body: []))
    }

    @Test("the request is complete only with its whole head and Content-Length body")
    func completeness() {
        let head = "POST / HTTP/1.1\r\nContent-Length: 5\r\n\r\n"
        #expect(RawRequestParser.parse(Array("POST / HTTP/1.1\r\nContent-Le".utf8)) == .incomplete)
        #expect(RawRequestParser.parse(Array((head + "abc").utf8)) == .incomplete)
        #expect(
            RawRequestParser.parse(Array((head + "abcde").utf8))
                == .complete(
                    method: "POST", target: "/", headers: [HeaderField("Content-Length", "5")],
                    body: Array("abcde".utf8)))
    }

    @Test(
        "bytes that are not a request are malformed",
        arguments: [
            "\r\n\r\n", "GET /\r\n\r\n", "GET / HTTP/1.1\r\nNoColon\r\n\r\n",
            "GET / HTTP/1.1\r\nContent-Length: x\r\n\r\n",
        ])
    func malformed(_ text: String) {
        guard case .malformed = RawRequestParser.parse(Array(text.utf8)) else {
            Issue.record("expected malformed: \(text.debugDescription)")
            return
        }
    }
}
