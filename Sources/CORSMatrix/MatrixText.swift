import CORSCore

/// The matrix as plain text lines: one block per credentials mode, a row per origin, one character per cell, and a
/// legend that names the failing check behind each letter.
///
/// A cell is `✓` when the script can read the response, `o` when it gets an opaque one, and a letter for a
/// failure. Columns are grouped by method; inside a group, one character per header set.
public struct MatrixText: Sendable, Equatable {
    /// The grid lines: a heading, then each credentials block.
    public var grid: [String]
    /// The legend lines: header-set letters, then `letter  failing check (cells)`.
    public var legend: [String]
    /// The matrix rows the grid shows, in order (every row unless alike attacker rows were merged).
    public var shownRows: [Int]
    /// The indices of the grid lines that hold cells (one per shown row and credentials mode).
    public var cellRows: Set<Int>
    /// The column where the cells of a cell line begin (the origin labels are to its left).
    public var cellStart: Int

    /// The glyph of a readable response.
    public static let passGlyph: Character = "✓"
    /// The glyph of a readable response when the terminal shows ASCII only.
    public static let asciiPassGlyph: Character = "+"
    /// The glyph of an opaque (no-cors) response.
    public static let opaqueGlyph: Character = "o"
    /// The letters that stand for failing checks, in order of first appearance.
    static let failureLetters = Array("abcdefghijklmnpqrstuvwxyzABCDEFGHIJKLMNPQRSTUVWXYZ")

    /// Lays `matrix` out for a terminal `width` columns wide (the origin labels get what the cells leave).
    ///
    /// Unless `allRows`, attacker rows whose cells all equal an earlier attacker row's are merged into it, and its
    /// label counts them (`probe ×18 https://attacker.github.io`). With `asciiOnly`, every line is plain ASCII.
    public init(_ matrix: WhatIfMatrix, width: Int = 100, allRows: Bool = false, asciiOnly: Bool = false) {
        let methods = Self.unique(matrix.columns.map(\.method))
        let headerSets = Self.unique(matrix.columns.map(\.headerSet))
        let credentials = Self.unique(matrix.columns.map(\.credentials))
        let groupWidth = max(headerSets.count, 5)
        let cellsWidth = methods.count * (groupWidth + 1)
        let labelWidth = min(max(width - cellsWidth, 20), 48)
        cellStart = labelWidth
        var cellRows: Set<Int> = []

        var letters: [String: Character] = [:]
        var counts: [String: Int] = [:]
        var order: [String] = []
        for row in matrix.cells {
            for cell in row {
                guard let check = cell.failedCheck else { continue }
                if letters[check] == nil {
                    let index = order.count
                    letters[check] = index < Self.failureLetters.count ? Self.failureLetters[index] : "?"
                    order.append(check)
                }
                counts[check, default: 0] += 1
            }
        }

        // Rows to print, each with how many attacker rows it stands for.
        var shown: [(row: Int, count: Int)] = []
        var firstAlike: [[MatrixCell]: Int] = [:]
        for (index, row) in matrix.origins.enumerated() {
            guard !allRows, row.role == .attacker else {
                shown.append((index, 1))
                continue
            }
            if let earlier = firstAlike[matrix.cells[index]] {
                shown[earlier].count += 1
            } else {
                firstAlike[matrix.cells[index]] = shown.count
                shown.append((index, 1))
            }
        }
        self.shownRows = shown.map(\.row)

        var columnIndex: [MatrixColumn: Int] = [:]
        for (index, column) in matrix.columns.enumerated() { columnIndex[column] = index }
        let own = matrix.columns.indices.contains(matrix.scenarioColumn) ? matrix.columns[matrix.scenarioColumn] : nil

        var grid = [
            "\(matrix.browser.displayName): \(matrix.origins.count) origins × \(matrix.columns.count) requests, "
                + "\(matrix.passingCount) of \(matrix.cellCount) readable"
        ]
        for mode in credentials {
            grid.append("")
            grid.append("credentials: \(mode.rawValue)")
            grid.append(
                Self.pad("", labelWidth)
                    + methods.map { " " + Self.pad(Self.fit($0, groupWidth), groupWidth) }.joined())
            let setLetters = String(headerSets.map { Self.letter(of: $0) })
            grid.append(
                Self.pad("", labelWidth)
                    + String(repeating: " " + Self.pad(setLetters, groupWidth), count: methods.count))
            for (rowIndex, count) in shown {
                let label = Self.label(matrix.origins[rowIndex], count: count)
                var line = Self.pad(Self.fit(label, labelWidth), labelWidth)
                for method in methods {
                    var group = ""
                    for headerSet in headerSets {
                        let column = MatrixColumn(method: method, headerSet: headerSet, credentials: mode)
                        guard let index = columnIndex[column] else {
                            group.append(" ")
                            continue
                        }
                        let cell = matrix.cells[rowIndex][index]
                        group.append(
                            cell.outcome == .allowed
                                ? Self.passGlyph
                                : cell.outcome == .opaque ? Self.opaqueGlyph : letters[cell.failedCheck ?? ""] ?? "?")
                    }
                    line += " " + Self.pad(group, groupWidth)
                }
                cellRows.insert(grid.count)
                grid.append(line)
            }
        }
        self.grid = asciiOnly ? grid.map(Self.ascii) : grid
        self.cellRows = cellRows

        var legend = [
            "headers: " + headerSets.map { "\(Self.letter(of: $0)) \($0.description)" }.joined(separator: " · "),
            "\(Self.passGlyph) readable   \(Self.opaqueGlyph) opaque   letters: the failing check"
                + (shown.count < matrix.origins.count ? "   ×N: N alike attacker origins, first shown" : ""),
        ]
        for check in order {
            legend.append("\(letters[check] ?? "?")  \(check) (\(counts[check] ?? 0))")
        }
        if let own {
            let cell = matrix.cells.first?[matrix.scenarioColumn]
            legend.append(
                "the scenario's own request: row 1, \(own.method), \(own.headerSet.name) headers, "
                    + "credentials \(own.credentials.rawValue) → \(cell.map(Self.describe) ?? "?")")
        }
        self.legend = asciiOnly ? legend.map(Self.ascii) : legend
    }

