import CORSCore
import CORSMatrix
import CORSScenarios
import Foundation
import Testing

/// `.verdict` detail runs the same rules as `.full`: every decision equals the full evaluation's, only the words
/// are missing.
@Suite struct VerdictDetailTests {
    static let files = ScenarioLoader.scenarioFiles(in: MatrixTests.scenarioDirectory)

    /// The decisions of an exchange: everything `.verdict` detail promises to keep.
    struct Decisions: Equatable {
        var outcome: Outcome
        var failure: CORSFailure?
        var status: Int?
        var responseType: String
        var readableHeaders: [String]?
        var warnings: [String]
        var steps: [StepDecision]
        var cache: PreflightCache
        var prepared: String?

        init(_ exchange: Exchange) {
            outcome = exchange.verdict.outcome
            failure = exchange.verdict.failure
            status = exchange.verdict.status
            responseType = exchange.verdict.responseType
            readableHeaders = exchange.verdict.readableHeaders
            warnings = exchange.verdict.warnings
            steps = exchange.steps.map(StepDecision.init)
            cache = exchange.cache
            prepared = exchange.prepared.map {
                "\($0.method) \($0.headers) \($0.unsafeHeaderNames) \($0.preflightReasons)"
            }
        }
    }

    /// One step without its checks and notes.
    struct StepDecision: Equatable {
        var kind: StepKind
        var request: WireRequest
        var response: ServerResponse?
        var passed: Bool
        var includesCredentials: Bool

        init(_ step: ExchangeStep) {
            kind = step.kind
            request = step.request
            response = step.response
            passed = step.passed
            includesCredentials = step.includesCredentials
        }
    }

    @Test(arguments: files)
    func verdictDetailDecidesAsTheFullEvaluation(path: String) throws {
        let scenario = try ScenarioLoader.load(path: path)
        for browser in BrowserProfile.allCases {
            let full = CORSEvaluator.evaluate(scenario.request, server: scenario.server, browser: browser)
            let lean = CORSEvaluator.evaluate(
                scenario.request, server: scenario.server, browser: browser, detail: .verdict)
            #expect(Decisions(lean) == Decisions(full), "\(browser)")
            // The verdict alone, without steps, is the same verdict.
            let verdict = CORSEvaluator.verdict(of: scenario.request, server: scenario.server, browser: browser)
            #expect(verdict == lean.verdict, "\(browser)")
            // Sent from another page: the same as the request with that page.
            for page in [Origin.opaque, try Origin.parse("https://elsewhere.example")] {
                var moved = scenario.request
                moved.page = page
                let expected = CORSEvaluator.evaluate(
                    moved, server: scenario.server, browser: browser, detail: .verdict
                ).verdict
                let fromPage = CORSEvaluator.verdict(
                    of: scenario.request, from: page, server: scenario.server, browser: browser)
                #expect(fromPage == expected, "\(browser) from \(page)")
            }
            // Again 10 s later, with the cache each left (cache hits take their own path).
            let fullAgain = CORSEvaluator.evaluate(
                scenario.request, server: scenario.server, browser: browser, cache: full.cache, at: 10)
            let leanAgain = CORSEvaluator.evaluate(
                scenario.request, server: scenario.server, browser: browser, cache: lean.cache, at: 10,
                detail: .verdict)
            #expect(Decisions(leanAgain) == Decisions(fullAgain), "\(browser), again")
            // And no words were built.
            #expect(lean.preparationChecks.isEmpty && lean.steps.allSatisfy(\.checks.isEmpty), "\(browser)")
            #expect(
                lean.verdict.console.isEmpty && lean.verdict.scriptResult.isEmpty && lean.verdict.summary.isEmpty,
                "\(browser)")
        }
    }

    /// Every cell of a few library scenarios' matrices, against a full evaluation of the cell's request.
    @Test(arguments: stride(from: 0, to: files.count, by: 9).map { files[$0] })
    func everyMatrixCellEqualsTheFullEvaluation(path: String) throws {
        let scenario = try ScenarioLoader.load(path: path)
        let axes = MatrixAxes(request: scenario.request, server: scenario.server)
        let matrix = WhatIfMatrix(request: scenario.request, server: scenario.server, browser: scenario.browser)
        for (row, origin) in axes.origins.enumerated() {
            for (index, column) in axes.columns.enumerated() {
                let verdict = CORSEvaluator.evaluate(
                    axes.request(from: origin.origin, column), server: scenario.server, browser: scenario.browser
                ).verdict
                let cell = matrix.cells[row][index]
                #expect(cell.outcome == verdict.outcome, "\(origin.origin) \(column)")
                #expect(cell.failure == verdict.failure, "\(origin.origin) \(column)")
                #expect(
                    cell.failedCheck == verdict.failure.map(FailedCheckLabel.label(for:)), "\(origin.origin) \(column)")
            }
        }
    }

    /// One memo shared over the whole library (every server, profile and request) changes no exchange: its
    /// entries depend only on their text.
    @Test func aMemoSharedOverTheLibraryChangesNoExchange() throws {
        let memo = EvaluationMemo()
        for path in Self.files {
            let scenario = try ScenarioLoader.load(path: path)
            for browser in BrowserProfile.allCases {
                let fresh = CORSEvaluator.evaluate(scenario.request, server: scenario.server, browser: browser)
                let shared = CORSEvaluator.evaluate(
                    scenario.request, server: scenario.server, browser: browser, memo: memo)
                #expect(shared == fresh, "\(path) \(browser)")
            }
        }
    }

    /// A preparation made from another page is used and changes nothing; one made for another request is ignored.
    @Test(arguments: files)
    func aPreparationNeverChangesTheExchange(path: String) throws {
        let scenario = try ScenarioLoader.load(path: path)
        var otherPage = scenario.request
        otherPage.page = .opaque
        otherPage.credentials = .include
        var otherRequest = scenario.request
        otherRequest.method = "PUT"
        otherRequest.headers.append(HeaderField("X-Custom", "1"))
        for browser in BrowserProfile.allCases {
            let plain = CORSEvaluator.evaluate(scenario.request, server: scenario.server, browser: browser)
            for (made, detail) in [
                (otherPage, EvaluationDetail.full), (otherRequest, .full), (scenario.request, .verdict),
            ] {
                let exchange = CORSEvaluator.evaluate(
                    scenario.request, server: scenario.server, browser: browser,
                    preparation: RequestPreparation(made, browser: browser, detail: detail))
                #expect(exchange == plain, "\(browser) \(detail)")
            }
        }
    }
}
