import CORSCore
import Testing

/// cors-rules.md §3: forbidden names, the CORS safelist, the 128- and 1024-byte rules, MIME and Range (§14.2 #53–57).
@Suite("Request header rules")
struct RequestHeaderRulesTests {
    // MARK: Forbidden headers (§3.3)

    static let forbiddenNameList = [
        "Accept-Charset", "Accept-Encoding", "Access-Control-Request-Headers", "Access-Control-Request-Method",
        "Connection", "Content-Length", "Cookie", "Cookie2", "Date", "DNT", "Expect", "Host", "Keep-Alive", "Origin",
        "Referer", "Set-Cookie", "TE", "Trailer", "Transfer-Encoding", "Upgrade", "Via",
        "cookie", "HOST", "Sec-Fetch-Mode", "sec-foo", "Sec-", "Proxy-Authorization", "proxy-", "PROXY-X",
    ]

    @Test(
        "Forbidden names and the Sec-/Proxy- prefixes are forbidden in every profile", arguments: forbiddenNameList,
        BrowserProfile.allCases)
    func forbiddenNames(name: String, browser: BrowserProfile) {
        #expect(RequestHeaderRules.forbiddenReason(name: name, value: "x", browser: browser) != nil)
    }

    @Test(
        "Names that only look forbidden are allowed",
        arguments: ["X-Sec-Token", "Secret", "Proxy", "Proxyx", "X-Cookie", "Origin-Agent", "Accept", "Authorization"])
    func notForbiddenNames(name: String) {
        #expect(RequestHeaderRules.forbiddenReason(name: name, value: "x", browser: .spec) == nil)
    }

    @Test(
        "Method-override headers are forbidden only when they name a forbidden method",
        arguments: [
            ("X-HTTP-Method-Override", "TRACE", true),
            ("X-HTTP-Method-Override", "GET, trace", true),
            ("x-http-method", "connect", true),
            ("X-Method-Override", "PUT,TRACK", true),
            ("X-HTTP-Method-Override", "PATCH", false),
            ("X-HTTP-Method", "GET, POST", false),
            ("X-Method-Override", "TRACEX", false),
        ])
    func methodOverride(name: String, value: String, forbidden: Bool) {
        #expect((RequestHeaderRules.forbiddenReason(name: name, value: value, browser: .spec) != nil) == forbidden)
    }

    @Test("A forbidden header set by script is dropped silently: not sent, no preflight, no error")
    func forbiddenHeaderDroppedSilently() throws {
        let request = try makeRequest(headers: [
            ("Sec-Foo", "1"), ("Cookie", "a=b"), ("X-HTTP-Method-Override", "TRACE"),
        ])
        let exchange = run(request, rawServer())
        #expect(exchange.verdict.outcome == .allowed)
        #expect(exchange.preflightCount == 0)
        #expect(exchange.prepared?.dropped.map(\.header.name) == ["Sec-Foo", "Cookie", "X-HTTP-Method-Override"])
        let actual = try #require(exchange.finalActual)
        #expect(actual.requestHeader("Sec-Foo") == nil)
        #expect(actual.requestHeader("Cookie") == nil)
        #expect(actual.requestHeader("X-HTTP-Method-Override") == nil)
    }

    /// Verified with `verify` against Chromium 156 (XHR): one line per refused header, in the script's order and
    /// spelling, before the CORS error. WebKit logs the same text; Firefox and every `fetch()` stay silent.
    @Test(
        "XHR logs each refused header in Chromium and Safari; fetch and Firefox do not",
        arguments: [
            (RequestAPI.xhr, BrowserProfile.chromium, true), (.xhr, .safari, true), (.xhr, .firefox, false),
            (.xhr, .spec, false), (.fetch, .chromium, false), (.fetch, .safari, false),
        ])
    func refusedHeaderLines(api: RequestAPI, browser: BrowserProfile, logs: Bool) throws {
        let request = try makeRequest(
            api: api, headers: [("Sec-Foo", "1"), ("X-Custom", "2"), ("cookie", "a=b"), ("X-Method-Override", "trace")])
        let exchange = run(request, rawServer(preflight: permissivePreflight), browser: browser)
        let refused = ["Sec-Foo", "cookie", "X-Method-Override"].map { "Refused to set unsafe header \"\($0)\"" }
        #expect(exchange.verdict.warnings == (logs ? refused : []))
        #expect(exchange.verdict.outcome == .allowed)
    }

