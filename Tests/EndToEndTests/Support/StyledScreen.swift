/// A screen captured with `tmux capture-pane -e`: the text, and per character the attributes the tests look at.
struct StyledScreen: Equatable {
    /// One character with its attributes.
    struct Cell: Equatable {
        var character: Character
        var isBold = false
        var isReversed = false
        /// The foreground colour as SGR parameters (`"31"`, `"38;5;196"`), or nil for the default colour.
        var foreground: String?
    }

    /// The capture as tmux printed it, escape sequences included.
    let raw: String
    /// The cells of each line.
    let lines: [[Cell]]

    init(capture: String) {
        raw = capture
        var parser = SGRParser()
        lines = capture.split(separator: "\n", omittingEmptySubsequences: false).map { parser.cells(of: $0) }
    }

    /// The text without attributes, as plain `capture-pane -p` shows it.
    var text: String {
        lines.map { String($0.map(\.character)) }.joined(separator: "\n")
    }

    /// The reversed characters of each line, for example an editor's selected row (the title bar is reversed
    /// too).
    var reversedRuns: [String] {
        lines.map { String($0.filter(\.isReversed).map(\.character)) }
    }

    /// Whether a visible character has a colour of its own.
    var hasColoredText: Bool {
        lines.joined().contains { $0.foreground != nil && !$0.character.isWhitespace }
    }

    /// The SGR foreground colour codes anywhere in the capture: 30–37, 90–97 and 38 (extended).
    var foregroundColorCodes: Set<Int> {
        var codes: Set<Int> = []
        for sequence in SGRParser.sequences(in: raw) {
            var parameters = sequence.makeIterator()
            while let parameter = parameters.next() {
                switch parameter {
                case 30...37, 90...97: codes.insert(parameter)
                case 38, 48:
                    if parameter == 38 { codes.insert(38) }
                    // 38;5;n or 38;2;r;g;b: skip the colour's own numbers.
                    switch parameters.next() {
                    case 5: _ = parameters.next()
                    case 2: for _ in 0..<3 { _ = parameters.next() }
                    default: break
                    }
                default: break
                }
            }
        }
        return codes
    }

    static func == (left: StyledScreen, right: StyledScreen) -> Bool { left.raw == right.raw }
}

/// Follows SGR escape sequences (`ESC [ … m`) through a capture; other escape sequences are dropped.
private struct SGRParser {
    var bold = false
    var reversed = false
    var foreground: String?

    /// The cells of one line; attributes carry over from the previous line, as tmux prints them.
    mutating func cells(of line: Substring) -> [StyledScreen.Cell] {
        var cells: [StyledScreen.Cell] = []
        var scalars = line.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            guard scalar == "\u{1B}" else {
                cells.append(
                    StyledScreen.Cell(
                        character: Character(scalar), isBold: bold, isReversed: reversed, foreground: foreground))
                continue
            }
            guard scalars.next() == "[" else { continue }
            var body = ""
            while let next = scalars.next() {
                if (0x40...0x7E).contains(next.value) {
                    if next == "m" { apply(Self.parameters(body)) }
                    break
                }
                body.unicodeScalars.append(next)
            }
        }
        return cells
    }

    private mutating func apply(_ parameters: [Int]) {
        var iterator = parameters.makeIterator()
        while let parameter = iterator.next() {
            switch parameter {
            case 0:
                bold = false
                reversed = false
                foreground = nil
            case 1: bold = true
            case 22: bold = false
            case 7: reversed = true
            case 27: reversed = false
            case 30...37, 90...97: foreground = String(parameter)
            case 39: foreground = nil
            case 38, 48:
                var numbers = [parameter]
                if let kind = iterator.next() {
                    numbers.append(kind)
                    for _ in 0..<(kind == 5 ? 1 : kind == 2 ? 3 : 0) { iterator.next().map { numbers.append($0) } }
                }
                if parameter == 38 { foreground = numbers.map(String.init).joined(separator: ";") }
            default: break
            }
        }
    }

    /// `"0;1;7"` as numbers; an empty list means 0. Sub-parameters (`38:5:1`) count like parameters.
    static func parameters(_ body: String) -> [Int] {
        let numbers = body.split(separator: ";", omittingEmptySubsequences: false)
            .flatMap { $0.split(separator: ":", omittingEmptySubsequences: false) }
            .map { Int($0) ?? 0 }
        return numbers.isEmpty ? [0] : numbers
    }

    /// The parameters of every SGR sequence in `text`.
    static func sequences(in text: String) -> [[Int]] {
        var result: [[Int]] = []
        var scalars = text.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            guard scalar == "\u{1B}", scalars.next() == "[" else { continue }
            var body = ""
            while let next = scalars.next() {
                if (0x40...0x7E).contains(next.value) {
                    if next == "m" { result.append(parameters(body)) }
                    break
                }
                body.unicodeScalars.append(next)
            }
        }
        return result
    }
}
