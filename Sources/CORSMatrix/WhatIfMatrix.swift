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

    /// Evaluates every combination of the axes for `request` against `server` as `browser`.
    public init(request: BrowserRequest, server: ServerDefinition, browser: BrowserProfile) {
        let axes = MatrixAxes(request: request, server: server)
        self.browser = browser
        self.origins = axes.origins
        self.columns = axes.columns
        self.scenarioColumn = axes.scenarioColumn
        let columns = axes.columns
        // Shared by every cell: each of the server's regexes is compiled once per matrix, and each column's request
        // is prepared once (preparation does not read the page, which is all that changes down a column).
        let regexes = RegexCache()
        let preparations = columns.map { axes.preparation(of: $0, browser: browser) }
        self.cells = axes.origins.map { row in
            columns.indices.map { index in
                axes.cell(
                    from: row.origin, columns[index], server: server, browser: browser, regexes: regexes,
                    preparation: preparations[index])
            }
        }
    }

    /// How many cells let the script read the response.
    public var passingCount: Int { cells.reduce(0) { $0 + $1.count(where: \.passes) } }

    /// How many cells there are.
    public var cellCount: Int { origins.count * columns.count }

}
