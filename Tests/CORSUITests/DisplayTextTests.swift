import Testing

@testable import CORSUI

/// What reaches a cell: escaped control and format characters, cell widths, truncation and wrapping.
@Suite struct DisplayTextTests {
    static func shown(_ text: String, asciiOnly: Bool = false) -> String {
        String(DisplayText.glyphs(text, asciiOnly: asciiOnly).map(\.character))
    }

    @Test(arguments: [
        ("\u{1b}[2J", "\\x1b[2J"),
        ("a\u{0}b", "a\\x00b"),
        ("del\u{7f}", "del\\x7f"),
        ("\u{9b}31m", "\\x9b31m"),
        ("a\tb", "a\\tb"),
        ("line\nnext", "line\\nnext"),
        ("cr\r", "cr\\r"),
        ("bell\u{7}", "bell\\x07"),
        ("plain text", "plain text"),
    ])
    func controlCharactersAreEscaped(_ input: String, _ expected: String) {
        #expect(Self.shown(input) == expected)
    }

    @Test(arguments: [
        ("evil\u{202e}txt.exe", "evil\\u{202e}txt.exe"),
        ("a\u{200b}b", "a\\u{200b}b"),
        ("\u{2066}x\u{2069}", "\\u{2066}x\\u{2069}"),
        ("bom\u{feff}", "bom\\u{feff}"),
        ("private\u{e000}", "private\\u{e000}"),
        ("para\u{2029}", "para\\u{2029}"),
    ])
    func invisibleFormatCharactersAreEscaped(_ input: String, _ expected: String) {
        #expect(Self.shown(input) == expected)
    }

    @Test(arguments: [
        ("abc", 3),
        ("", 0),
        ("café", 4),
        ("cafe\u{301}", 4),
        ("✓ ok", 4),
        ("漢字", 4),
        ("ｱ", 1),
        ("ＡＢ", 4),
        ("한국", 4),
        ("👍", 2),
        ("👍🏽", 2),
        ("👨‍👩‍👧", 2),
        ("a😀b", 4),
        ("\u{1b}", 4),
        ("\u{202e}", 8),
    ])
    func width(_ text: String, _ cells: Int) {
        #expect(DisplayText.width(text) == cells)
        #expect(DisplayText.glyphs(text).reduce(0) { $0 + $1.width } == cells)
    }

    @Test(arguments: [
        ("hello world", 5, "hell…"),
        ("hello", 5, "hello"),
        ("hello", 10, "hello"),
        ("hello", 1, "…"),
        ("hello", 0, ""),
        ("hello", -3, ""),
        ("漢字漢字", 5, "漢字…"),
        ("漢字漢字", 4, "漢…"),
        ("漢字漢字", 8, "漢字漢字"),
        ("ab\u{1b}cd", 4, "ab\\…"),
        ("✓✓✓✓", 3, "✓✓…"),
    ])
    func truncated(_ text: String, _ width: Int, _ expected: String) {
        let result = DisplayText.truncated(text, to: width)
        #expect(result == expected)
        #expect(DisplayText.width(result) <= max(width, 0))
    }

    @Test(arguments: [
        ("the quick brown fox", 10, ["the quick", "brown fox"]),
        ("the quick brown fox", 19, ["the quick brown fox"]),
        ("hello world", 5, ["hello", "world"]),
        ("abcdefghijklmnop", 5, ["abcde", "fghij", "klmno", "p"]),
        ("go https://fetch.spec.whatwg.org/#x now", 12, ["go", "https://fetc", "h.spec.whatw", "g.org/#x now"]),
        ("", 10, [""]),
        ("漢字漢字", 5, ["漢字", "漢字"]),
        ("漢字", 1, ["漢", "字"]),
        ("x", 0, []),
    ])
    func wrapped(_ text: String, _ width: Int, _ expected: [String]) {
        #expect(DisplayText.wrapped(text, width: width) == expected)
    }

