import CORSCore
import Testing

/// cors-rules.md §12: exact console text per browser, fetch vs XHR.
@Suite("Console messages")
struct ConsoleMessageTests {
    static let chromiumFetch =
        "Access to fetch at 'https://api.example/x' from origin 'https://app.example' has been blocked by CORS policy: "
    static let chromiumXHR =
        "Access to XMLHttpRequest at 'https://api.example/x' from origin 'https://app.example' has been blocked by CORS policy: "
    static let preflightPrefix = "Response to preflight request doesn't pass access control check: "
    static let noCORSInfo = " Have the server send the header with a valid value."
    static let withCredentialsInfo =
        " The credentials mode of requests initiated by the XMLHttpRequest is controlled by the withCredentials attribute."
    static let firefoxPrefix =
        "Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at https://api.example/x. (Reason: "

    // Servers for the failures below.
    static let noACAO = rawServer(actual: response(200, [("Content-Type", "text/plain")]))
    static let otherACAO = rawServer(actual: response(200, [("Access-Control-Allow-Origin", "https://other.example")]))
    static let starACAO = rawServer(
        actual: response(200, [("Access-Control-Allow-Origin", "*"), ("Access-Control-Allow-Credentials", "true")]))
    static let upperACAC = rawServer(
        actual: response(
            200, [("Access-Control-Allow-Origin", appOrigin), ("Access-Control-Allow-Credentials", "TRUE")]))
    static let listACAO = rawServer(actual: response(200, [("Access-Control-Allow-Origin", appOrigin + ", *")]))
    static let twoACAOLines = rawServer(
        actual: response(200, [("Access-Control-Allow-Origin", appOrigin), ("Access-Control-Allow-Origin", appOrigin)]))
    static let preflight404 = rawServer(preflight: nil)
    static let preflightStatus500 = rawServer(preflight: response(500, [("Access-Control-Allow-Origin", "*")]))
    static let preflightNoPut = rawServer(
        preflight: response(204, [("Access-Control-Allow-Origin", "*"), ("Access-Control-Allow-Methods", "GET, POST")]))
    static let preflightNoHeader = rawServer(
        preflight: response(204, [("Access-Control-Allow-Origin", "*"), ("Access-Control-Allow-Methods", "PUT")]))
    static let preflightBadMethods = rawServer(
        preflight: response(204, [("Access-Control-Allow-Origin", "*"), ("Access-Control-Allow-Methods", "Bad value")]))

    struct MessageCase: Sendable, CustomTestStringConvertible {
        var label: String
        var api: RequestAPI = .fetch
        var method: String = "GET"
        var headers: [HeaderField] = []
        var credentials: CredentialsMode = .sameOrigin
        var server: ServerDefinition
        var line: String
        var testDescription: String { label }
    }

