import CORSCore
import Testing

@testable import CORSProbe

@Suite("Reading curl's dumped response heads")
struct HeaderDumpTests {
    @Test("lines keep their order, case and duplicates")
    func exact() {
        let dump =
            "HTTP/1.1 204 No Content\r\nVary: Origin\r\nvary: Accept\r\nSet-Cookie: a=1\r\nSet-Cookie: b=2\r\n\r\n"
        #expect(
            HeaderDump.finalResponse(dump)
                == ServerResponse(
                    status: 204,
                    headers: [
                        HeaderField("Vary", "Origin"), HeaderField("vary", "Accept"), HeaderField("Set-Cookie", "a=1"),
                        HeaderField("Set-Cookie", "b=2"),
                    ]))
    }

    @Test(
        "the final response, past interim blocks and odd lines",
        arguments: [
            ("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nX-A: 1\r\n\r\n", 200, [HeaderField("X-A", "1")]),
            (
                "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </a>\r\n\r\nHTTP/1.1 302 Found\r\n"
                    + "Location: /b\r\n\r\n",
                302, [HeaderField("Location", "/b")]
            ),
            // Bare LF line ends, no reason phrase, HTTP/1.0.
            ("HTTP/1.0 404\nX-A: 1\n\n", 404, [HeaderField("X-A", "1")]),
            // Whitespace around values goes; an empty value stays.
            (
                "HTTP/1.1 200 OK\r\nX-A:   1  \r\nX-Empty:\r\n\r\n", 200,
                [HeaderField("X-A", "1"), HeaderField("X-Empty", "")]
            ),
            // An obsolete folded line joins the previous value with one space.
            (
                "HTTP/1.1 200 OK\r\nX-Fold: a\r\n  b\r\n\tc\r\nX-B: 2\r\n\r\n", 200,
                [
                    HeaderField("X-Fold", "a b c"), HeaderField("X-B", "2"),
                ]
            ),
            // A line without a colon is not a header; a colon in the value is kept.
            (
                "HTTP/1.1 200 OK\r\ngarbage\r\nLocation: http://h:1/\r\n\r\n", 200,
                [
                    HeaderField("Location", "http://h:1/")
                ]
            ),
            // The head of a response cut off before its empty line still counts.
            ("HTTP/1.1 200 OK\r\nX-A: 1\r\n", 200, [HeaderField("X-A", "1")]),
        ])
    func final(_ dump: String, _ status: Int, _ headers: [HeaderField]) {
        #expect(HeaderDump.finalResponse(dump) == ServerResponse(status: status, headers: headers))
    }

    @Test(
        "no final response",
        arguments: ["", "HTTP/1.1 100 Continue\r\n\r\n", "hello\r\n\r\n", "HTTP/1.1 2xx OK\r\n\r\n"])
    func none(_ dump: String) {
        #expect(HeaderDump.finalResponse(dump) == nil)
    }
}
