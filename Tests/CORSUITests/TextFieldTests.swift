import CORSUI
import Testing

/// The one-line editor: keys in, text and cursor out. The cursor counts characters (graphemes), not bytes.
@Suite struct TextFieldTests {
    /// A start text with the cursor at `cursor`, the keys pressed, and the expected text and cursor.
    struct Case: Sendable, CustomTestStringConvertible {
        var start: String
        var cursor: Int
        var keys: [Key]
        var text: String
        var expectedCursor: Int
        var testDescription: String { "\"\(start)\"@\(cursor) + \(keys) → \"\(text)\"@\(expectedCursor)" }

        init(_ start: String, at cursor: Int? = nil, _ keys: [Key], _ text: String, _ expectedCursor: Int) {
            self.start = start
            self.cursor = cursor ?? start.count
            self.keys = keys
            self.text = text
            self.expectedCursor = expectedCursor
        }
    }

    /// A field holding `start` with the cursor moved to `cursor` (fields start with the cursor at the end).
    static func field(_ start: String, cursor: Int) -> TextField {
        var field = TextField(start)
        for _ in 0..<(start.count - cursor) { _ = field.handle(.left) }
        return field
    }

    static func run(_ testCase: Case) -> TextField {
        var field = field(testCase.start, cursor: testCase.cursor)
        for key in testCase.keys {
            let edits = field.handle(key)
            #expect(edits, "\(key) edits text")
        }
        return field
    }

    @Test func startsWithTheCursorAtTheEnd() {
        let field = TextField("GET, POST")
        #expect(field.text == "GET, POST")
        #expect(field.cursor == 9)
    }

    static let inserting: [Case] = [
        Case("", [.character("a")], "a", 1),
        Case("GET", [.character(","), .character(" "), .character("P")], "GET, P", 6),
        Case("ac", at: 1, [.character("b")], "abc", 2),
        Case("bc", at: 0, [.character("a")], "abc", 1),
        Case("caf", [.character("é")], "café", 4),
        Case("ok", at: 0, [.character("✓"), .character(" ")], "✓ ok", 2),
        Case("漢", at: 0, [.character("字")], "字漢", 1),
        Case("a", [.character("👍🏽")], "a👍🏽", 2),
        // A combining mark joins the character before it: the text grows by no character (found by .ci/torture;
        // the cursor used to end past the end, and the next key trapped).
        Case("e", [.character("\u{301}"), .character("x")], "éx", 2),
        Case("ab", at: 1, [.character("\u{301}"), .backspace, .character("y")], "yb", 1),
        Case("👍", [.character("\u{1F3FD}"), .character("!")], "👍🏽!", 2),
    ]

    @Test(arguments: inserting) func insert(_ testCase: Case) {
        let field = Self.run(testCase)
        #expect(field.text == testCase.text)
        #expect(field.cursor == testCase.expectedCursor)
    }

    static let deleting: [Case] = [
        Case("abc", [.backspace], "ab", 2),
        Case("abc", at: 0, [.backspace], "abc", 0),
        Case("", [.backspace], "", 0),
        Case("abc", at: 1, [.backspace], "bc", 0),
        Case("abc", at: 1, [.delete], "ac", 1),
        Case("abc", at: 1, [.control("d")], "ac", 1),
        Case("abc", [.delete], "abc", 3),
        Case("café", [.backspace], "caf", 3),
        Case("✓ ok", at: 1, [.backspace], " ok", 0),
        Case("漢字x", at: 1, [.delete], "漢x", 1),
        Case("a👍🏽b", at: 2, [.backspace], "ab", 1),
    ]

    @Test(arguments: deleting) func delete(_ testCase: Case) {
        let field = Self.run(testCase)
        #expect(field.text == testCase.text)
        #expect(field.cursor == testCase.expectedCursor)
    }

    static let moving: [Case] = [
        Case("abc", [.left], "abc", 2),
        Case("abc", at: 0, [.left], "abc", 0),
        Case("abc", [.right], "abc", 3),
        Case("abc", at: 1, [.right, .right, .right, .right], "abc", 3),
        Case("abc", [.left, .left, .left, .left, .left], "abc", 0),
        Case("abc", [.home], "abc", 0),
        Case("abc", at: 0, [.end], "abc", 3),
        Case("abc", [.control("a")], "abc", 0),
        Case("abc", at: 1, [.control("e")], "abc", 3),
        Case("é✓漢", [.left], "é✓漢", 2),
        Case("é✓漢", at: 0, [.right, .right], "é✓漢", 2),
    ]

    @Test(arguments: moving) func move(_ testCase: Case) {
        let field = Self.run(testCase)
        #expect(field.text == testCase.text)
        #expect(field.cursor == testCase.expectedCursor)
    }

    static let killing: [Case] = [
        Case("Content-Type: text/plain", at: 14, [.control("u")], "text/plain", 0),
        Case("Content-Type: text/plain", at: 12, [.control("k")], "Content-Type", 12),
        Case("abc", at: 0, [.control("u")], "abc", 0),
        Case("abc", [.control("k")], "abc", 3),
        Case("abc", [.control("u")], "", 0),
        Case("abc", at: 0, [.control("k")], "", 0),
        Case("é✓漢字", at: 2, [.control("k")], "é✓", 2),
        Case("é✓漢字", at: 2, [.control("u")], "漢字", 0),
    ]

    @Test(arguments: killing) func kill(_ testCase: Case) {
        let field = Self.run(testCase)
        #expect(field.text == testCase.text)
        #expect(field.cursor == testCase.expectedCursor)
    }

    @Test(arguments: [Key.up, .down, .enter, .escape, .tab, .backTab, .pageUp, .function(1), .control("x")])
    func keysThatDoNotEditAreRefused(_ key: Key) {
        var field = TextField("abc")
        let edits = field.handle(key)
        #expect(!edits)
        #expect(field == TextField("abc"))
    }

    @Test func pastedTextGoesInAtTheCursor() {
        var field = Self.field("https://.com", cursor: 8)
        field.insert("例え")
        #expect(field.text == "https://例え.com")
        #expect(field.cursor == 10)
    }
}