    @Test("X-HTTP-Method-Override: PATCH is sent and needs a preflight")
    func methodOverridePatchNeedsPreflight() throws {
        let exchange = run(
            try makeRequest(headers: [("X-HTTP-Method-Override", "PATCH")]), rawServer(preflight: permissivePreflight))
        #expect(exchange.preflight?.requestHeader("Access-Control-Request-Headers") == "x-http-method-override")
        #expect(exchange.finalActual?.requestHeader("X-HTTP-Method-Override") == "PATCH")
    }

    @Test(
        "User-Agent: Chromium drops it; the spec, Firefox and Safari send it and preflight",
        arguments: [(BrowserProfile.chromium, false), (.spec, true), (.firefox, true)])
    func userAgent(browser: BrowserProfile, sent: Bool) throws {
        let exchange = run(
            try makeRequest(headers: [("User-Agent", "bot/1")]), rawServer(preflight: permissivePreflight),
            browser: browser)
        #expect((exchange.finalActual?.requestHeader("User-Agent") == "bot/1") == sent)
        #expect(exchange.preflightCount == (sent ? 1 : 0))
        if sent { #expect(exchange.preflight?.requestHeader("Access-Control-Request-Headers") == "user-agent") }
    }

    // MARK: Safelisted values (§3.1)

    struct SafelistCase: Sendable, CustomTestStringConvertible {
        var name: String
        var value: String
        var safelisted: Bool
        var testDescription: String { "\(name): \(value.debugDescription) → \(safelisted ? "safe" : "unsafe")" }
        init(_ name: String, _ value: String, _ safelisted: Bool) {
            self.name = name
            self.value = value
            self.safelisted = safelisted
        }
    }

    static let safelistCases: [SafelistCase] = [
        // Accept
        SafelistCase("Accept", "*/*", true),
        SafelistCase("accept", "text/html, application/json;q=0.9", true),
        SafelistCase("Accept", "\"", false),
        SafelistCase("Accept", "a@b", false),
        SafelistCase("Accept", "text/html\u{7F}", false),
        SafelistCase("Accept", "a\u{1}", false),
        SafelistCase("Accept", "a\tb", true),
        SafelistCase("Accept", String(repeating: "a", count: 128), true),
        SafelistCase("Accept", String(repeating: "a", count: 129), false),
        // Accept-Language / Content-Language
        SafelistCase("Accept-Language", "fr", true),
        SafelistCase("Accept-Language", "en-US,en;q=0.9, *", true),
        SafelistCase("Accept-Language", "@", false),
        SafelistCase("Accept-Language", "en_US", false),
        SafelistCase("Accept-Language", "\u{1}", false),
        SafelistCase("Content-Language", "fr", true),
        SafelistCase("Content-Language", "\"fr\"", false),
        SafelistCase("Content-Language", "en/US", false),
        SafelistCase("Content-Language", String(repeating: "a", count: 129), false),
        // Content-Type (WPT cors-safelisted-request-header, cors-no-preflight)
        SafelistCase("Content-Type", "text/plain", true),
        SafelistCase("Content-Type", "text/plain;", true),
        SafelistCase("Content-Type", "text/plain;garbage", true),
        SafelistCase("Content-Type", "multipart/form-data", true),
        SafelistCase("Content-Type", "application/x-www-form-urlencoded", true),
        SafelistCase("Content-Type", "Text/Plain;charset=utf-8", true),
        SafelistCase("Content-Type", "multipart/form-data; boundary=something", true),
        SafelistCase("Content-Type", "text /plain", false),
        SafelistCase("Content-Type", "text\t/\tplain", false),
        SafelistCase("Content-Type", "text/plain,", false),
        SafelistCase("Content-Type", ",text/plain", false),
        SafelistCase("Content-Type", "text/plain,text/plain", false),
        SafelistCase("Content-Type", "text/plain,x/x", false),
        SafelistCase("Content-Type", "text/ plain", false),
        SafelistCase("Content-Type", "text/plain\u{0B}", false),
        SafelistCase("Content-Type", "text/plain\u{0C}", false),
        SafelistCase("Content-Type", "application/www-form-urlencoded", false),
        SafelistCase("Content-Type", "application/x-www-form-urlencoded;\u{7F}", false),
        SafelistCase("Content-Type", "multipart/form-data;\"", false),
        SafelistCase("Content-Type", "text/plain;garbage\u{1}\u{2}", false),
        SafelistCase("Content-Type", "text/html", false),
        SafelistCase("Content-Type", "application/json", false),
        SafelistCase("Content-Type", "text/plain;" + String(repeating: "a", count: 118), false),
        // Range (WPT cors-safelisted-request-header)
        SafelistCase("Range", "bytes=100-200", true),
        SafelistCase("Range", "bytes=200-", true),
        SafelistCase("Range", "bytes=0-0", true),
        SafelistCase("Range", "bytes =100-200", false),
        SafelistCase("Range", "bytes\t=100-200", false),
        SafelistCase("Range", "bytes=  100-200", false),
        SafelistCase("Range", "bytes=100 -200", false),
        SafelistCase("Range", "bytes=100-200hello", false),
        SafelistCase("Range", "bytes=abc-def", false),
        SafelistCase("Range", "bytes=100-200,300-400", false),
        SafelistCase("Range", "bytes=-200", false),
        SafelistCase("Range", "bytes=200-100", false),
        SafelistCase("Range", "bytes 100-200", false),
        SafelistCase("Range", ",bytes=100-200", false),
        SafelistCase("Range", "bytes=,100-200", false),
        SafelistCase("Range", "MB=100-200", false),
        SafelistCase("Range", "100-200", false),
        SafelistCase("Range", "Bytes=100-200", false),
        SafelistCase("Range", "bytes 0-", false),
        SafelistCase(
            "Range", "bytes=1" + String(repeating: "0", count: 60) + "-2" + String(repeating: "0", count: 60), false),
        // Never safelisted by the spec
        SafelistCase("Authorization", "Bearer x", false),
        SafelistCase("Last-Event-ID", "1", false),
        SafelistCase("test", "hi", false),
        SafelistCase("DPR", "2", false),
        SafelistCase("Save-Data", "on", false),
        SafelistCase("X-Requested-With", "XMLHttpRequest", false),
    ]

    @Test("The spec's CORS-safelisted request-header table", arguments: safelistCases)
    func safelist(testCase: SafelistCase) {
        let reason = RequestHeaderRules.unsafeReason(name: testCase.name, value: testCase.value, browser: .spec)
        #expect((reason == nil) == testCase.safelisted, "reason: \(reason ?? "none")")
    }

    /// Measured in Firefox 153 and Chromium 156 (`.ci/differential safelist`, then single cases under `verify`).
    @Test(
        "Where Firefox's safelist differs: bytes above 0x7F in Accept and Content-Type, commas in Content-Type",
        arguments: [
            ("Accept", "caf\u{E9}", false, true), ("Content-Type", "text/plain;x=\u{E9}", false, true),
            ("Content-Type", "text/plain;\u{E9}=x", false, true), ("Content-Type", "text/plain;a=b,c", false, true),
            ("Content-Type", "application/x-www-form-urlencoded;a=b,c", false, true),
            ("Accept", "text/html, */*", true, true), ("Accept-Language", "en,de", true, true),
            ("Content-Type", "text/plain;x=a/b", true, true),
        ])
    func firefoxSafelist(name: String, value: String, inFirefox: Bool, inChromium: Bool) {
        #expect((RequestHeaderRules.unsafeReason(name: name, value: value, browser: .firefox) == nil) == inFirefox)
        #expect((RequestHeaderRules.unsafeReason(name: name, value: value, browser: .chromium) == nil) == inChromium)
    }

    /// A header value is a byte string: `é` is one byte on the wire, two in UTF-8.
    @Test("The 128-byte limit counts bytes on the wire, not UTF-8 bytes")
    func lengthCountsWireBytes() {
        let hundred = String(repeating: "\u{E9}", count: 100)
        #expect(RequestHeaderRules.unsafeReason(name: "Accept", value: hundred, browser: .chromium) == nil)
        let over = String(repeating: "\u{E9}", count: 129)
        #expect(RequestHeaderRules.unsafeReason(name: "Accept", value: over, browser: .chromium) != nil)
    }

    @Test(
        "Safelisted values need no preflight end to end; unsafe ones preflight with their lowercased name",
        arguments: safelistCases)
    func safelistDecidesPreflight(testCase: SafelistCase) throws {
        let request = try makeRequest(method: "POST", headers: [(testCase.name, testCase.value)], body: "b")
        let exchange = run(request, rawServer(preflight: permissivePreflight))
        #expect(exchange.preflightCount == (testCase.safelisted ? 0 : 1))
        if !testCase.safelisted {
            #expect(exchange.preflight?.requestHeader("Access-Control-Request-Headers") == testCase.name.lowercased())
        }
    }

    @Test(
        "Chromium safelists a few client hints the spec does not",
        arguments: [
            ("DPR", "2", true), ("DPR", "1.5", true), ("DPR", "x", false), ("Save-Data", "on", true),
            ("Device-Memory", "8", true), ("ECT", "4g", true), ("ECT", "5g", false), ("RTT", "50", true),
            // Measured with `verify` against Chromium 156: integers only for the widths; digits on both sides of
            // the dot for the decimals.
            ("Width", "100", true), ("Width", "1.5", false), ("Viewport-Width", "1.5", false),
            ("Downlink", "1.5", true), ("DPR", "1.", false), ("Device-Memory", ".5", false),
        ])
    func chromiumClientHints(name: String, value: String, safelisted: Bool) {
        #expect((RequestHeaderRules.unsafeReason(name: name, value: value, browser: .chromium) == nil) == safelisted)
        #expect(RequestHeaderRules.unsafeReason(name: name, value: value, browser: .firefox) != nil)
    }

    static let unsafeByteCases: [(UInt8, Bool)] = [
        (0x00, true), (0x08, true), (0x09, false), (0x0A, true), (0x1F, true), (0x20, false),
        (0x22, true), (0x28, true), (0x29, true), (0x3A, true), (0x3C, true), (0x3E, true), (0x3F, true),
        (0x40, true), (0x5B, true), (0x5C, true), (0x5D, true), (0x7B, true), (0x7D, true), (0x7F, true),
        (0x2C, false), (0x2F, false), (0x3B, false), (0x3D, false), (0x41, false), (0x2A, false),
    ]

    @Test("CORS-unsafe request-header bytes", arguments: unsafeByteCases)
    func unsafeBytes(byte: UInt8, unsafe: Bool) {
        #expect(RequestHeaderRules.isUnsafeByte(byte) == unsafe)
    }

    // MARK: The 1024-byte rule (§3.2)

    @Test(
        "Past 1024 bytes of safelisted values every safelisted header becomes unsafe",
        arguments: [(5, nil as String?), (6, "accept,accept-language")])
    func totalSizeRule(lastLength: Int, expected: String?) throws {
        // 3 (Accept) + 8 × 127 (Accept-Language) = 1019; the last value brings it to 1024 or 1025.
        var headers: [(String, String)] = [("Accept", "*/*")]
        headers += Array(repeating: ("Accept-Language", String(repeating: "a", count: 127)), count: 8)
        headers.append(("Accept-Language", String(repeating: "b", count: lastLength)))
        let exchange = run(try makeRequest(headers: headers), rawServer(preflight: permissivePreflight), browser: .spec)
        #expect(exchange.preflight?.requestHeader("Access-Control-Request-Headers") == expected)
        #expect(exchange.preflightCount == (expected == nil ? 0 : 1))
    }

    @Test(
        "The browser's own Accept: */* (3 bytes) counts toward 1024 when the script sets no Accept",
        arguments: [(5, 0), (6, 1)])
    func userAgentAcceptCounts(lastLength: Int, preflights: Int) throws {
        // 8 × 127 + 5 = 1021 author bytes + 3 = 1024 (not over); + 6 = 1025 (over).
        var headers = Array(repeating: ("Accept-Language", String(repeating: "a", count: 127)), count: 8)
        headers.append(("Accept-Language", String(repeating: "b", count: lastLength)))
        let exchange = run(try makeRequest(headers: headers), rawServer(preflight: permissivePreflight), browser: .spec)
        #expect(exchange.preflightCount == preflights)
    }

    @Test("The 1024-byte rule adds safelisted names to genuinely unsafe ones")
    func totalSizeRuleMixesWithUnsafe() throws {
        var headers: [(String, String)] = [("X-Custom", "1"), ("Accept", "*/*")]
        headers += Array(repeating: ("Content-Language", String(repeating: "a", count: 128)), count: 8)
        let exchange = run(try makeRequest(headers: headers), rawServer(preflight: permissivePreflight), browser: .spec)
        #expect(
            exchange.preflight?.requestHeader("Access-Control-Request-Headers") == "accept,content-language,x-custom")
    }