    static let chromiumCases: [MessageCase] = [
        MessageCase(
            label: "fetch missing ACAO", server: noACAO,
            line: chromiumFetch + "No 'Access-Control-Allow-Origin' header is present on the requested resource."),
        MessageCase(
            label: "fetch missing ACAO on preflight", method: "PUT", server: preflight404,
            line: chromiumFetch + preflightPrefix
                + "No 'Access-Control-Allow-Origin' header is present on the requested resource."),
        MessageCase(
            label: "fetch mismatch adds the no-cors hint", server: otherACAO,
            line: chromiumFetch
                + "The 'Access-Control-Allow-Origin' header has a value 'https://other.example' that is not equal to the supplied origin."
                + noCORSInfo),
        MessageCase(
            label: "XHR mismatch has no hint", api: .xhr, server: otherACAO,
            line: chromiumXHR
                + "The 'Access-Control-Allow-Origin' header has a value 'https://other.example' that is not equal to the supplied origin."
        ),
        MessageCase(
            label: "fetch multiple values", server: listACAO,
            line: chromiumFetch
                + "The 'Access-Control-Allow-Origin' header contains multiple values 'https://app.example, *', but only one is allowed."
                + noCORSInfo),
        MessageCase(
            label: "fetch wildcard with credentials", credentials: .include, server: starACAO,
            line: chromiumFetch
                + "The value of the 'Access-Control-Allow-Origin' header in the response must not be the wildcard '*' when the request's credentials mode is 'include'."
        ),
        MessageCase(
            label: "XHR wildcard with credentials names withCredentials", api: .xhr, credentials: .include,
            server: starACAO,
            line: chromiumXHR
                + "The value of the 'Access-Control-Allow-Origin' header in the response must not be the wildcard '*' when the request's credentials mode is 'include'."
                + withCredentialsInfo),
        MessageCase(
            label: "XHR ACAC TRUE", api: .xhr, credentials: .include, server: upperACAC,
            line: chromiumXHR
                + "The value of the 'Access-Control-Allow-Credentials' header in the response is 'TRUE' which must be 'true' when the request's credentials mode is 'include'."
                + withCredentialsInfo),
        MessageCase(
            label: "preflight status", method: "PUT", server: preflightStatus500,
            line: chromiumFetch + preflightPrefix + "It does not have HTTP ok status."),
        MessageCase(
            label: "method not allowed", method: "PUT", server: preflightNoPut,
            line: chromiumFetch + "Method PUT is not allowed by Access-Control-Allow-Methods in preflight response."),
        MessageCase(
            label: "XHR header not allowed (lowercased)", api: .xhr, method: "PUT",
            headers: [HeaderField("X-Foo", "1")],
            server: preflightNoHeader,
            line: chromiumXHR
                + "Request header field x-foo is not allowed by Access-Control-Allow-Headers in preflight response."),
        MessageCase(
            label: "unparsable ACAM", method: "PUT", server: preflightBadMethods,
            line: chromiumFetch
                + "Cannot parse Access-Control-Allow-Methods response header field in preflight response."),
    ]

    func exchange(_ testCase: MessageCase, browser: BrowserProfile) throws -> Exchange {
        let request = BrowserRequest(
            page: try Origin.parse(appOrigin), url: try ParsedURL.parse(apiURL), api: testCase.api,
            method: testCase.method, headers: testCase.headers, credentials: testCase.credentials)
        return run(request, testCase.server, browser: browser)
    }

    @Test("Chromium console lines, word for word", arguments: chromiumCases)
    func chromium(testCase: MessageCase) throws {
        let result = try exchange(testCase, browser: .chromium)
        #expect(result.verdict.outcome == .blocked)
        #expect(result.verdict.console == [testCase.line])
    }

    static let firefoxCases: [MessageCase] = [
        MessageCase(
            label: "missing ACAO with status", server: noACAO,
            line: firefoxPrefix + "CORS header ‘Access-Control-Allow-Origin’ missing). Status code: 200."),
        MessageCase(
            label: "mismatch quotes the value", server: otherACAO,
            line: firefoxPrefix + "CORS header ‘Access-Control-Allow-Origin’ does not match ‘https://other.example’)."),
        MessageCase(
            label: "one line with a list is a mismatch", server: listACAO,
            line: firefoxPrefix + "CORS header ‘Access-Control-Allow-Origin’ does not match ‘https://app.example, *’)."),
        MessageCase(
            label: "two ACAO lines", server: twoACAOLines,
            line: firefoxPrefix + "Multiple CORS header ‘Access-Control-Allow-Origin’ not allowed)."),
        MessageCase(
            label: "wildcard with credentials (URL quoted)", credentials: .include, server: starACAO,
            line:
                "Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at ‘https://api.example/x’. (Reason: Credential is not supported if the CORS header ‘Access-Control-Allow-Origin’ is ‘*’)."
        ),
        MessageCase(
            label: "ACAC not true", credentials: .include, server: upperACAC,
            line: firefoxPrefix + "expected ‘true’ in CORS header ‘Access-Control-Allow-Credentials’)."),
        MessageCase(
            label: "preflight status", method: "PUT", server: preflightStatus500,
            line: firefoxPrefix + "CORS preflight response did not succeed). Status code: 500."),
        MessageCase(
            label: "method not found", method: "PUT", server: preflightNoPut,
            line: firefoxPrefix + "Did not find method in CORS header ‘Access-Control-Allow-Methods’)."),
        MessageCase(
            label: "invalid ACAM token", method: "PUT", server: preflightBadMethods,
            line: firefoxPrefix + "invalid token ‘Bad value’ in CORS header ‘Access-Control-Allow-Methods’)."),
        MessageCase(
            label: "header not allowed", method: "PUT", headers: [HeaderField("X-Foo", "1")], server: preflightNoHeader,
            line: firefoxPrefix
                + "header ‘x-foo’ is not allowed according to header ‘Access-Control-Allow-Headers’ from CORS preflight response)."
        ),
    ]

