import CORSCore
import Testing

/// cors-rules.md §1: tuple and opaque origins, serialization, same-origin.
@Suite("Origins")
struct OriginTests {
    @Test(
        "ASCII serialization drops default ports, lowercases and never has a path",
        arguments: [
            ("https://a.example:443/", "https://a.example"),
            ("http://a.example:80/p?q=1#f", "http://a.example"),
            ("https://a.example:8443/", "https://a.example:8443"),
            ("http://a.example:443/", "http://a.example:443"),
            ("HTTPS://A.Example/", "https://a.example"),
            ("ws://a.example:80/", "ws://a.example"),
            ("wss://a.example:443/", "wss://a.example"),
            ("ftp://a.example:21/", "ftp://a.example"),
            ("http://[2001:DB8:0:0:0:0:0:1]:8080/", "http://[2001:db8::1]:8080"),
            ("http://0x7f.0.0.1/", "http://127.0.0.1"),
            ("https://bücher.example/", "https://xn--bcher-kva.example"),
            ("blob:https://a.example/0c2c4b1e", "https://a.example"),
        ])
    func tupleOriginSerialization(url: String, expected: String) throws {
        let origin = try ParsedURL.parse(url).origin
        #expect(origin.serialized == expected)
        #expect(!origin.isOpaque)
    }

    @Test(
        "Non-tuple URLs get an opaque origin that serializes as null",
        arguments: ["data:text/plain,hi", "file:///etc/hosts", "blob:data:text/plain,x", "javascript:alert(1)"])
    func opaqueOriginSerialization(url: String) throws {
        let origin = try ParsedURL.parse(url).origin
        #expect(origin == .opaque)
        #expect(origin.serialized == "null")
    }

    @Test("Origin.parse reads the literal null as an opaque origin")
    func parseNull() throws {
        #expect(try Origin.parse("null") == .opaque)
        #expect(
            try Origin.parse("https://app.example/some/page?x")
                == .tuple(scheme: "https", host: "app.example", port: nil))
    }

    @Test(
        "Same origin needs equal scheme, host and port after parsing",
        arguments: [
            ("https://a.example", "https://a.example:443/path", true),
            ("https://A.EXAMPLE", "https://a.example", true),
            ("http://127.0.0.1", "http://2130706433/", true),
            ("http://[::1]", "http://[0:0:0:0:0:0:0:1]", true),
            ("https://a.example", "http://a.example", false),
            ("https://a.example", "https://api.a.example", false),
            ("https://api.a.example", "https://a.example", false),
            ("https://a.example", "https://a.example:8443", false),
            ("http://a.example", "http://a.example:8080", false),
        ])
    func sameOrigin(first: String, second: String, same: Bool) throws {
        let a = try Origin.parse(first)
        let b = try Origin.parse(second)
        #expect(a.isSameOrigin(with: b) == same)
        #expect(b.isSameOrigin(with: a) == same)
    }

    @Test(
        "A URL has an origin exactly when building its origin and comparing says so",
        arguments: [
            ("https://a.example/p", "https://a.example"), ("https://a.example:443/", "https://a.example"),
            ("http://a.example/", "https://a.example"), ("https://a.example:8443/", "https://a.example"),
            ("ws://a.example/", "ws://a.example"), ("ftp://a.example/", "ftp://a.example"),
            ("blob:https://a.example/0b1c", "https://a.example"), ("blob:https://b.example/0b1c", "https://a.example"),
            ("data:text/plain,x", "https://a.example"), ("file:///tmp/x", "https://a.example"),
            ("https://a.example/", "null"),
        ])
    func aURLHasTheOriginItsOriginIs(url: String, origin: String) throws {
        let parsed = try ParsedURL.parse(url)
        let other = try Origin.parse(origin)
        #expect(parsed.hasOrigin(other) == parsed.origin.isSameOrigin(with: other))
    }

    @Test("An opaque origin is same-origin with nothing, not even another opaque origin")
    func opaqueIsNeverSameOrigin() throws {
        let tuple = try Origin.parse("https://a.example")
        #expect(!Origin.opaque.isSameOrigin(with: .opaque))
        #expect(!Origin.opaque.isSameOrigin(with: tuple))
        #expect(!tuple.isSameOrigin(with: .opaque))
    }

    @Test("A request from an opaque page sends Origin: null")
    func opaquePageSendsNullOrigin() throws {
        let request = try makeRequest(page: "null")
        let exchange = run(request, rawServer(actual: response(200, [("Access-Control-Allow-Origin", "null")])))
        #expect(exchange.isCrossOrigin)
        #expect(exchange.finalActual?.requestHeader("Origin") == "null")
        #expect(exchange.verdict.outcome == .allowed)
    }

    @Test(
        "A cross-origin request sends the serialized page origin without default port or slash",
        arguments: [
            ("https://app.example:443/index.html", "https://app.example"),
            ("https://APP.example:8443/", "https://app.example:8443"),
        ])
    func crossOriginRequestSendsSerializedOrigin(page: String, expected: String) throws {
        let exchange = run(try makeRequest(page: page), rawServer())
        #expect(exchange.finalActual?.requestHeader("Origin") == expected)
    }
}
