import CORSCore
import CORSLint
import CORSReport

/// One file's lint result, and the text summary and JSON form of a whole run (docs/lint.md).
struct LintFileReport {
    var file: String
    /// The scenario's title, or nil when the file did not load.
    var title: String?
    var findings: [LintFinding]
    /// The load error, for a malformed file.
    var error: String?

    /// `57 files: 1 critical, 2 high, …; 40 without findings, 1 malformed`.
    static func summaryLine(_ reports: [LintFileReport]) -> String {
        let all = reports.flatMap(\.findings)
        let counts = LintSeverity.allCases.reversed().compactMap { severity -> String? in
            let count = all.count { $0.severity == severity }
            return count > 0 ? "\(count) \(severity.rawValue)" : nil
        }
        let clean = reports.count { $0.error == nil && $0.findings.isEmpty }
        let malformed = reports.count { $0.error != nil }
        var line = "\(reports.count) file\(reports.count == 1 ? "" : "s"): "
        line += counts.isEmpty ? "no findings" : counts.joined(separator: ", ")
        line += "; \(clean) without findings"
        if malformed > 0 { line += ", \(malformed) malformed" }
        return line
    }

    /// The JSON report of a run.
    static func json(_ reports: [LintFileReport]) -> JSONValue {
        let all = reports.flatMap(\.findings)
        let counts: [(String, JSONValue)] = LintSeverity.allCases.reversed().map { severity in
            (severity.rawValue, .int(all.count { $0.severity == severity }))
        }
        return .object([
            ("files", .array(reports.map(\.json))),
            (
                "summary",
                .object([
                    ("files", .int(reports.count)), ("findings", .int(all.count)),
                    ("malformed", .int(reports.count { $0.error != nil })), ("by_severity", .object(counts)),
                ])
            ),
        ])
    }

    private var json: JSONValue {
        .object([
            ("file", .string(file)),
            ("title", title.map(JSONValue.string) ?? .null),
            ("error", error.map(JSONValue.string) ?? .null),
            ("highest_severity", PolicyLinter.highestSeverity(of: findings).map { .string($0.rawValue) } ?? .null),
            ("findings", .array(findings.map(Self.json))),
        ])
    }

    private static func json(_ finding: LintFinding) -> JSONValue {
        .object([
            ("rule", .string(finding.ruleID)),
            ("severity", .string(finding.severity.rawValue)),
            ("title", .string(finding.title)),
            ("explanation", .string(finding.explanation)),
            ("fix", .string(finding.fix)),
            ("demonstration", finding.demonstration.map(json) ?? .null),
        ])
    }

    private static func json(_ demo: LintDemonstration) -> JSONValue {
        .object([
            ("attacker_origin", .string(demo.attackerOrigin)),
            ("method", .string(demo.request.method)),
            ("url", .string(demo.request.url.description)),
            ("credentials", .string(demo.request.credentials.rawValue)),
            ("browser", .string(demo.browser.rawValue)),
            ("outcome", .string(demo.outcome.rawValue)),
            ("sends_credentials", .bool(demo.sendsCredentials)),
            ("readable_headers", .array(demo.readableHeaders.map(JSONValue.string))),
            ("summary", .string(demo.summary)),
        ])
    }
}
