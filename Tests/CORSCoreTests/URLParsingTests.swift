import CORSCore
import Testing

/// The WHATWG URL parsing the evaluator relies on (cors-rules.md §1: hosts, default ports, userinfo).
@Suite("URL parsing")
struct URLParsingTests {
    @Test(
        "Two URLs are equal but for the fragment exactly when their serializations without it are",
        arguments: [
            ("https://a.example/p?q#x", "https://a.example/p?q#y"), ("https://a.example/p", "https://a.example/p?"),
            ("https://a.example:443/p", "https://a.example/p"), ("https://u:p@a.example/", "https://u@a.example/"),
            ("https://a.example/", "http://a.example/"), ("https://a.example:8443/", "https://a.example/"),
            ("data:text/plain,x", "data:text/plain,x#f"), ("data:text/plain,x", "data:text/plain,y"),
            ("blob:https://a.example/1", "blob:https://a.example/1"), ("https://A.example/%7e", "https://a.example/~"),
        ])
    func equalIgnoringTheFragment(first: String, second: String) throws {
        let one = try ParsedURL.parse(first)
        let two = try ParsedURL.parse(second)
        #expect(one.equalsIgnoringFragment(two) == (one.serializedWithoutFragment == two.serializedWithoutFragment))
        #expect(two.equalsIgnoringFragment(one) == one.equalsIgnoringFragment(two))
    }

    @Test("Every component of a full special URL is parsed and normalized")
    func fullURLComponents() throws {
        let url = try ParsedURL.parse("HTTPS://user:pa%20ss@API.Example:8443/a/../b/./c?q=1#frag")
        #expect(url.scheme == "https")
        #expect(url.username == "user")
        #expect(url.password == "pa%20ss")
        #expect(url.hasCredentials)
        #expect(url.host == "api.example")
        #expect(url.port == 8443)
        #expect(url.pathAndQuery == "/b/c?q=1")
        #expect(url.fragment == "frag")
        #expect(url.hostHeader == "api.example:8443")
        #expect(url.serializedWithoutFragment == "https://user:pa%20ss@api.example:8443/b/c?q=1")
        #expect(url.description == "https://user:pa%20ss@api.example:8443/b/c?q=1#frag")
    }

    @Test(
        "Paths and queries are normalized and percent-encoded",
        arguments: [
            ("https://a.example", "/"),
            ("https://a.example?x", "/?x"),
            ("https://a.example/a b", "/a%20b"),
            ("https://a.example/a/b/../../c", "/c"),
            ("https://a.example/%2e%2E/x", "/x"),
            ("https://a.example\\p\\q", "/p/q"),
            ("https://a.example/?a b'c", "/?a%20b%27c"),
        ])
    func pathAndQueryNormalization(input: String, expected: String) throws {
        #expect(try ParsedURL.parse(input).pathAndQuery == expected)
    }

    @Test(
        "Hosts are canonicalized: IPv4 forms, IPv6 compression, IDNA",
        arguments: [
            ("http://2130706433/", "127.0.0.1"),
            ("http://0300.0250.0.1/", "192.168.0.1"),
            ("http://0xC0.0xA8.0.1/", "192.168.0.1"),
            ("http://192.168.1/", "192.168.0.1"),
            ("http://[0:0:0:0:0:0:0:1]/", "[::1]"),
            ("http://[2001:DB8:0:0:1:0:0:1]/", "[2001:db8::1:0:0:1]"),
            ("http://[::ffff:192.0.2.1]/", "[::ffff:c000:201]"),
            ("https://Bücher.Example/", "xn--bcher-kva.example"),
            ("https://EXAMPLE.com./", "example.com."),
        ])
    func hostCanonicalization(input: String, host: String) throws {
        #expect(try ParsedURL.parse(input).host == host)
    }

    @Test(
        "Default ports are dropped, other ports kept",
        arguments: [
            ("http://a.example:80/", nil as Int?),
            ("https://a.example:443/", nil),
            ("ws://a.example:80/", nil),
            ("wss://a.example:443/", nil),
            ("ftp://a.example:21/", nil),
            ("https://a.example:80/", 80),
            ("http://a.example:8080/", 8080),
            ("http://a.example:/", nil),
        ])
    func defaultPorts(input: String, port: Int?) throws {
        #expect(try ParsedURL.parse(input).port == port)
    }