    /// Grid and legend, separated by an empty line.
    public var lines: [String] { grid + [""] + legend }

    /// A cell in words: `readable`, `opaque`, or `blocked: ACAO missing`.
    public static func describe(_ cell: MatrixCell) -> String {
        switch cell.outcome {
        case .allowed: return "readable"
        case .opaque: return "opaque"
        case .blocked, .error: return "\(cell.outcome.rawValue): \(cell.failedCheck ?? "?")"
        }
    }

    /// `line` in ASCII, each character keeping its one column: ✓ becomes +, × x, … ~, · |, → >.
    static func ascii(_ line: String) -> String {
        String(
            line.map { character -> Character in
                switch character {
                case passGlyph: return asciiPassGlyph
                case "×": return "x"
                case "…": return "~"
                case "·": return "|"
                case "→": return ">"
                default: return character.isASCII ? character : "?"
                }
            })
    }

    /// The row label: role, how many alike rows it stands for, then the origin.
    static func label(_ row: MatrixOrigin, count: Int) -> String {
        let role: String
        switch row.role {
        case .page: role = "page"
        case .subdomain: role = "sub"
        case .schemeTwin: role = "twin"
        case .null: role = "null"
        case .attacker: role = "probe"
        }
        return Self.pad(role, 6) + (count > 1 ? "×\(count) " : "") + Escaping.visible(row.origin.serialized)
    }

    /// The one-letter name of a header set: its name's first letter.
    static func letter(of headerSet: HeaderSet) -> Character { headerSet.name.first ?? "?" }

    static func fit(_ text: String, _ width: Int) -> String {
        text.count <= width ? text : String(text.prefix(max(width - 1, 0))) + "…"
    }

    static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }

    private static func unique<T: Hashable>(_ values: [T]) -> [T] {
        var seen: Set<T> = []
        return values.filter { seen.insert($0).inserted }
    }
}
