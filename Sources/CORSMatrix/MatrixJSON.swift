import CORSCore
import CORSReport

/// The matrix as JSON: the axes, then one array of cells per origin row (documented in docs/matrix.md).
public enum MatrixJSON {
    /// The JSON report of `matrix`.
    public static func report(_ matrix: WhatIfMatrix) -> JSONValue {
        .object([
            ("browser", .string(matrix.browser.rawValue)),
            ("origins", .array(matrix.origins.map(origin))),
            ("columns", .array(matrix.columns.map(column))),
            ("scenario_cell", .object([("row", .int(0)), ("column", .int(matrix.scenarioColumn))])),
            ("readable_cells", .int(matrix.passingCount)),
            ("cell_count", .int(matrix.cellCount)),
            ("rows", .array(matrix.cells.map { .array($0.map(cell)) })),
        ])
    }

    private static func origin(_ row: MatrixOrigin) -> JSONValue {
        .object([("origin", .string(row.origin.serialized)), ("role", .string(row.role.rawValue))])
    }

    private static func column(_ column: MatrixColumn) -> JSONValue {
        .object([
            ("method", .string(column.method)),
            ("header_set", .string(column.headerSet.name)),
            (
                "headers",
                .array(
                    column.headerSet.headers.map {
                        .object([("name", .string($0.name)), ("value", .string($0.value))])
                    })
            ),
            ("credentials", .string(column.credentials.rawValue)),
        ])
    }

    private static func cell(_ cell: MatrixCell) -> JSONValue {
        .object([
            ("outcome", .string(cell.outcome.rawValue)),
            ("failed_check", cell.failedCheck.map(JSONValue.string) ?? .null),
        ])
    }
}
