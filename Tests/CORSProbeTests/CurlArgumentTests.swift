import CORSCore
import Testing

@testable import CORSProbe

@Suite("The curl command line for a wire request")
struct CurlArgumentTests {
    static let common = [
        "--disable", "--silent", "--show-error", "--verbose", "--http1.1", "--path-as-is", "--globoff", "--noproxy",
        "*",
        "--connect-timeout", "10", "--max-time", "10", "--dump-header", "-", "--output", "/dev/null",
    ]

    /// A wire request in the table: parsed in the test, where a bad URL can fail it.
    struct Wire: Sendable {
        var method: String
        var url: String
        var headers: [HeaderField]

        func request() throws -> WireRequest {
            WireRequest(method: method, url: try ParsedURL.parse(url), headers: headers)
        }
    }

    static func wire(_ method: String, _ url: String, _ headers: [(String, String)]) -> Wire {
        Wire(method: method, url: url, headers: headers.map { HeaderField($0.0, $0.1) })
    }

    @Test(
        "headers in the evaluator's order, curl's own defaults suppressed",
        arguments: [
            (
                wire(
                    "OPTIONS", "https://api.test/items?a=1",
                    [
                        ("Host", "api.test"), ("Accept", "*/*"), ("Access-Control-Request-Method", "PUT"),
                        ("Origin", "https://app.test"),
                    ]),
                nil as String?,
                [
                    "--request", "OPTIONS", "-H", "Host: api.test", "-H", "Accept: */*", "-H",
                    "Access-Control-Request-Method: PUT", "-H", "Origin: https://app.test", "-H", "User-Agent:", "-H",
                    "Expect:", "--url", "https://api.test/items?a=1",
                ]
            ),
            (
                // A body: Content-Length as a browser frames it, no Content-Type guessed, read from stdin.
                wire("POST", "https://api.test/", [("Host", "api.test"), ("Origin", "https://app.test")]),
                "a=1",
                [
                    "--request", "POST", "-H", "Host: api.test", "-H", "Origin: https://app.test", "-H",
                    "Content-Length: 3", "-H", "User-Agent:", "-H", "Accept:", "-H", "Expect:", "-H", "Content-Type:",
                    "--data-binary", "@-", "--url", "https://api.test/",
                ]
            ),
            (
                // The script's own Content-Type and a lowercase accept are kept, not suppressed; an empty value is
                // `Name;`; duplicates stay two lines.
                wire(
                    "PUT", "https://api.test:8443/x",
                    [
                        ("Host", "api.test:8443"), ("accept", "application/json"), ("content-type", "text/plain"),
                        ("X-Empty", ""), ("X-Multi", "1"), ("X-Multi", "2"),
                    ]),
                "{}",
                [
                    "--request", "PUT", "-H", "Host: api.test:8443", "-H", "accept: application/json", "-H",
                    "content-type: text/plain", "-H", "X-Empty;", "-H", "X-Multi: 1", "-H", "X-Multi: 2", "-H",
                    "Content-Length: 2", "-H", "User-Agent:", "-H", "Expect:", "--data-binary", "@-", "--url",
                    "https://api.test:8443/x",
                ]
            ),
            (
                // HEAD reads the head only; a GET's body is never sent.
                wire("HEAD", "https://api.test/", [("Host", "api.test")]),
                "ignored",
                [
                    "--head", "-H", "Host: api.test", "-H", "User-Agent:", "-H", "Accept:", "-H", "Expect:", "--url",
                    "https://api.test/",
                ]
            ),
            (
                // Brackets and braces are not curl globs (--globoff).
                wire("GET", "https://api.test/q?a[]={1}", [("Host", "api.test")]),
                "ignored",
                [
                    "--request", "GET", "-H", "Host: api.test", "-H", "User-Agent:", "-H", "Accept:", "-H", "Expect:",
                    "--url", "https://api.test/q?a[]={1}",
                ]
            ),
        ])
    func arguments(_ wire: Wire, _ body: String?, _ expected: [String]) throws {
        #expect(CurlTransport().arguments(for: try wire.request(), body: body) == Self.common + expected)
    }

