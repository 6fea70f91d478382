import CORSCore
import CORSScenarios
import Testing

@testable import CORSServe

/// `verify` against real headless Chromium (Debian's `chromium`; `.ci/run` installs it). One browser at a time.
/// A browser gets 60 s, not the CLI's 20: the suite runs beside live servers and other tests, and a cold Chromium
/// on a loaded two-core machine once took longer than 20 s to report.
@Suite("Verifying in real Chromium", .serialized)
struct BrowserVerificationTests {
    @Test(
        "library scenarios agree with Chromium, aspect by aspect",
        arguments: [
            "learner-05-header-not-in-acah.yaml", "learner-08-credentials-acac-missing-on-response.yaml",
            "rules-patch-not-normalized.yaml", "xhr-upload-listener-preflight.yaml",
            "rules-forbidden-method-trace.yaml",
        ])
    func agrees(_ file: String) async throws {
        let result = await Verifier(browser: .chromium, timeout: .seconds(60)).verify(try Fixtures.library(file))
        #expect(result.status == .agrees, "\(result.rows.filter { $0.agrees != true })")
        #expect(result.rows.contains { $0.aspect == "console" && $0.agrees == true })
    }

    /// The toy rule every peer tool has: `*` lets a credentialed request through. An evaluator with that bug must
    /// be caught.
    @Test("an evaluator made deliberately wrong is caught: the rows that differ say where")
    func catchesAWrongEvaluator() async throws {
        let scenario = try Fixtures.library("learner-07-wildcard-with-credentials.yaml")
        let wrong = Verifier(browser: .chromium, timeout: .seconds(60)) { scenario, profile in
            var request = scenario.request
            request.credentials = .omit
            return (CORSEvaluator.evaluate(request, server: scenario.server, browser: profile), nil)
        }
        let result = await wrong.verify(scenario)
        #expect(result.status == .disagrees)
        let disagreeing = Set(result.rows.filter { $0.agrees == false }.map(\.aspect))
        #expect(disagreeing.isSuperset(of: ["script", "console"]), "\(result.rows)")

        let right = await Verifier(browser: .chromium, timeout: .seconds(60)).verify(scenario)
        #expect(right.status == .agrees, "\(right.rows.filter { $0.agrees != true })")
    }

    /// The same PUT twice, a second apart: the preflight's `Access-Control-Max-Age` decides whether the second
    /// one preflights. The browser runs both; a prediction that gets the cache wrong is caught on the repeat's rows.
    @Test(
        "a repeated request runs twice in the browser and the preflight cache is compared",
        arguments: [("", false), ("0", true), ("-1", true)])
    func repeatedRequest(maxAge: String, preflightsAgain: Bool) async throws {
        let line = maxAge.isEmpty ? "" : "\n      - Access-Control-Max-Age: \"\(maxAge)\""
        let scenario = try Fixtures.scenario(
            """
            title: cached or not
            repeat_after: 1
            request:
              page: http://app.example.com:3334
              url: http://api.example.com:3333/cache
              method: PUT
            server:
              preflight:
                status: 204
                headers:
                  - Access-Control-Allow-Origin: "*"
                  - Access-Control-Allow-Methods: PUT\(line)
              response:
                status: 200
                headers:
                  - Access-Control-Allow-Origin: "*"
            """)
        let result = await Verifier(browser: .chromium, timeout: .seconds(60)).verify(scenario)
        #expect(result.status == .agrees, "\(result.rows.filter { $0.agrees != true })")
        let requests = result.rows.first { $0.aspect == "again after 1 s: requests" }
        #expect(requests?.observed == (preflightsAgain ? "OPTIONS \(Self.url), PUT \(Self.url)" : "PUT \(Self.url)"))

        let forgetful = Verifier(browser: .chromium, timeout: .seconds(60)) { scenario, profile in
            let first = CORSEvaluator.evaluate(scenario.request, server: scenario.server, browser: profile)
            return (first, first)
        }
        let wrong = await forgetful.verify(scenario)
        #expect((wrong.status == .disagrees) == !preflightsAgain, "\(wrong.rows)")
    }

    private static let url = "http://api.example.com:3333/cache"

    @Test("an https scenario is reported as not verifiable, with the reason")
    func notVerifiable() async throws {
        let result = await Verifier(browser: .chromium, timeout: .seconds(60)).verify(
            try Fixtures.library("learner-06-authorization-not-covered-by-star.yaml"))
        guard case .notVerifiable(let reason) = result.status else {
            Issue.record("expected not verifiable, got \(result.status)")
            return
        }
        #expect(reason.contains("https"))
    }
}
