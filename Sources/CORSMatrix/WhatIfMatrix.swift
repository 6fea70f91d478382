import CORSCore
import CORSLint

/// Which variations of a scenario's request a server lets the script read: rows are page origins, columns are
/// method × headers × credentials, and every cell is `CORSEvaluator.evaluate`'s verdict for that request.
public struct WhatIfMatrix: Sendable, Equatable {
    /// The browser profile every cell was evaluated as.
    public var browser: BrowserProfile
    /// The rows.
    public var origins: [MatrixOrigin]
    /// The columns.
    public var columns: [MatrixColumn]
    /// `cells[row][column]`.
    public var cells: [[MatrixCell]]
    /// The row and column of the scenario's own request.
    public var scenarioCell: (row: Int, column: Int) { (0, scenarioColumn) }
    /// The column of the scenario's own request (its row is always 0, the page).
    public var scenarioColumn: Int

    /// Creates a matrix from its parts.
    public init(
        browser: BrowserProfile, origins: [MatrixOrigin], columns: [MatrixColumn], cells: [[MatrixCell]],
        scenarioColumn: Int
    ) {
        self.browser = browser
        self.origins = origins
        self.columns = columns
        self.cells = cells
        self.scenarioColumn = scenarioColumn
    }

    /// Evaluates every combination of the axes for `request` against `server` as `browser`, on this thread.
    public init(request: BrowserRequest, server: ServerDefinition, browser: BrowserProfile) {
        let axes = MatrixAxes(request: request, server: server)
        let preparations = Self.preparations(axes, browser: browser)
        self.init(
            axes: axes, browser: browser,
            cells: Self.rows(
                axes.origins, axes: axes, server: server, browser: browser, preparations: preparations))
    }

    /// Evaluates every combination like `init(request:server:browser:)`, with the rows dealt out over `parallelism`
    /// child tasks (the cells are independent; each task compiles the server's regexes once).
    public static func evaluating(
        request: BrowserRequest, server: ServerDefinition, browser: BrowserProfile, parallelism: Int
    ) async -> WhatIfMatrix {
        let axes = MatrixAxes(request: request, server: server)
        let preparations = preparations(axes, browser: browser)
        let origins = axes.origins
        let tasks = min(max(1, parallelism), max(1, origins.count))
        let cells = await withTaskGroup(of: [(Int, [MatrixCell])].self) { group in
            // Dealt like cards (task k takes rows k, k + tasks, …): rows cost differently, and neighbours alike.
            for first in 0..<tasks {
                let indices = Array(stride(from: first, to: origins.count, by: tasks))
                group.addTask {
                    let rows = rows(
                        indices.map { origins[$0] }, axes: axes, server: server, browser: browser,
                        preparations: preparations)
                    return Array(zip(indices, rows))
                }
            }
            var cells = [[MatrixCell]](repeating: [], count: origins.count)
            for await dealt in group {
                for (index, row) in dealt { cells[index] = row }
            }
            return cells
        }
        return WhatIfMatrix(axes: axes, browser: browser, cells: cells)
    }

    private init(axes: MatrixAxes, browser: BrowserProfile, cells: [[MatrixCell]]) {
        self.init(
            browser: browser, origins: axes.origins, columns: axes.columns, cells: cells,
            scenarioColumn: axes.scenarioColumn)
    }

    /// A column's request, from the scenario's page, and its script-side preparation: made once for every row
    /// (each row sends it from its own page).
    private struct PreparedColumn: Sendable {
        let request: BrowserRequest
        let preparation: RequestPreparation
    }

    /// Each column's request prepared once: preparation does not read the page, which is all that changes down a
    /// column, nor the credentials mode, so the two columns that differ only in it share one.
    private static func preparations(_ axes: MatrixAxes, browser: BrowserProfile) -> [PreparedColumn] {
        var shared: [MatrixColumn: RequestPreparation] = [:]
        return axes.columns.map { column in
            let request = axes.request(from: axes.base.page, column)
            var key = column
            key.credentials = .omit
            let preparation = shared[key] ?? RequestPreparation(request, browser: browser, detail: .verdict)
            shared[key] = preparation
            return PreparedColumn(request: request, preparation: preparation)
        }
    }

    /// The cells of `origins`' rows; the server's regexes are compiled once for all of them.
    private static func rows(
        _ origins: [MatrixOrigin], axes: MatrixAxes, server: ServerDefinition, browser: BrowserProfile,
        preparations: [PreparedColumn]
    ) -> [[MatrixCell]] {
        let memo = EvaluationMemo()
        return origins.map { row in
            preparations.map { column in
                MatrixCell(
                    CORSEvaluator.verdict(
                        of: column.request, from: row.origin, server: server, browser: browser, memo: memo,
                        preparation: column.preparation))
            }
        }
    }

    /// How many cells let the script read the response.
    public var passingCount: Int { cells.reduce(0) { $0 + $1.count(where: \.passes) } }

    /// How many cells there are.
    public var cellCount: Int { origins.count * columns.count }

}
