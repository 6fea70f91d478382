import Testing

@testable import CORSImport

@Suite("Shell words: how bash splits a copied command")
struct ShellWordsTests {
    @Test(
        "quotes, escapes, continuations and ANSI-C strings",
        arguments: [
            ("curl 'a b' c", ["curl", "a b", "c"]),
            ("curl \"a \\\"b\\\" \\$x \\q\"", ["curl", "a \"b\" $x \\q"]),
            ("curl a\\ b", ["curl", "a b"]),
            ("curl 'x' \\\n  -H 'y'", ["curl", "x", "-H", "y"]),
            ("curl 'x' \\\r\n  -H 'y'", ["curl", "x", "-H", "y"]),
            ("curl $'it\\'s\\n\\t\\x41\\u00e9\\101'", ["curl", "it's\n\tAéA"]),
            ("curl $'\\xc3\\xa9'", ["curl", "é"]),
            ("curl 'a'\"b\"c", ["curl", "abc"]),
            ("curl '' x", ["curl", "", "x"]),
            ("curl x # a comment\n y", ["curl", "x", "y"]),
            ("curl a#b", ["curl", "a#b"]),
            ("curl '$HOME' *", ["curl", "$HOME", "*"]),
        ])
    func splits(_ text: String, _ words: [String]) throws {
        #expect(try ShellWords.split(text) == words)
    }

    @Test(
        "an unclosed quote is an error saying where it opened",
        arguments: [
            ("curl 'abc", "' quote that is never closed (opened at line 1, column 6)"),
            ("curl \\\n \"abc", "\" quote that is never closed (opened at line 2, column 2)"),
            ("curl $'abc", "$' quote that is never closed (opened at line 1, column 6)"),
        ])
    func unterminated(_ text: String, _ message: String) {
        #expect(throws: ImportError.self) { try ShellWords.split(text) }
        do {
            _ = try ShellWords.split(text)
        } catch {
            #expect(error.message.hasSuffix(message))
        }
    }
}