    @Test(
        "Malformed URLs are rejected with a parse error",
        arguments: [
            "", "api.example/x", "/relative/path", "1http://a.example/", "https://", "https://a.example:99999/",
            "https://a.example:8x/", "http://[::1/", "http://[1:2:3]/", "https://a b.example/", "https://a<b.example/",
            "http://256.256.256.256/",
        ])
    func malformedURLs(input: String) {
        #expect(throws: URLParseError.self) { try ParsedURL.parse(input) }
    }

    @Test(
        "Only http and https count as HTTP(S) for CORS",
        arguments: [
            ("https://a.example/", true), ("http://a.example/", true), ("ws://a.example/", false),
            ("ftp://a.example/", false), ("data:,x", false), ("file:///x", false),
        ])
    func isHTTP(input: String, expected: Bool) throws {
        #expect(try ParsedURL.parse(input).isHTTP == expected)
    }

    @Test(
        "Location values resolve against the current URL",
        arguments: [
            ("/y", "https://api.example/y"),
            ("y", "https://api.example/dir/y"),
            ("../up", "https://api.example/up"),
            ("?n=2", "https://api.example/dir/x?n=2"),
            ("//other.example/z", "https://other.example/z"),
            ("http://Other.Example:8080/p", "http://other.example:8080/p"),
            ("https://u:p@api.example/y", "https://u:p@api.example/y"),
            // Special-scheme rules, checked against Chromium 156 (the 3xx's Location, then the request it sent):
            (#"\\other.example\z"#, "https://other.example/z"),
            (#"\y"#, "https://api.example/y"),
            (#"/\other.example/z"#, "https://other.example/z"),
            ("https:next", "https://api.example/dir/next"),
            ("HTTPS:/y", "https://api.example/y"),
            ("https:?n=2", "https://api.example/dir/x?n=2"),
            ("https:", "https://api.example/dir/x?q=1"),
            ("http:other.example/z", "http://other.example/z"),
            ("", "https://api.example/dir/x?q=1"),
            ("#f", "https://api.example/dir/x?q=1#f"),
            (" \u{1}/y\u{7F}", "https://api.example/y%7F"),
            ("/\t/other.example/\nz", "https://other.example/z"),
        ])
    func locationResolution(location: String, expected: String) throws {
        let base = try ParsedURL.parse("https://api.example/dir/x?q=1")
        #expect(try base.resolving(location).description == expected)
    }

    @Test("A URL without userinfo has no credentials")
    func noCredentials() throws {
        let url = try ParsedURL.parse("https://api.example/x")
        #expect(!url.hasCredentials)
        #expect(url.username.isEmpty && url.password.isEmpty)
        #expect(try ParsedURL.parse("https://user@api.example/").hasCredentials)
    }

    /// Found by the URL fuzz target: `file::///x` lost its `:` segment, and its serialization parsed to a URL with a
    /// host. File URLs have a host only after two slashes, and never userinfo or a port.
    @Test(
        "file URLs: a host only after two slashes; the serialization parses back to the same URL",
        arguments: [
            ("file::///x", "", "/:///x"),
            ("file:x/y", "", "/x/y"),
            ("file:/x", "", "/x"),
            ("file:///etc/hosts", "", "/etc/hosts"),
            ("file://localhost/etc", "", "/etc"),
            ("file://Server/share/a/../b", "server", "/share/b"),
            ("file:////x", "", "//x"),
            ("file://///\u{FFFD}///y", "", "///%EF%BF%BD///y"),
        ])
    func fileURLs(_ text: String, _ host: String, _ path: String) throws {
        let url = try ParsedURL.parse(text)
        #expect(url.host == host)
        #expect(url.pathAndQuery == path)
        #expect(try ParsedURL.parse(url.description) == url, "\(url.description)")
    }

    @Test(
        "a file URL with a port or userinfo is not valid", arguments: ["file://a.example:80/x", "file://u@a.example/"])
    func fileURLWithPortOrUserinfo(_ text: String) {
        #expect(throws: URLParseError.self) { try ParsedURL.parse(text) }
    }
}
