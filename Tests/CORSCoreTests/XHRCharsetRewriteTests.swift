import Testing

@testable import CORSCore

/// XMLHttpRequest's charset rewrite of a string body's Content-Type, per browser. The Chromium column is what
/// Chromium 156 sent (`.ci/differential rewrites` under `verify`); the standard's column is the XHR standard's
/// parse-and-serialize step.
@Suite struct XHRCharsetRewriteTests {
    @Test(
        "Chromium replaces every charset value in place",
        arguments: [
            ("text/plain;charset=utf-8", "text/plain;charset=UTF-8"),
            ("text/plain; charset=latin1", "text/plain; charset=UTF-8"),
            ("text/plain;charset=\"latin1\"", "text/plain;charset=\"UTF-8\""),
            ("text/plain;charset='latin1'", "text/plain;charset='UTF-8'"),
            ("TEXT/Plain;Charset=Latin1", "TEXT/Plain;Charset=UTF-8"),
            ("text/plain;charset=latin1;charset=x", "text/plain;charset=UTF-8;charset=UTF-8"),
            ("text/plain;a=1 charset=latin1", "text/plain;a=1 charset=UTF-8"),
            ("text/plain;charset = latin1", "text/plain;charset = UTF-8"),
            ("text/plain;charset=latin1 ;x=y", "text/plain;charset=UTF-8 ;x=y"),
            ("text/plain;charset=lat\"in1", "text/plain;charset=UTF-8\"in1"),
            ("text/plain;charset=\"a b\"", "text/plain;charset=\"UTF-8 b\""),
            ("text/plain;\tcharset=latin1", "text/plain;\tcharset=UTF-8"),
            ("text/plain;CHARSET=latin1,text/html", "text/plain;CHARSET=UTF-8"),
            ("text/plain;charset=UTF-8", nil), ("text/plain;xcharset=latin1", nil), ("charset=latin1", nil),
            ("charset=x;charset=y", nil), ("text/plain;charset=", nil), ("text/plain;charset=;charset=x", nil),
            ("text/plain", nil),
        ] as [(String, String?)])
    func chromium(value: String, sent: String?) {
        #expect(XHRCharsetRewrite.rewritten(value, browser: .chromium) == sent)
    }

    @Test(
        "The standard parses, sets a charset that is not UTF-8 and serializes",
        arguments: [
            ("text/plain;charset=utf-8", nil), ("text/plain; charset=latin1", "text/plain;charset=UTF-8"),
            ("TEXT/Plain;Charset=\"Latin1\"", "text/plain;charset=UTF-8"),
            ("text/plain;charset=;charset=x", "text/plain;charset=UTF-8"), ("text/plain;charset = latin1", nil),
            ("text/plain;charset=latin1;x=\"a b\"", "text/plain;charset=UTF-8;x=\"a b\""),
            ("text/ plain;charset=x", nil),
        ] as [(String, String?)])
    func standard(value: String, sent: String?) {
        #expect(XHRCharsetRewrite.rewritten(value, browser: .spec) == sent)
    }

    @Test("Chromium keeps the quotes, so a quoted charset still needs a preflight; the standard drops them")
    func quotedCharsetPreflight() throws {
        let request = try makeRequest(
            api: .xhr, method: "POST", headers: [("Content-Type", "text/plain;charset=\"latin1\"")], body: "x")
        let server = rawServer(preflight: permissivePreflight)
        let chromium = run(request, server, browser: .chromium)
        #expect(chromium.preflightCount == 1)
        #expect(chromium.finalActual?.requestHeader("Content-Type") == "text/plain;charset=\"UTF-8\"")
        let standard = run(request, server, browser: .spec)
        #expect(standard.finalActual?.requestHeader("Content-Type") == "text/plain;charset=UTF-8")
    }

    /// Measured in Firefox 153: the preflight follows the value as written and the value as sent.
    @Test(
        "Firefox preflights when either the Content-Type as written or as rewritten is not safelisted",
        arguments: [
            ("text/plain;charset=\"latin1\"", 1, "text/plain;charset=UTF-8"),
            ("text/plain;charset=a,b", 1, "text/plain;charset=UTF-8"),
            ("text/plain;charset=latin1;x=a/b", 1, "text/plain;charset=UTF-8;x=\"a/b\""),
            ("text/plain; charset=latin1", 0, "text/plain;charset=UTF-8"),
            ("text/plain;charset=utf-8", 0, "text/plain;charset=utf-8"),
        ])
    func firefoxDecidesOnBothValues(value: String, preflights: Int, sent: String) throws {
        let request = try makeRequest(api: .xhr, method: "POST", headers: [("Content-Type", value)], body: "x")
        let exchange = run(request, rawServer(preflight: permissivePreflight), browser: .firefox)
        #expect(exchange.preflightCount == preflights)
        #expect(exchange.finalActual?.requestHeader("Content-Type") == sent)
    }
}
