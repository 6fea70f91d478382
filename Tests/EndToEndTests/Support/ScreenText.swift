/// Reading the explorer's screen as text.
enum ScreenText {
    /// The screen as one line: rows trimmed and joined with a space, so text that the app wrapped over several
    /// rows (the console message under the verdict) can be matched as one sentence.
    static func flattened(_ screen: String) -> String {
        screen.split(whereSeparator: \.isNewline)
            .map { $0.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
            .filter { !$0.isEmpty }
            .joined(separator: " ")
    }

    /// The verdict bar under the lane (`✗ BLOCKED   Blocked: …`), or nil while the browser is still at work.
    ///
    /// The lane shows the verdict too, but inside its `│` borders; the bar has none.
    static func verdictBar(_ screen: String) -> String? {
        screen.split(whereSeparator: \.isNewline)
            .map { $0.trimmingWhitespace }
            .first { !$0.hasPrefix("│") && ($0.contains("ALLOWED") || $0.contains("BLOCKED")) }
    }

    /// The lane row of a response header (`│   ✗ Access-Control-Allow-Methods: GET, POST   │`), or nil when it is
    /// not on screen. Without colour the mark carries a word: `✗ FAIL  Access-Control-Allow-Methods: …`.
    static func laneRow(of header: String, in screen: String) -> LaneRow? {
        for line in screen.split(whereSeparator: \.isNewline) {
            let trimmed = line.trimmingWhitespace
            guard trimmed.hasPrefix("│") else { continue }
            var words = trimmed.dropFirst().split(whereSeparator: \.isWhitespace)
            if words.last == "│" { words.removeLast() }
            guard words.count >= 2, words[0].count == 1, let mark = words[0].first else { continue }
            if words[1].hasPrefix(header + ":") || (words.count >= 3 && words[2].hasPrefix(header + ":")) {
                return LaneRow(mark: mark, text: words.joined(separator: " "))
            }
        }
        return nil
    }

    /// A lane row: its mark (`✓`, `✗`, `·`…) and its words.
    struct LaneRow: Equatable, CustomStringConvertible {
        var mark: Character
        var text: String
        var description: String { text }
    }
}

extension StringProtocol {
    var trimmingWhitespace: String {
        String(drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }
}