    // MARK: Duplicates (§3.2)

    @Test("fetch keeps duplicate entries apart in the spec: each 100-byte Content-Language is safelisted alone")
    func fetchDuplicatesCheckedAlone() throws {
        let value = String(repeating: "a", count: 100)
        let request = try makeRequest(headers: [("Content-Language", value), ("Content-Language", value)])
        let exchange = run(request, rawServer(preflight: permissivePreflight), browser: .spec)
        #expect(exchange.preflightCount == 0)
    }

    @Test(
        "XHR combines duplicate header values, and the combined value is what gets checked",
        arguments: BrowserProfile.allCases)
    func xhrCombinesDuplicates(browser: BrowserProfile) throws {
        let value = String(repeating: "a", count: 100)
        let request = try makeRequest(api: .xhr, headers: [("Content-Language", value), ("content-language", value)])
        let exchange = run(request, rawServer(preflight: permissivePreflight), browser: browser)
        #expect(exchange.prepared?.headers.count == 1)
        #expect(exchange.prepared?.headers.first?.value == value + ", " + value)
        #expect(exchange.preflight?.requestHeader("Access-Control-Request-Headers") == "content-language")
    }

    @Test(
        "Two Content-Type values (application/json then text/plain) need a preflight",
        arguments: BrowserProfile.allCases)
    func duplicateContentTypeNeedsPreflight(browser: BrowserProfile) throws {
        let request = try makeRequest(
            method: "POST", headers: [("Content-Type", "application/json"), ("Content-Type", "text/plain")], body: "{}")
        let exchange = run(request, rawServer(preflight: permissivePreflight), browser: browser)
        #expect(exchange.preflight?.requestHeader("Access-Control-Request-Headers") == "content-type")
    }

