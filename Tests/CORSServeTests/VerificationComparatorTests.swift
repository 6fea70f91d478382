import CORSCore
import CORSScenarios
import Testing

@testable import CORSServe

@Suite("Comparing the evaluator with a browser's observation")
struct VerificationComparatorTests {
    /// What a browser that behaves as predicted would show for `exchange`.
    static func faithfulObservation(of exchange: Exchange, origin: ServedOrigin) -> BrowserObservation {
        let requests = exchange.steps.filter { $0.kind != .preflightCacheHit }.map {
            ArrivedRequest(
                origin: origin, method: $0.request.method, target: $0.request.url.pathAndQuery,
                headers: $0.request.headers + [
                    HeaderField("User-Agent", "Test"), HeaderField("Sec-Fetch-Mode", "cors"),
                ])
        }
        let verdict = exchange.verdict
        let report =
            verdict.outcome == .allowed
            ? BrowserReport(result: "resolved", type: "cors", status: verdict.status, headers: verdict.readableHeaders)
            : BrowserReport(result: "rejected", error: "TypeError: Failed to fetch")
        return BrowserObservation(browser: .chromium, requests: requests, report: report, console: verdict.console)
    }

    static let api = ServedOrigin(host: "api.example.com", port: 3333, role: .server)

    @Test("a browser that does what the evaluator predicts agrees on every row; browser-owned headers are ignored")
    func agreement() throws {
        for file in ["learner-05-header-not-in-acah.yaml", "walkthrough-03-acao-correct.yaml"] {
            let exchange = try Fixtures.library(file).evaluate().first
            let rows = VerificationComparator.compare(
                exchange, with: Self.faithfulObservation(of: exchange, origin: Self.api))
            #expect(VerificationResult(rows: rows).status == .agrees, "\(file): \(rows.filter { $0.agrees == false })")
        }
    }

    @Test("each kind of difference shows as a disagreeing row")
    func disagreements() throws {
        let exchange = try Fixtures.scenario(Fixtures.allowedPut).evaluate().first
        let faithful = Self.faithfulObservation(of: exchange, origin: Self.api)
        #expect(exchange.verdict.outcome == .allowed)

        var noPreflight = faithful
        noPreflight.requests.removeFirst()
        var otherHeaders = faithful
        otherHeaders.requests[0].headers = otherHeaders.requests[0].headers.map {
            $0.lowercasedName == "access-control-request-headers" ? HeaderField($0.name, "X-Trace") : $0
        }
        var noCookie = faithful
        noCookie.requests[1].headers.removeAll { $0.lowercasedName == "cookie" }
        var blocked = faithful
        blocked.report = BrowserReport(result: "rejected", error: "TypeError: Failed to fetch")
        var moreReadable = faithful
        moreReadable.report.headers = ["content-type", "x-secret"]
        var console = faithful
        console.console = ["Access to fetch at … has been blocked by CORS policy"]

        let cases: [(BrowserObservation, String)] = [
            (noPreflight, "preflight"), (otherHeaders, "preflight"), (noCookie, "actual request"),
            (blocked, "script"), (moreReadable, "readable headers"), (console, "console"),
        ]
        for (observation, aspect) in cases {
            let rows = VerificationComparator.compare(exchange, with: observation)
            #expect(VerificationResult(rows: rows).status == .disagrees)
            #expect(rows.contains { $0.aspect == aspect && $0.agrees == false }, "\(aspect): \(rows)")
        }
    }

    @Test("a preflight answered from the cache sends nothing: a browser that sends only the request agrees")
    func cacheHit() throws {
        let repeated = try #require(Fixtures.library("walkthrough-06-max-age-cached.yaml").evaluate().repeated)
        #expect(repeated.steps.map(\.kind) == [.preflightCacheHit, .actual])
        let observation = Self.faithfulObservation(of: repeated, origin: Self.api)
        #expect(observation.requests.map(\.method) == ["PUT"])
        let rows = VerificationComparator.compare(repeated, with: observation)
        #expect(VerificationResult(rows: rows).status == .agrees, "\(rows.filter { $0.agrees != true })")
        #expect(rows.contains { $0.aspect == "other request headers" })
    }

    @Test("a rejection before anything reached a server is an error; after, it is blocked")
    func outcomes() {
        let rejected = BrowserReport(result: "rejected", error: "TypeError: Failed to fetch")
        let request = ArrivedRequest(origin: Self.api, method: "GET", target: "/", headers: [])
        #expect(BrowserObservation(browser: .chromium, requests: [], report: rejected, console: []).outcome == .error)
        #expect(
            BrowserObservation(browser: .chromium, requests: [request], report: rejected, console: []).outcome
                == .blocked)
        let opaque = BrowserReport(result: "resolved", type: "opaque", status: 0, headers: [])
        #expect(
            BrowserObservation(browser: .chromium, requests: [request], report: opaque, console: []).outcome == .opaque)
    }

    @Test("Firefox's console is reported as not observed, never as agreeing")
    func firefoxConsole() throws {
        let exchange = try Fixtures.library("learner-05-header-not-in-acah.yaml").evaluate(as: .firefox).first
        var observation = Self.faithfulObservation(of: exchange, origin: Self.api)
        observation.browser = .firefox
        observation.console = nil
        let rows = VerificationComparator.compare(exchange, with: observation)
        #expect(rows.first { $0.aspect == "console" }?.agrees == nil)
        #expect(VerificationResult(rows: rows).status == .agrees)
    }
}
