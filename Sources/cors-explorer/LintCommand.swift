import ArgumentParser
import CORSCore
import CORSLint
import CORSReport
import CORSScenarios

/// `cors-explorer lint FILE…`: the security lint of each scenario's server, most severe finding first.
struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check each scenario's server for risky CORS settings, and show the attacker origins that get in.",
        discussion: """
            Each finding has a severity (info, low, medium, high, critical), a rule id, an explanation, a fix and, \
            when an attacker origin gets in, the evaluated request that proves it. The rules are in docs/lint.md.

            Exit status: 0 when no finding is high or critical, 1 when one is, 2 when a file is malformed.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Argument(help: "Scenario files or folders (folders expand to their .yaml, .yml and .json files).")
    var paths: [String]

    @Option(help: "The browser profile the attacker probes are evaluated as (default: each scenario's own).")
    var browser: BrowserProfile?

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    func run() throws {
        let files = try ScenarioPaths.expand(paths)
        var reports: [LintFileReport] = []
        for file in files {
            do {
                let scenario = try ScenarioLoader.load(path: file)
                let findings = PolicyLinter.findings(
                    server: scenario.server, request: scenario.request, browser: browser ?? scenario.browser)
                reports.append(LintFileReport(file: file, title: scenario.title, findings: findings, error: nil))
            } catch {
                Terminal.printError(error.description)
                reports.append(LintFileReport(file: file, title: nil, findings: [], error: error.description))
            }
        }
        switch format {
        case .json: print(LintFileReport.json(reports).serialized())
        case .text: printText(reports)
        }
        if reports.contains(where: { $0.error != nil }) { throw ExitCode(2) }
        if reports.contains(where: { $0.findings.contains { $0.severity >= .high } }) { throw ExitCode(1) }
    }

    private func printText(_ reports: [LintFileReport]) {
        let style = Terminal.textStyle()
        for (index, report) in reports.enumerated() {
            if index > 0 { print("") }
            guard report.error == nil else {
                print(style.red("\(Escaping.visible(report.file)): malformed, not linted"))
                continue
            }
            let title = report.title.map { "  (\(Escaping.visible($0)))" } ?? ""
            print(style.bold(Escaping.visible(report.file)) + style.dim(title))
            if report.findings.isEmpty {
                print("  " + style.green("no findings"))
                continue
            }
            for finding in report.findings {
                let label = paint(finding.severity.rawValue.uppercased().padding(to: 8), finding.severity, style)
                print("  \(label)  \(finding.ruleID)  \(style.bold(Escaping.visible(finding.title)))")
                print("            " + Escaping.visible(finding.explanation))
                print("            Fix: " + Escaping.visible(finding.fix))
                if let demo = finding.demonstration {
                    print("            Proof: " + Escaping.visible(demo.summary))
                }
            }
        }
        print("")
        print(LintFileReport.summaryLine(reports))
    }

    private func paint(_ text: String, _ severity: LintSeverity, _ style: TextStyle) -> String {
        switch severity {
        case .critical, .high: return style.bold(style.red(text))
        case .medium: return style.yellow(text)
        case .low: return style.cyan(text)
        case .info: return style.dim(text)
        }
    }
}

extension String {
    /// The string padded with spaces to `width` characters.
    fileprivate func padding(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
