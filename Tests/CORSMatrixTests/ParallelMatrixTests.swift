import CORSCore
import CORSMatrix
import CORSScenarios
import Testing

/// A matrix evaluated with its rows shared out over child tasks equals the one evaluated on one thread.
@Suite struct ParallelMatrixTests {
    static let files = ScenarioLoader.scenarioFiles(in: MatrixTests.scenarioDirectory)

    @Test(arguments: files)
    func everyLibraryMatrixIsTheSameInParallel(path: String) async throws {
        let scenario = try ScenarioLoader.load(path: path)
        let serial = WhatIfMatrix(request: scenario.request, server: scenario.server, browser: scenario.browser)
        // 1: one task; 2 and 3: uneven shares; 500: more tasks than rows.
        for parallelism in [1, 2, 3, 500] {
            let parallel = await WhatIfMatrix.evaluating(
                request: scenario.request, server: scenario.server, browser: scenario.browser,
                parallelism: parallelism)
            #expect(parallel == serial, "parallelism \(parallelism)")
        }
    }

    @Test func aParallelismBelowOneStillEvaluatesEveryCell() async throws {
        let scenario = try #require(try Self.files.first.map { try ScenarioLoader.load(path: $0) })
        let serial = WhatIfMatrix(request: scenario.request, server: scenario.server, browser: scenario.browser)
        let parallel = await WhatIfMatrix.evaluating(
            request: scenario.request, server: scenario.server, browser: scenario.browser, parallelism: 0)
        #expect(parallel == serial)
    }
}