    @Test(arguments: [
        "hello world, this is a longer sentence to wrap", "Access-Control-Allow-Origin: https://a.example",
    ])
    func wrappedLinesFitAndKeepEveryWord(_ text: String) {
        for width in 4...30 {
            let lines = DisplayText.wrapped(text, width: width)
            #expect(lines.allSatisfy { DisplayText.width($0) <= width }, "width \(width): \(lines)")
            #expect(
                lines.joined().filter { $0 != " " } == text.filter { $0 != " " }, "width \(width): \(lines)")
        }
    }

    @Test(arguments: [
        ("cors-explorer · 1×", "cors-explorer - 1x"),
        ("waiting…", "waiting~"),
        ("200–299 ‘a’ “b”", "200-299 'a' \"b\""),
        ("✓ ✗ ↑↓ ◀─▶ │┌┘", "v x ^v <-> |++"),
        ("café", "caf?"),
        ("cafe\u{301}", "cafe"),
        ("漢字", "????"),
        ("👍", "??"),
        ("\u{1b}", "\\x1b"),
    ])
    func asciiOnlyKeepsTheWidth(_ text: String, _ expected: String) {
        let ascii = Self.shown(text, asciiOnly: true)
        #expect(ascii == expected)
        #expect(ascii.unicodeScalars.allSatisfy { $0.isASCII })
        #expect(DisplayText.glyphs(text, asciiOnly: true).count == DisplayText.width(text))
    }

    // MARK: Canvas

    static let hostile = "\u{1b}[2J\u{1b}]0;pwned\u{7}\u{9b}31m\u{0}\u{7f}\r\n\t\u{202e}\u{200b}漢👍é"

    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F..<0xA0).contains(scalar.value)
    }

    @Test(arguments: [false, true])
    func canvasNeverHoldsAControlCharacter(asciiOnly: Bool) {
        var canvas = Canvas(size: Size(columns: 30, rows: 3), asciiOnly: asciiOnly)
        canvas.put(Self.hostile, column: 0, row: 0)
        canvas.put(Self.hostile, column: 5, row: 1, clip: Rect(x: 6, y: 1, width: 10, height: 1))
        canvas.put(Self.hostile, column: -3, row: 2)
        for cell in canvas.cells {
            #expect(!cell.character.unicodeScalars.contains(where: Self.isControl), "\(cell)")
            #expect(!cell.character.unicodeScalars.contains { $0.properties.generalCategory == .format }, "\(cell)")
        }
        #expect(canvas.lines[0].hasPrefix("\\x1b[2J\\x1b]0;pwned\\x07\\x9b31m"))
        #expect(canvas.lines.allSatisfy { $0.count <= 30 })
        if asciiOnly { #expect(canvas.text.unicodeScalars.allSatisfy { $0.isASCII }) }
    }

    @Test func putClipsAndReturnsTheNextColumn() {
        var canvas = Canvas(size: Size(columns: 10, rows: 2))
        #expect(canvas.put("abc", column: 2, row: 0) == 5)
        #expect(canvas.put("0123456789abc", column: 0, row: 1, clip: Rect(x: 2, y: 1, width: 4, height: 1)) == 6)
        #expect(canvas.lines == ["  abc     ", "  2345    "])
        #expect(canvas.put("x", column: 0, row: 5) == 0)
    }

    @Test func wideCharactersTakeTwoCellsAndNeverHalfOfOne() {
        var canvas = Canvas(size: Size(columns: 5, rows: 1))
        canvas.put("a漢字", column: 0, row: 0)
        #expect(canvas.lines == ["a漢字"])
        #expect(canvas[2, 0].isContinuation)
        #expect(canvas[4, 0].isContinuation)
        var narrow = Canvas(size: Size(columns: 4, rows: 1))
        narrow.put("a漢字", column: 0, row: 0)
        #expect(narrow.lines == ["a漢 "])
        #expect(!narrow[3, 0].isContinuation)
    }
}
