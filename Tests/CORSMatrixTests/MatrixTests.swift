import CORSCore
import CORSMatrix
import CORSScenarios
import Foundation
import Testing

/// The what-if matrix: every cell is the evaluator's verdict for its origin, method, headers and credentials.
@Suite struct MatrixTests {
    static let api = "https://api.example.com/items"
    static let everyMethod = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", MatrixAxes.customMethod]

    static func request(page: String, credentials: CredentialsMode = .sameOrigin) throws -> BrowserRequest {
        try BrowserRequest(page: Origin.parse(page), url: ParsedURL.parse(api), credentials: credentials)
    }

    static func server(_ policy: CORSPolicy) -> ServerDefinition { ServerDefinition(behavior: .policy(policy)) }

    @Test(
        arguments: [BrowserProfile.chromium, .firefox, .safari, .spec],
        ["https://app.example.com", "http://localhost:5173", "https://shop.example.org:8443"])
    func anAllowListOfOneOriginHasOneReadableRowPerColumn(browser: BrowserProfile, page: String) throws {
        let policy = CORSPolicy(
            allowOrigins: .list([.exact(page)]), allowMethods: Self.everyMethod,
            allowHeaders: .list(["content-type", "authorization", "x-custom"]), allowCredentials: true)
        let matrix = WhatIfMatrix(request: try Self.request(page: page), server: Self.server(policy), browser: browser)
        #expect(matrix.origins.count > 10)
        #expect(matrix.columns.count == Self.everyMethod.count * 4 * 2)
        for column in matrix.columns.indices {
            let readable = matrix.origins.indices.filter { matrix.cells[$0][column].passes }
            #expect(readable == [0], "column \(matrix.columns[column])")
        }
        // Every other origin is refused by the origin check itself.
        for row in matrix.cells.dropFirst() {
            for cell in row {
                #expect(cell.failedCheck?.hasPrefix("ACAO") == true, "\(cell)")
            }
        }
    }

    @Test(arguments: BrowserProfile.allCases)
    func credentialsFailForAStar(browser: BrowserProfile) throws {
        let policy = CORSPolicy(allowOrigins: .any, allowMethods: ["*"], allowHeaders: .wildcard)
        let matrix = WhatIfMatrix(
            request: try Self.request(page: "https://app.example.com"), server: Self.server(policy), browser: browser)
        for (rowIndex, row) in matrix.origins.enumerated() {
            for (index, column) in matrix.columns.enumerated() {
                let cell = matrix.cells[rowIndex][index]
                if column.includesCredentials {
                    #expect(cell.failedCheck?.hasPrefix("credentials with *") == true, "\(row) \(column): \(cell)")
                } else if column.headerSet.name != "auth" {
                    #expect(cell.passes, "\(row) \(column): \(cell)")
                } else {
                    // The standard says `*` never covers Authorization; browsers still let it through today.
                    let expected = browser == .spec ? "ACAH lacks authorization" : nil
                    #expect(cell.failedCheck == expected, "\(row) \(column): \(cell)")
                }
            }
        }
    }

    @Test(
        arguments: [BrowserProfile.chromium, .firefox, .safari, .spec],
        [("none", nil), ("json", nil), ("auth", "ACAH lacks authorization"), ("custom", "ACAH lacks x-custom")]
            as [(String, String?)])
    func headerSetColumnsFailWhenACAHLacksTheHeader(browser: BrowserProfile, expectation: (String, String?)) throws {
        let (setName, failedCheck) = expectation
        let page = "https://app.example.com"
        let policy = CORSPolicy(
            allowOrigins: .list([.exact(page)]), allowMethods: Self.everyMethod, allowHeaders: .list(["Content-Type"]),
            allowCredentials: true)
        let matrix = WhatIfMatrix(request: try Self.request(page: page), server: Self.server(policy), browser: browser)
        let columns = matrix.columns.indices.filter { matrix.columns[$0].headerSet.name == setName }
        #expect(columns.count == Self.everyMethod.count * 2)
        for column in columns {
            #expect(matrix.cells[0][column].failedCheck == failedCheck, "\(matrix.columns[column])")
        }
    }

    static let scenarioDirectory: String = {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("scenarios").path
    }()

    @Test(arguments: ScenarioLoader.scenarioFiles(in: scenarioDirectory))
    func aScenariosOwnCellIsItsEvaluation(path: String) throws {
        let scenario = try ScenarioLoader.load(path: path)
        let axes = MatrixAxes(request: scenario.request, server: scenario.server)
        let column = axes.columns[axes.scenarioColumn]
        #expect(axes.origins[0].origin == scenario.request.page)
        #expect(axes.request(from: axes.origins[0].origin, column) == scenario.request)
        for browser in BrowserProfile.allCases {
            let verdict = CORSEvaluator.evaluate(scenario.request, server: scenario.server, browser: browser).verdict
            // The same code path as every cell of `WhatIfMatrix`.
            let cell = axes.cell(from: axes.origins[0].origin, column, server: scenario.server, browser: browser)
            #expect(cell.outcome == verdict.outcome, "\(browser)")
            #expect(cell.failedCheck == verdict.failure.map(FailedCheckLabel.label(for:)), "\(browser)")
        }
    }

    @Test func theTextGridHasALegendEntryForEveryLetter() throws {
        let policy = CORSPolicy(allowOrigins: .list([.exact("https://app.example.com")]))
        let matrix = WhatIfMatrix(
            request: try Self.request(page: "https://app.example.com"), server: Self.server(policy),
            browser: .chromium)
        let text = MatrixText(matrix, width: 80)
        #expect(text.grid.allSatisfy { $0.count <= 80 })
        let checks = Set(matrix.cells.flatMap { $0.compactMap(\.failedCheck) })
        #expect(text.legend.count == 2 + checks.count + 1)
        for check in checks {
            #expect(text.legend.contains { $0.hasSuffix(check + " (" + "\(count(check, matrix)))") })
        }
    }

    private func count(_ check: String, _ matrix: WhatIfMatrix) -> Int {
        matrix.cells.reduce(0) { $0 + $1.count { $0.failedCheck == check } }
    }
}

/// One library scenario's whole matrix: its own cell is the scenario's verdict.
@Suite struct LibraryMatrixTests {
    @Test func walkthroughFourOwnCellIsItsVerdict() throws {
        let scenario = try ScenarioLoader.load(
            path: MatrixTests.scenarioDirectory + "/walkthrough-04-custom-header-no-acah.yaml")
        let matrix = WhatIfMatrix(request: scenario.request, server: scenario.server, browser: .firefox)
        let verdict = CORSEvaluator.evaluate(scenario.request, server: scenario.server, browser: .firefox).verdict
        let cell = matrix.cells[0][matrix.scenarioColumn]
        #expect(cell.outcome == verdict.outcome)
        #expect(cell.failedCheck == "ACAH lacks x-custom-header")
        #expect(matrix.columns[matrix.scenarioColumn].headerSet.name == "scenario")
    }
}
