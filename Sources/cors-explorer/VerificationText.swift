import CORSCore
import CORSServe
import Foundation

/// What `verify` prints: a table with one row per scenario and one column per compared aspect, then the details of
/// every scenario that did not simply agree.
enum VerificationText {
    /// The compared aspects, in column order, with their column titles.
    private static let columns: [(aspect: String, title: String)] = [
        ("requests", "reqs"), ("preflight", "prefl"), ("actual request", "actual"), ("other request headers", "hdrs"),
        ("script", "script"), ("status", "status"), ("readable headers", "read"), ("console", "console"),
    ]
    /// The column that sums up every aspect of a repeated request (`repeat_after`).
    private static let repeatTitle = "again"
    private static let nameWidth = 46

    static func tableHeader(browser: BrowserKind) -> [String] {
        [
            "\(browser.rawValue) vs the evaluator: = agree, ≠ disagree, ? not observable here, · not compared",
            "",
            padded("scenario", nameWidth) + columns.map { padded($0.title, $0.title.count + 2) }.joined()
                + padded(repeatTitle, repeatTitle.count + 2) + "result",
        ]
    }

    static func tableRow(file: String, result: VerificationResult) -> String {
        let name = (file as NSString).lastPathComponent.replacingOccurrences(of: ".yaml", with: "")
        let marks = columns.map { column -> String in
            let mark: String
            if let row = result.rows.first(where: { $0.aspect == column.aspect }) {
                mark = row.agrees.map { $0 ? "=" : "≠" } ?? "?"
            } else {
                mark = result.rows.isEmpty ? " " : "·"
            }
            return padded(mark, column.title.count + 2)
        }
        let again = padded(repeatMark(result.rows), repeatTitle.count + 2)
        return padded(Escaping.visible(name), nameWidth) + marks.joined() + again + label(result.status)
    }

    /// `≠` when any aspect of the repeated request disagrees, `=` when they all agree, `?` when the repeat was not
    /// run in the browser, `·` when the scenario has none.
    private static func repeatMark(_ rows: [VerificationRow]) -> String {
        let repeated = rows.filter { $0.aspect.hasPrefix(Verifier.repeatAspectPrefix) }
        if rows.isEmpty { return " " }
        if repeated.isEmpty { return "·" }
        if repeated.contains(where: { $0.agrees == false }) { return "≠" }
        return repeated.contains(where: { $0.agrees == true }) ? "=" : "?"
    }

    /// The detail lines for one scenario: the differing rows (every row with `verbose`), or why it did not run.
    static func details(file: String, result: VerificationResult, verbose: Bool) -> [String] {
        var lines: [String] = []
        switch result.status {
        case .agrees where !verbose:
            return []
        case .notVerifiable(let reason), .failed(let reason):
            return ["\(label(result.status))  \(file)", "      \(Escaping.visible(reason))"]
        default:
            lines.append("\(label(result.status))  \(file)")
        }
        for row in result.rows where verbose || row.agrees == false {
            let mark = row.agrees.map { $0 ? "=" : "≠" } ?? "?"
            lines.append("      \(mark) \(row.aspect)")
            lines += indented("evaluator", row.predicted)
            if row.agrees != true { lines += indented("browser", row.observed) }
        }
        return lines
    }

    private static func label(_ status: VerificationResult.Status) -> String {
        switch status {
        case .agrees: "AGREE"
        case .disagrees: "DISAGREE"
        case .notVerifiable: "NOT VERIFIABLE"
        case .failed: "FAILED"
        }
    }

    private static func padded(_ text: String, _ width: Int) -> String {
        text.count >= width
            ? String(text.prefix(width - 1)) + " " : text + String(repeating: " ", count: width - text.count)
    }

    private static func indented(_ label: String, _ text: String) -> [String] {
        let padded = padded(label, 10)
        return text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map { index, line in
            "          \(index == 0 ? padded : String(repeating: " ", count: 10))\(Escaping.visible(String(line)))"
        }
    }
}