    // MARK: Invalid names and values

    @Test(
        "Invalid header names and values throw before sending",
        arguments: [
            ("X Foo", "1"), ("", "1"), ("X-Foo:", "1"),
        ])
    func invalidHeaderName(name: String, value: String) throws {
        let exchange = run(try makeRequest(headers: [(name, value)]), rawServer())
        #expect(exchange.verdict.failure == .invalidHeaderName(name))
        #expect(exchange.verdict.outcome == .error)
        #expect(exchange.steps.isEmpty)
    }

    @Test("A value holding NUL, CR or LF after trimming throws", arguments: ["a\u{0}b", "a\rb", "a\nb"])
    func invalidHeaderValue(value: String) throws {
        let exchange = run(try makeRequest(headers: [("X-Foo", value)]), rawServer())
        #expect(exchange.verdict.failure == .invalidHeaderValue(name: "X-Foo"))
        #expect(exchange.steps.isEmpty)
    }

    @Test("Leading and trailing HTTP whitespace is trimmed from values before checks")
    func valueIsTrimmed() throws {
        let exchange = run(try makeRequest(headers: [("Accept-Language", "  fr \t\n")]), rawServer())
        #expect(exchange.preflightCount == 0)
        #expect(exchange.finalActual?.requestHeader("Accept-Language") == "fr")
    }

