import CORSCore
import CORSServe
import Foundation

/// The text `verify` prints for one scenario.
enum VerificationText {
    static func lines(file: String, result: VerificationResult, verbose: Bool) -> [String] {
        var lines: [String]
        switch result.status {
        case .agrees: lines = ["AGREE           \(file)"]
        case .disagrees: lines = ["DISAGREE        \(file)"]
        case .notVerifiable(let reason): lines = ["NOT VERIFIABLE  \(file)", "      \(reason)"]
        case .failed(let reason): lines = ["FAILED          \(file)", "      \(Escaping.visible(reason))"]
        }
        for row in result.rows where verbose || row.agrees == false {
            let mark = row.agrees.map { $0 ? "=" : "≠" } ?? "?"
            lines.append("      \(mark) \(row.aspect)")
            lines += indented("evaluator", row.predicted)
            if row.agrees != true || verbose && row.predicted != row.observed {
                lines += indented("browser", row.observed)
            }
        }
        return lines
    }

    private static func indented(_ label: String, _ text: String) -> [String] {
        let padded = label.padding(toLength: 10, withPad: " ", startingAt: 0)
        return text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map { index, line in
            "          \(index == 0 ? padded : String(repeating: " ", count: 10))\(Escaping.visible(String(line)))"
        }
    }
}
