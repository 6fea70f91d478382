import CORSCore
import Testing

/// cors-rules.md §7 (preflight cache), §13 (max-age per browser) and §14.2 #71–73.
@Suite("Preflight cache")
struct PreflightCacheTests {
    /// POST + x-test-header, as in WPT preflight-cache tests.
    func cachedRequest(credentials: CredentialsMode = .sameOrigin) throws -> BrowserRequest {
        try makeRequest(method: "POST", headers: [("X-Test-Header", "1")], credentials: credentials, body: "x")
    }

    func server(maxAge: String?) -> ServerDefinition {
        var headers: [(String, String)] = [
            ("Access-Control-Allow-Origin", "*"), ("Access-Control-Allow-Headers", "x-test-header"),
        ]
        if let maxAge { headers.append(("Access-Control-Max-Age", maxAge)) }
        return rawServer(preflight: response(200, headers))
    }

    /// Preflights of the second request made `seconds` after the first.
    func secondPreflights(maxAge: String?, after seconds: Double, browser: BrowserProfile) throws -> Int {
        let (first, second) = CORSEvaluator.evaluateTwice(
            try cachedRequest(), server: server(maxAge: maxAge), browser: browser, secondAfter: seconds)
        #expect(first.preflightCount == 1)
        #expect(first.verdict.outcome == .allowed)
        #expect(second.verdict.outcome == .allowed)
        if second.preflightCount == 0 { #expect(second.stepKinds == [.preflightCacheHit, .actual]) }
        return second.preflightCount
    }

    @Test("#71: max-age 12000, one second later: no second preflight", arguments: BrowserProfile.allCases)
    func longMaxAgeHit(browser: BrowserProfile) throws {
        #expect(try secondPreflights(maxAge: "12000", after: 1, browser: browser) == 0)
    }

    @Test("#72: max-age 0 is not cached", arguments: BrowserProfile.allCases)
    func zeroMaxAge(browser: BrowserProfile) throws {
        #expect(try secondPreflights(maxAge: "0", after: 0.1, browser: browser) == 1)
    }

    @Test("#72: max-age -1 is not cached by any browser", arguments: realBrowsers)
    func negativeMaxAge(browser: BrowserProfile) throws {
        #expect(try secondPreflights(maxAge: "-1", after: 0.1, browser: browser) == 1)
    }

    @Test("#72: max-age 1 has expired 1.5 s later", arguments: BrowserProfile.allCases)
    func shortMaxAgeExpires(browser: BrowserProfile) throws {
        #expect(try secondPreflights(maxAge: "1", after: 1.5, browser: browser) == 1)
        #expect(try secondPreflights(maxAge: "1", after: 0.5, browser: browser) == 0)
    }

    @Test("#73: without max-age the result lives 5 s", arguments: BrowserProfile.allCases)
    func defaultMaxAge(browser: BrowserProfile) throws {
        #expect(try secondPreflights(maxAge: nil, after: 0.5, browser: browser) == 0)
        #expect(try secondPreflights(maxAge: nil, after: 4.9, browser: browser) == 0)
        #expect(try secondPreflights(maxAge: nil, after: 5.1, browser: browser) == 1)
    }

    struct LifetimeCase: Sendable, CustomTestStringConvertible {
        var value: String?
        var chromium: Int
        var firefox: Int
        var safari: Int
        var testDescription: String { "max-age \(value.map { $0.debugDescription } ?? "absent")" }
    }

    static let lifetimeCases: [LifetimeCase] = [
        LifetimeCase(value: nil, chromium: 5, firefox: 5, safari: 5),
        LifetimeCase(value: "0", chromium: 0, firefox: 0, safari: 0),
        LifetimeCase(value: "1", chromium: 1, firefox: 1, safari: 1),
        LifetimeCase(value: "600", chromium: 600, firefox: 600, safari: 600),
        LifetimeCase(value: "601", chromium: 601, firefox: 601, safari: 600),
        LifetimeCase(value: "7200", chromium: 7200, firefox: 7200, safari: 600),
        LifetimeCase(value: "7201", chromium: 7200, firefox: 7201, safari: 600),
        LifetimeCase(value: "86400", chromium: 7200, firefox: 86400, safari: 600),
        LifetimeCase(value: "100000", chromium: 7200, firefox: 86400, safari: 600),
        LifetimeCase(value: "-1", chromium: 0, firefox: 0, safari: 0),
        LifetimeCase(value: "-600", chromium: 0, firefox: 0, safari: 0),
        LifetimeCase(value: "abc", chromium: 5, firefox: 0, safari: 5),
        LifetimeCase(value: "5.5", chromium: 5, firefox: 0, safari: 5),
        LifetimeCase(value: "", chromium: 5, firefox: 5, safari: 5),
        LifetimeCase(value: " 30 ", chromium: 30, firefox: 30, safari: 30),
    ]

    @Test("Each browser's max-age default, cap, negative and garbage handling", arguments: lifetimeCases)
    func lifetimes(testCase: LifetimeCase) {
        #expect(MaxAgeRules.lifetime(headerValue: testCase.value, browser: .chromium).seconds == testCase.chromium)
        #expect(MaxAgeRules.lifetime(headerValue: testCase.value, browser: .firefox).seconds == testCase.firefox)
        #expect(MaxAgeRules.lifetime(headerValue: testCase.value, browser: .safari).seconds == testCase.safari)
    }

    @Test(
        "The spec profile: absent or failure gives 5 s, no cap",
        arguments: [(nil as String?, 5), ("abc", 5), ("100000", 100_000), ("0", 0), ("30", 30)])
    func specLifetimes(value: String?, seconds: Int) {
        #expect(MaxAgeRules.lifetime(headerValue: value, browser: .spec).seconds == seconds)
    }

    @Test("Caps: default 5 s everywhere; 7200 s Chromium, 86400 s Firefox, 600 s Safari, none in the spec")
    func caps() {
        #expect(MaxAgeRules.defaultSeconds == 5)
        #expect(MaxAgeRules.cap(for: .chromium) == 7200)
        #expect(MaxAgeRules.cap(for: .firefox) == 86_400)
        #expect(MaxAgeRules.cap(for: .safari) == 600)
        #expect(MaxAgeRules.cap(for: .spec) == nil)
    }

    @Test(
        "The cap decides when a long max-age stops serving requests",
        arguments: [
            (BrowserProfile.chromium, 7199.0, 0), (.chromium, 7201, 1), (.safari, 599, 0), (.safari, 601, 1),
            (.firefox, 86_399, 0), (.firefox, 86_401, 1),
        ])
    func capEndToEnd(browser: BrowserProfile, after: Double, preflights: Int) throws {
        #expect(try secondPreflights(maxAge: "100000", after: after, browser: browser) == preflights)
    }

    @Test(
        "Garbage max-age: Chromium and Safari cache 5 s, Firefox does not cache",
        arguments: [(BrowserProfile.chromium, 0), (.safari, 0), (.firefox, 1)])
    func garbageMaxAgeEndToEnd(browser: BrowserProfile, preflights: Int) throws {
        #expect(try secondPreflights(maxAge: "soon", after: 1, browser: browser) == preflights)
    }

    // MARK: Matching rules

    @Test("A non-credentialed entry does not serve a credentialed request; the reverse works")
    func credentialsMatching() {
        let plain = PreflightCache(entries: [
            PreflightCacheEntry(
                origin: appOrigin, url: apiURL, credentials: false, methods: ["PUT"], headerNames: ["x-a"],
                expiresAt: 10)
        ])
        let credentialed = PreflightCache(entries: [
            PreflightCacheEntry(
                origin: appOrigin, url: apiURL, credentials: true, methods: ["PUT"], headerNames: ["x-a"], expiresAt: 10
            )
        ])
        for browser in BrowserProfile.allCases {
            #expect(lookup(plain, credentials: true, browser: browser) == nil)
            #expect(lookup(plain, credentials: false, browser: browser) != nil)
            #expect(lookup(credentialed, credentials: true, browser: browser) != nil)
            #expect(lookup(credentialed, credentials: false, browser: browser) != nil)
        }
    }

    func lookup(
        _ cache: PreflightCache, origin: String = appOrigin, url: String = apiURL, credentials: Bool = false,
        method: String = "PUT", headers: [String] = ["x-a"], browser: BrowserProfile = .spec, now: Double = 1
    ) -> PreflightCacheEntry? {
        cache.lookup(
            origin: origin, url: url, credentials: credentials, method: method, unsafeHeaders: headers,
            hasForcedPreflight: false, browser: browser, now: now)
    }

    @Test("Entries are keyed by origin and exact URL, and expire")
    func keyAndExpiry() {
        let cache = PreflightCache(entries: [
            PreflightCacheEntry(
                origin: appOrigin, url: apiURL, credentials: false, methods: ["PUT"], headerNames: ["x-a"],
                expiresAt: 10)
        ])
        #expect(lookup(cache) != nil)
        #expect(lookup(cache, origin: "null") == nil)
        #expect(lookup(cache, url: apiURL + "?q") == nil)
        #expect(lookup(cache, url: "https://api.example/y") == nil)
        #expect(lookup(cache, now: 10) == nil)
        #expect(lookup(cache, method: "DELETE") == nil)
        #expect(lookup(cache, method: "put") == nil)
        #expect(lookup(cache, headers: ["x-a", "x-b"]) == nil)
    }

    @Test("* entries cover any method and header (not Authorization in the spec) only without credentials")
    func wildcardEntries() {
        let cache = PreflightCache(entries: [
            PreflightCacheEntry(
                origin: appOrigin, url: apiURL, credentials: true, methods: ["*"], headerNames: ["*"], expiresAt: 10)
        ])
        #expect(lookup(cache, method: "PATCH", headers: ["x-z"]) != nil)
        #expect(lookup(cache, credentials: true, method: "PATCH", headers: []) == nil)
        #expect(lookup(cache, credentials: true, method: "POST", headers: ["x-z"]) == nil)
        #expect(lookup(cache, method: "POST", headers: ["authorization"], browser: .spec) == nil)
        #expect(lookup(cache, method: "POST", headers: ["authorization"], browser: .chromium) != nil)
    }

    @Test(
        "Firefox's cache exempts only GET and POST from the method list, not HEAD",
        arguments: [(BrowserProfile.firefox, false), (.chromium, true), (.safari, true), (.spec, true)])
    func firefoxHeadQuirk(browser: BrowserProfile, hit: Bool) {
        let cache = PreflightCache(entries: [
            PreflightCacheEntry(
                origin: appOrigin, url: apiURL, credentials: false, methods: [], headerNames: ["x-a"], expiresAt: 10)
        ])
        #expect((lookup(cache, method: "HEAD", browser: browser) != nil) == hit)
        #expect(lookup(cache, method: "GET", browser: browser) != nil)
    }

    @Test(
        "Chromium and Safari replace the entry; Firefox and the spec merge",
        arguments: [(BrowserProfile.chromium, false), (.safari, false), (.firefox, true), (.spec, true)])
    func storeShape(browser: BrowserProfile, merges: Bool) {
        var cache = PreflightCache()
        cache.store(
            PreflightCacheEntry(
                origin: appOrigin, url: apiURL, credentials: false, methods: ["PUT"], headerNames: ["x-a"],
                expiresAt: 10),
            browser: browser)
        cache.store(
            PreflightCacheEntry(
                origin: appOrigin, url: apiURL, credentials: false, methods: ["DELETE"], headerNames: ["x-b"],
                expiresAt: 20),
            browser: browser)
        #expect(cache.entries.count == 1)
        #expect((lookup(cache, method: "PUT", headers: ["x-a"], browser: browser) != nil) == merges)
        #expect(lookup(cache, method: "DELETE", headers: ["x-b"], browser: browser) != nil)
    }

    @Test("A failed preflight clears the entries for that origin and URL")
    func failureClearsEntries() throws {
        let cache = PreflightCache(entries: [
            PreflightCacheEntry(
                origin: appOrigin, url: apiURL, credentials: false, methods: ["PUT"], headerNames: [], expiresAt: 100),
            PreflightCacheEntry(
                origin: appOrigin, url: "https://api.example/other", credentials: false, methods: ["PUT"],
                headerNames: [], expiresAt: 100),
        ])
        let request = try makeRequest(method: "PUT", headers: [("X-Foo", "1")])
        let server = rawServer(
            preflight: response(200, [("Access-Control-Allow-Origin", "*"), ("Access-Control-Allow-Methods", "PUT")]))
        let exchange = run(request, server, cache: cache)
        #expect(exchange.verdict.failure == .headerNotAllowed("x-foo"))
        #expect(exchange.cache.entries.map(\.url) == ["https://api.example/other"])
    }

    @Test("A cached result that lacks a newly needed header triggers a new preflight")
    func cacheMissOnNewHeader() throws {
        let first = run(try cachedRequest(), server(maxAge: "600"))
        let other = try makeRequest(method: "POST", headers: [("X-Other", "1")], body: "x")
        let second = run(other, server(maxAge: "600"), cache: first.cache, at: 1)
        #expect(second.preflightCount == 1)
    }

    @Test("The stored entry records what the answer allowed")
    func storedEntryContents() throws {
        let server = rawServer(
            preflight: response(
                200,
                [
                    ("Access-Control-Allow-Origin", "*"), ("Access-Control-Allow-Methods", "PUT, patch"),
                    ("Access-Control-Allow-Headers", "X-A, x-b"), ("Access-Control-Max-Age", "60"),
                ]))
        let exchange = run(try makeRequest(method: "PUT", headers: [("X-A", "1")]), server, at: 10)
        let entry = try #require(exchange.cache.entries.first)
        #expect(entry.origin == appOrigin)
        #expect(entry.url == apiURL)
        #expect(entry.credentials == false)
        #expect(Set(entry.methods) == ["PUT", "patch"])
        #expect(Set(entry.headerNames) == ["x-a", "x-b"])
        #expect(entry.expiresAt == 70)
    }

    @Test("A forced preflight's method (from a missing ACAM) is cached and serves the next forced request")
    func forcedPreflightCached() throws {
        let request = try makeRequest(api: .xhr, method: "POST", body: "x", uploadListener: true)
        let (first, second) = CORSEvaluator.evaluateTwice(
            request, server: rawServer(preflight: response(200, [("Access-Control-Allow-Origin", "*")])),
            browser: .spec, secondAfter: 1)
        #expect(first.preflightCount == 1)
        #expect(second.stepKinds == [.preflightCacheHit, .actual])
    }

    /// Measured in Firefox 153 with real name resolution (2026-11-22): a preflight to `127.0.0.1` was sent every
    /// time, one to `localhost` or a host name only once per max-age. Firefox checks its DNS cache before using an
    /// entry, and an IP address's record is always newer than the entry.
    @Test(
        "Firefox never serves a preflight for an IP-address host from its cache; other browsers and names do",
        arguments: [
            ("http://127.0.0.1:3333/data", BrowserProfile.firefox, 1),
            ("http://[::1]:3333/data", .firefox, 1),
            ("http://localhost:3333/data", .firefox, 0),
            ("https://api.example/data", .firefox, 0),
            ("http://127.0.0.1:3333/data", .chromium, 0),
            ("http://127.0.0.1:3333/data", .safari, 0),
            ("http://127.0.0.1:3333/data", .spec, 0),
        ])
    func ipAddressHosts(url: String, browser: BrowserProfile, preflights: Int) throws {
        let request = try makeRequest(url: url, method: "PUT")
        let server = rawServer(
            preflight: response(
                204,
                [
                    ("Access-Control-Allow-Origin", "*"), ("Access-Control-Allow-Methods", "PUT"),
                    ("Access-Control-Max-Age", "600"),
                ]),
            actual: response(200, [("Access-Control-Allow-Origin", "*")]))
        let (first, second) = CORSEvaluator.evaluateTwice(request, server: server, browser: browser, secondAfter: 1)
        #expect(first.preflightCount == 1)
        #expect(second.preflightCount == preflights)
        #expect(second.verdict.outcome == .allowed)
        let unused = second.steps.first?.checks.first { $0.found == "an entry, not used: the host is an IP address" }
        #expect((unused != nil) == (preflights == 1))
    }
}