    // MARK: MIME parsing

    @Test(
        "parse a MIME type: essence lowercased, parameters kept",
        arguments: [
            ("Text/Plain;charset=utf-8", "text/plain", "charset", "utf-8"),
            (" text/html ; charset=\"shift_jis\"iso-2022-jp", "text/html", "charset", "shift_jis"),
            ("multipart/form-data; boundary=x; BOUNDARY=y", "multipart/form-data", "boundary", "x"),
            ("text/plain;;charset=a", "text/plain", "charset", "a"),
        ])
    func mimeParse(input: String, essence: String, parameter: String, value: String) throws {
        let mime = try #require(MIMEType.parse(input))
        #expect(mime.essence == essence)
        #expect(mime.parameters.count == 1)
        #expect(mime.parameters.first?.name == parameter)
        #expect(mime.parameters.first?.value == value)
    }

    @Test(
        "parse a MIME type fails on these",
        arguments: [
            "", "text", "text/", "/plain", "text /plain", "te(xt/plain", "text/pl ain", "text/ plain",
            "text/\tplain;a=b",
        ])
    func mimeParseFailure(input: String) {
        #expect(MIMEType.parse(input) == nil)
    }

    @Test(
        "RangeHeaderRules.isSimpleRange matches the WPT Range rows",
        arguments: [
            ("bytes=100-200", true), ("bytes=200-", true), ("bytes=-200", false), ("bytes=200-100", false),
            ("bytes=100-200,300-400", false), ("bytes =100-200", false), ("Bytes=1-2", false),
        ])
    func simpleRange(value: String, simple: Bool) {
        #expect(RangeHeaderRules.isSimpleRange(value) == simple)
    }