    @Test("--connect-to, --cacert and the timeout")
    func options() throws {
        let transport = CurlTransport(
            timeout: .milliseconds(2500),
            connectTo: [
                "api.test:443": ProbeClient.ConnectTarget(host: "127.0.0.1", port: 8443),
                "v6.test:443": ProbeClient.ConnectTarget(host: "::1", port: 9443),
            ], caCertificates: "/tmp/ca.pem")
        let arguments = transport.arguments(for: try Self.wire("GET", "https://api.test/", []).request(), body: nil)
        #expect(arguments.contains(["--connect-timeout", "2.5", "--max-time", "2.5"]))
        #expect(arguments.contains(["--connect-to", "api.test:443:127.0.0.1:8443", "--cacert", "/tmp/ca.pem"]))
        let v6 = transport.arguments(for: try Self.wire("GET", "https://v6.test/", []).request(), body: nil)
        #expect(v6.contains(["--connect-to", "v6.test:443:[::1]:9443"]))
        let direct = transport.arguments(for: try Self.wire("GET", "https://other.test/", []).request(), body: nil)
        #expect(!direct.contains("--connect-to"))
    }

    @Test(
        "timeouts as curl reads them",
        arguments: [
            (Duration.seconds(10), "10"), (.milliseconds(300), "0.3"), (.milliseconds(1250), "1.25"),
            (.microseconds(10), "0.001"),
        ])
    func decimal(_ duration: Duration, _ text: String) {
        #expect(CurlTransport.decimal(duration) == text)
    }

    static let target = ProbeClient.ConnectTarget(host: "127.0.0.1", port: 8443)

    @Test(
        "curl's exit status as the probe's error",
        arguments: [
            (6, "curl: (6) Could not resolve host: api.test\n", ProbeError.hostNotFound("127.0.0.1")),
            (
                7,
                "*   Trying 127.0.0.1:8443...\n* connect to 127.0.0.1 port 8443 failed: Connection refused\n"
                    + "curl: (7) Failed to connect to 127.0.0.1 port 8443 after 0 ms: Couldn't connect to server\n",
                .connectionRefused(host: "127.0.0.1", port: 8443)
            ),
            (
                7, "curl: (7) Failed to connect to 127.0.0.1 port 8443 after 3 ms: Network is unreachable\n",
                .network(
                    url: "https://api.test/",
                    detail: "Failed to connect to 127.0.0.1 port 8443 after 3 ms: Network is unreachable")
            ),
            (
                28, "curl: (28) Operation timed out after 500 milliseconds\n",
                .timedOut(seconds: 0.5, url: "https://api.test/")
            ),
            (CurlRun.killedStatus, "", .timedOut(seconds: 0.5, url: "https://api.test/")),
            (
                60,
                "curl: (60) SSL certificate problem: self-signed certificate\nMore details here: https://curl.se/\n\n"
                    + "curl failed to verify the legitimacy of the server\n",
                .tlsFailed(host: "api.test", detail: "SSL certificate problem: self-signed certificate")
            ),
            (
                35, "curl: (35) error:0A00010B:SSL routines::wrong version number\n",
                .tlsFailed(host: "api.test", detail: "error:0A00010B:SSL routines::wrong version number")
            ),
            (
                52, "curl: (52) Empty reply from server\n",
                .badResponse(url: "https://api.test/", detail: "the server closed the connection without an answer")
            ),
            (
                56, "curl: (56) Recv failure: Connection reset by peer\n",
                .network(url: "https://api.test/", detail: "Recv failure: Connection reset by peer")
            ),
            (3, "", .network(url: "https://api.test/", detail: "curl exited with status 3")),
        ])
    func error(_ status: Int32, _ message: String, _ expected: ProbeError) {
        let error = CurlTransport.error(
            status: status, message: message, url: "https://api.test/", host: "api.test", target: Self.target,
            timeout: .milliseconds(500))
        #expect(error == expected)
    }
}