    @Test("Firefox console: the first line is the reason, word for word", arguments: firefoxCases)
    func firefox(testCase: MessageCase) throws {
        let result = try exchange(testCase, browser: .firefox)
        #expect(result.verdict.outcome == .blocked)
        #expect(result.verdict.console.first == testCase.line)
    }

    @Test(
        "Firefox console: a redirected preflight logs the refused redirect, then the 3xx status",
        arguments: [301, 302, 307, 308])
    func firefoxPreflightRedirect(code: Int) throws {
        let server = rawServer(
            preflight: response(code, [("Access-Control-Allow-Origin", "*"), ("Location", "https://api.example/y")]))
        let result = run(try makeRequest(method: "PUT"), server, browser: .firefox)
        #expect(
            result.verdict.console == [
                Self.firefoxPrefix + "CORS request external redirect not allowed).",
                Self.firefoxPrefix + "CORS preflight response did not succeed). Status code: \(code).",
                Self.firefoxPrefix + "CORS request did not succeed). Status code: (null).",
            ])
    }

    struct RedirectCase: Sendable, CustomTestStringConvertible {
        var location: String
        var allowsOrigin: Bool
        var lines: [String]
        var testDescription: String { "\(location)\(allowsOrigin ? " with" : " without") ACAO on the 302" }
    }

    static let firefoxDidNotSucceed = firefoxPrefix + "CORS request did not succeed). Status code: (null)."

    /// Measured in Firefox 153 (WebDriver BiDi's log, docs/verify.md).
    static let firefoxRedirectCases: [RedirectCase] = [
        RedirectCase(
            location: "https://api.example/y", allowsOrigin: false,
            lines: [
                firefoxPrefix + "CORS header ‘Access-Control-Allow-Origin’ missing). Status code: 302.",
                firefoxDidNotSucceed,
            ]),
        RedirectCase(location: "data:,hi", allowsOrigin: true, lines: [firefoxDidNotSucceed]),
        RedirectCase(location: "data:,hi", allowsOrigin: false, lines: [firefoxDidNotSucceed]),
        RedirectCase(location: "javascript:void(0)", allowsOrigin: true, lines: [firefoxDidNotSucceed]),
        RedirectCase(location: "https://[bad/", allowsOrigin: false, lines: [firefoxDidNotSucceed]),
        RedirectCase(
            location: "about:blank", allowsOrigin: true,
            lines: [
                "Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at "
                    + "about:blank. (Reason: CORS request not http).",
                firefoxDidNotSucceed,
            ]),
    ]

    @Test(
        "Firefox console: a failed redirect also logs that the request did not succeed", arguments: firefoxRedirectCases
    )
    func firefoxRedirect(testCase: RedirectCase) throws {
        let hop = ServerRedirect(
            from: try ParsedURL.parseForAnyBrowser(apiURL), location: testCase.location,
            headers: testCase.allowsOrigin ? fields([("Access-Control-Allow-Origin", "*")]) : [],
            addsCORSHeaders: false)
        let result = run(try makeRequest(), rawServer(redirects: [hop]), browser: .firefox)
        #expect(result.verdict.console == testCase.lines)
    }

    static let safariCases: [MessageCase] = [
        MessageCase(
            label: "missing ACAO", server: noACAO,
            line: "Origin https://app.example is not allowed by Access-Control-Allow-Origin. Status code: 200"),
        MessageCase(
            label: "mismatch", server: otherACAO,
            line: "Origin https://app.example is not allowed by Access-Control-Allow-Origin. Status code: 200"),
        MessageCase(
            label: "wildcard with credentials", credentials: .include, server: starACAO,
            line: "Cannot use wildcard in Access-Control-Allow-Origin when credentials flag is true."),
        MessageCase(
            label: "list in ACAO", server: listACAO,
            line: "Access-Control-Allow-Origin cannot contain more than one origin."),
        MessageCase(
            label: "ACAC not true", credentials: .include, server: upperACAC,
            line: "Credentials flag is true, but Access-Control-Allow-Credentials is not \"true\"."),
        MessageCase(
            label: "preflight status", method: "PUT", server: preflightStatus500,
            line: "Preflight response is not successful. Status code: 500"),
        MessageCase(
            label: "preflight 404 without ACAO is a status failure first", method: "PUT", server: preflight404,
            line: "Preflight response is not successful. Status code: 404"),
        MessageCase(
            label: "method", method: "PUT", server: preflightNoPut,
            line: "Method PUT is not allowed by Access-Control-Allow-Methods."),
        MessageCase(
            label: "header", method: "PUT", headers: [HeaderField("X-Foo", "1")], server: preflightNoHeader,
            line: "Request header field x-foo is not allowed by Access-Control-Allow-Headers."),
        MessageCase(
            label: "invalid ACAM", method: "PUT", server: preflightBadMethods,
            line: "Header Access-Control-Allow-Methods has an invalid value: Bad value"),
    ]

    @Test(
        "Safari console: the reason, then 'Fetch API cannot load … due to access control checks.'",
        arguments: safariCases)
    func safari(testCase: MessageCase) throws {
        let result = try exchange(testCase, browser: .safari)
        #expect(result.verdict.outcome == .blocked)
        #expect(
            Array(result.verdict.console.prefix(2)) == [
                testCase.line, "Fetch API cannot load https://api.example/x due to access control checks.",
            ])
    }

    @Test("Safari's XHR variant names XMLHttpRequest")
    func safariXHR() throws {
        let request = try makeRequest(api: .xhr)
        let result = run(request, Self.noACAO, browser: .safari)
        #expect(
            result.verdict.console.contains(
                "XMLHttpRequest cannot load https://api.example/x due to access control checks."))
    }

    @Test("Chromium prints origin 'null' for an opaque page")
    func chromiumOpaqueOrigin() throws {
        let result = run(try makeRequest(page: "null"), Self.noACAO, browser: .chromium)
        #expect(
            result.verdict.console == [
                "Access to fetch at 'https://api.example/x' from origin 'null' has been blocked by CORS policy: No 'Access-Control-Allow-Origin' header is present on the requested resource."
            ])
    }

    @Test("The spec profile prints nothing")
    func specPrintsNothing() throws {
        let result = run(try makeRequest(), Self.noACAO, browser: .spec)
        #expect(result.verdict.outcome == .blocked)
        #expect(result.verdict.console.isEmpty)
    }

    @Test(
        "What a fetch() script sees on a CORS failure",
        arguments: [
            (BrowserProfile.chromium, "TypeError: Failed to fetch"),
            (.firefox, "TypeError: NetworkError when attempting to fetch resource."),
            (.safari, "TypeError: Load failed"),
        ])
    func fetchRejection(browser: BrowserProfile, message: String) throws {
        let result = run(try makeRequest(), Self.noACAO, browser: browser)
        #expect(result.verdict.scriptResult == "fetch() rejects with " + message)
        let context = FailureContext(
            api: .fetch, url: apiURL, origin: appOrigin, pageOrigin: appOrigin, scriptURL: apiURL)
        #expect(
            ConsoleMessages.scriptError(for: .missingAllowOrigin(preflight: false), context: context, browser: browser)
                == message)
    }

    @Test("XHR gets no exception message: an error event and status 0", arguments: BrowserProfile.allCases)
    func xhrFailure(browser: BrowserProfile) throws {
        let result = run(try makeRequest(api: .xhr), Self.noACAO, browser: browser)
        #expect(result.verdict.status == 0)
        #expect(
            result.verdict.scriptResult == "XMLHttpRequest fires an error event; status is 0 and the response is empty")
    }

    @Test("Chromium escapes control characters in hints as \\uXXXX")
    func chromiumEscapesHint() throws {
        let server = rawServer(actual: response(200, [("Access-Control-Allow-Origin", "https://a\u{1}.example")]))
        let result = run(try makeRequest(), server, browser: .chromium)
        let line = try #require(result.verdict.console.first)
        #expect(line.contains("'https://a\\u0001.example'"))
    }
}