    /// Measured in Chromium 156 and Firefox 153 (`.ci/differential rewrites`); the spec has no limit.
    @Test(
        "How large a range's numbers may be and stay safelisted, per browser",
        arguments: [
            (BrowserProfile.spec, "bytes=99999999999999999999-", 0), (.chromium, "bytes=99999999999999999999-", 1),
            (.firefox, "bytes=99999999999999999999-", 1), (.firefox, "bytes=0-99999999999999999999", 1),
            (.firefox, "bytes=18446744073709551615-", 0), (.chromium, "bytes=18446744073709551615-", 1),
            (.chromium, "bytes=9223372036854775807-", 1), (.chromium, "bytes=0-9223372036854775807", 1),
            (.chromium, "bytes=9223372036854775806-", 0), (.chromium, "bytes=0-9223372036854775806", 0),
            (.chromium, "bytes=9223372036854775806-9223372036854775806", 0),
            (.spec, "bytes=9223372036854775807-99999999999999999999", 0),
        ])
    func rangeOverflow(browser: BrowserProfile, value: String, preflights: Int) throws {
        let request = try makeRequest(headers: [("Range", value)])
        let exchange = run(request, rawServer(preflight: permissivePreflight), browser: browser)
        #expect(exchange.preflightCount == preflights)
    }

    /// Measured in Chromium 156 (`.ci/differential rewrites`): the value the server received for each script value.
    @Test(
        "Chromium's HTTP cache writes a GET's single valid range again",
        arguments: [
            ("bytes=00-01", "bytes=0-1"), ("bytes=007-", "bytes=7-"), ("bytes= 0-1", "bytes=0-1"),
            ("bytes=0 -1", "bytes=0-1"), ("Bytes=0-1", "bytes=0-1"), ("BYTES=01-2", "bytes=1-2"),
            ("bytes=+1-2", "bytes=1-2"), (" bytes =0-1", "bytes=0-1"), ("bytes=0-1,", "bytes=0-1"),
            ("bytes=0-1", nil), ("bytes=-5", nil), ("bytes=1-0", nil), ("bytes=0-1,2-3", nil), ("bytes=-0", nil),
            ("bytes=99999999999999999999-", nil), ("items=0-1", nil), ("bytes=1--2", nil), ("bytes=-", nil),
        ] as [(String, String?)])
    func chromiumRangeRewrite(value: String, sent: String?) {
        #expect(RangeHeaderRules.chromiumCacheRewrite(value) == sent)
    }

    @Test(
        "Only Chromium, and only on a GET, sends the range written again",
        arguments: [
            (BrowserProfile.chromium, "GET", "bytes=7-"), (.chromium, "get", "bytes=7-"),
            (.chromium, "HEAD", "bytes=007-"), (.chromium, "POST", "bytes=007-"), (.firefox, "GET", "bytes=007-"),
            (.spec, "GET", "bytes=007-"),
        ])
    func rangeRewriteOnTheWire(browser: BrowserProfile, method: String, sent: String) throws {
        let request = try makeRequest(method: method, headers: [("Range", "bytes=007-")])
        let exchange = run(request, rawServer(preflight: permissivePreflight), browser: browser)
        #expect(exchange.finalActual?.requestHeader("Range") == sent)
        #expect(exchange.preflightCount == 0)
    }
}
