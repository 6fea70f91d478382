import CORSCore
import Testing

@testable import CORSServe

/// A repeated scenario runs twice on one page; the requests and console messages are told apart by the page's
/// report, which ends each run.
@Suite("Splitting a page's runs")
struct RunSplitTests {
    static let api = ServedOrigin(host: "api.example.com", port: 3333, role: .server)
    static let page = ServedOrigin(host: "app.example.com", port: 3334, role: .page)

    static func request(_ method: String, _ target: String, on origin: ServedOrigin = api) -> ArrivedRequest {
        ArrivedRequest(origin: origin, method: method, target: target, headers: [])
    }

    @Test("requests are split at each posted report; the harness's own requests are left out")
    func requests() {
        let arrived = [
            Self.request("GET", HarnessPath.run, on: Self.page), Self.request("OPTIONS", "/a"),
            Self.request("PUT", "/a"), Self.request("POST", HarnessPath.report, on: Self.page),
            Self.request("PUT", "/a"), Self.request("POST", HarnessPath.report, on: Self.page),
            Self.request("GET", "/late"),
        ]
        let once = Verifier.split(arrived, runs: 1)
        #expect(once.map { $0.map(\.method) } == [["OPTIONS", "PUT"]])
        let twice = Verifier.split(arrived, runs: 2)
        #expect(twice.map { $0.map(\.method) } == [["OPTIONS", "PUT"], ["PUT"]])
        #expect(Verifier.split([], runs: 2) == [[], []])
    }

    @Test("console messages are split at the page's marker")
    func console() {
        let marker = TestPage.doneMarker
        #expect(Verifier.split(["a", marker, "b", "c", marker]) == [["a"], ["b", "c"], []])
        #expect(Verifier.split([marker, marker]) == [[], [], []])
        #expect(Verifier.split([]) == [[]])
    }
}
