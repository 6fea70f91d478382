import CORSCore

/// Static facts of a policy that probing cannot see: how its regex entries are written.
enum PatternRules {
    /// The rules whose findings already show what an unanchored regex lets in.
    private static let demonstratedRules: Set<LintRule> = [
        .anyOriginWithCredentials, .anyOriginWithoutCredentials, .unanchoredOriginEnd, .suffixWithoutLabelBoundary,
        .unescapedDot,
    ]

    static func findings(_ context: LintContext, besides found: [LintFinding]) -> [LintFinding] {
        guard !found.contains(where: { demonstratedRules.contains($0.rule) }) else { return [] }
        let unanchored = context.patterns.compactMap { pattern -> String? in
            guard case .regex(let text) = pattern, !text.hasPrefix("^") || !isAnchoredAtEnd(text) else { return nil }
            return text
        }
        guard let pattern = unanchored.first else { return [] }
        let missing = [
            pattern.hasPrefix("^") ? nil : "^ at the start", isAnchoredAtEnd(pattern) ? nil : "$ at the end",
        ]
        .compactMap { $0 }.joined(separator: " and ")
        return [
            LintFinding(
                rule: .regexNotAnchored, severity: .low, title: "An origin regex is not anchored",
                explanation:
                    "The allow-list entry /\(pattern)/ lacks \(missing), so it is searched anywhere in the origin. "
                    + "None of the lint's attacker origins got in, but a domain built to contain the pattern may.",
                fix: "Anchor the regex with ^ and $ and escape its dots, or list the exact origins instead.")
        ]
    }

    /// Whether the regex ends with an unescaped `$`.
    private static func isAnchoredAtEnd(_ pattern: String) -> Bool {
        guard pattern.hasSuffix("$") else { return false }
        let backslashes = pattern.dropLast().reversed().prefix { $0 == "\\" }.count
        return backslashes % 2 == 0
    }
}
