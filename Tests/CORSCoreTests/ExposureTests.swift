import CORSCore
import Testing

/// cors-rules.md §8 (response exposure) and §14.2 #58–63.
@Suite("Response header exposure")
struct ExposureTests {
    func readable(
        _ headers: [(String, String)], credentials: CredentialsMode = .omit, browser: BrowserProfile = .spec
    ) throws -> [String] {
        let request = try makeRequest(credentials: credentials)
        let exchange = run(request, rawServer(actual: response(200, headers)), browser: browser)
        #expect(exchange.verdict.outcome == .allowed)
        #expect(exchange.verdict.responseType == "cors")
        return try #require(exchange.verdict.readableHeaders)
    }

    @Test("#58: ACEH * without credentials exposes every header but Set-Cookie", arguments: BrowserProfile.allCases)
    func starWithoutCredentials(browser: BrowserProfile) throws {
        let names = try readable(
            [
                ("Access-Control-Allow-Origin", "*"), ("Access-Control-Expose-Headers", "*"), ("Test", "1"),
                ("Set-Cookie", "a=b"), ("*", "star"), ("Content-Type", "text/plain"),
            ], browser: browser)
        #expect(names == ["*", "access-control-allow-origin", "access-control-expose-headers", "content-type", "test"])
    }

    @Test("#59: with credentials, * in ACEH only exposes a header literally named *")
    func starWithCredentials() throws {
        let names = try readable(
            [
                ("Access-Control-Allow-Origin", appOrigin), ("Access-Control-Allow-Credentials", "true"),
                ("Access-Control-Expose-Headers", "*"), ("Test", "1"), ("Set-Cookie", "a=b"), ("*", "star"),
                ("Content-Type", "text/plain"),
            ], credentials: .include)
        #expect(names == ["*", "content-type"])
    }

    @Test("#60: * may be one of several ACEH values, and Set-Cookie stays hidden even when listed")
    func starAmongOthers() throws {
        let names = try readable(
            [
                ("Access-Control-Allow-Origin", "*"), ("Access-Control-Expose-Headers", "set-cookie,*"), ("Test", "1"),
                ("Set-Cookie", "a=b"), ("*", "star"),
            ])
        #expect(names.contains("test"))
        #expect(names.contains("*"))
        #expect(!names.contains("set-cookie"))
    }

    @Test("#61: the seven safelisted response headers are readable; Age, Server, Warning and Set-Cookie(2) are not")
    func safelistedResponseHeaders() throws {
        let names = try readable([
            ("Access-Control-Allow-Origin", "*"), ("Cache-Control", "no-cache"), ("Content-Language", "fr"),
            ("Content-Length", "3"), ("Content-Type", "text/plain"), ("Expires", "0"), ("Last-Modified", "x"),
            ("Pragma", "no-cache"), ("Age", "1"), ("Server", "srv"), ("Warning", "199 x"), ("Set-Cookie", "a=b"),
            ("Set-Cookie2", "c=d"),
        ])
        #expect(
            names == [
                "cache-control", "content-language", "content-length", "content-type", "expires", "last-modified",
                "pragma",
            ])
    }

    @Test(
        "#62: Set-Cookie listed in ACEH is never readable, with or without credentials",
        arguments: [CredentialsMode.include, .omit])
    func setCookieNeverExposed(credentials: CredentialsMode) throws {
        let names = try readable(
            [
                ("Access-Control-Allow-Origin", appOrigin), ("Access-Control-Allow-Credentials", "true"),
                ("Access-Control-Expose-Headers", "Set-Cookie, Set-Cookie2"), ("Set-Cookie", "a=b"),
                ("Set-Cookie2", "c=d"),
            ], credentials: credentials)
        #expect(names == [])
    }

    @Test("#63: several ACEH lines are concatenated and matched case-insensitively")
    func multipleExposeLines() throws {
        let names = try readable([
            ("Access-Control-Allow-Origin", "*"),
            ("Access-Control-Expose-Headers", "X-Custom-Header, X-Custom-Header-Empty, X-Custom-Header-Comma"),
            ("Access-Control-Expose-Headers", "X-Second-Expose"), ("Access-Control-Expose-Headers", "Date"),
            ("x-custom-header", "test"), ("X-Custom-Header-Empty", ""), ("X-Custom-Header-Comma", "1"),
            ("X-Custom-Header-Comma", "2"), ("X-Second-Expose", "flyingpig"), ("Date", "today"),
            ("X-Nonexposed", "unicorn"),
        ])
        #expect(
            names == ["date", "x-custom-header", "x-custom-header-comma", "x-custom-header-empty", "x-second-expose"])
    }

    @Test(
        "ACEH parsing: empty elements are fine, a non-token element exposes nothing extra",
        arguments: [
            (", bb-8", true), ("bb-8,", true), ("BB-8", true), ("no no, bb-8", false), ("bb-8, no no", false),
            ("", false),
        ])
    func exposeParsing(value: String, exposed: Bool) throws {
        let names = try readable([
            ("Access-Control-Allow-Origin", "*"), ("Access-Control-Expose-Headers", value), ("bb-8", "hey"),
            ("Content-Type", "text/plain"),
        ])
        #expect(names.contains("bb-8") == exposed)
        #expect(names.contains("content-type"))
    }

    @Test("An empty ACEH line before a bb-8 line still exposes bb-8")
    func emptyLineThenName() throws {
        let names = try readable([
            ("Access-Control-Allow-Origin", "*"), ("Access-Control-Expose-Headers", ""),
            ("Access-Control-Expose-Headers", "bb-8"), ("bb-8", "hey"),
        ])
        #expect(names == ["bb-8"])
    }

    @Test("A same-origin (basic) response exposes every header but Set-Cookie")
    func basicResponseExposure() throws {
        let request = try makeRequest(url: "https://app.example/data")
        let server = rawServer(
            actual: response(200, [("Server", "s"), ("Set-Cookie", "a=b"), ("X-Thing", "1"), ("Set-Cookie2", "x")]))
        let exchange = run(request, server)
        #expect(exchange.verdict.responseType == "basic")
        #expect(exchange.verdict.readableHeaders == ["server", "x-thing"])
    }

    @Test("A blocked response exposes nothing")
    func blockedExposesNothing() throws {
        let exchange = run(try makeRequest(), rawServer(actual: response(200, [("Content-Type", "text/plain")])))
        #expect(exchange.verdict.outcome == .blocked)
        #expect(exchange.verdict.readableHeaders == nil)
        #expect(exchange.verdict.status == 0)
    }
}
