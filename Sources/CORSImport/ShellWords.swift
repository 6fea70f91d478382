/// Splits a POSIX shell command line (bash flavour) into words, the way bash does before running it.
///
/// Handles what browsers' "Copy as cURL" writes: blanks between words, `'single'` and `"double"` quotes,
/// backslash escapes, backslash-newline continuations, `$'ANSI-C'` quoting (`\n`, `\t`, `\xHH`, `\uHHHH`, octal,
/// `\'`, …) and `#` comments at the start of a word. Expansions (`$VAR`, `` `cmd` ``, globs) are not performed:
/// `$` and `*` stay as written, as they do in the single-quoted text browsers produce.
public enum ShellWords {
    /// The words of `text`, or an error naming the unterminated quote and where it opened.
    public static func split(_ text: String) throws(ImportError) -> [String] {
        var scanner = Scanner(Array(text.unicodeScalars))
        return try scanner.words()
    }

    private struct Scanner {
        let scalars: [Unicode.Scalar]
        var index = 0

        init(_ scalars: [Unicode.Scalar]) {
            self.scalars = scalars
        }

        var current: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

        func peek(_ offset: Int) -> Unicode.Scalar? {
            index + offset < scalars.count ? scalars[index + offset] : nil
        }

        mutating func words() throws(ImportError) -> [String] {
            var words: [String] = []
            var word = ""
            var inWord = false
            while let scalar = current {
                switch scalar {
                case " ", "\t", "\n", "\r":
                    if inWord { words.append(word) }
                    word = ""
                    inWord = false
                    index += 1
                case "#" where !inWord:
                    while let next = current, next != "\n" { index += 1 }
                case "\\":
                    index += 1
                    if current == "\n" {
                        index += 1
                    } else if current == "\r" && peek(1) == "\n" {
                        index += 2
                    } else if let escaped = current {
                        word.unicodeScalars.append(escaped)
                        inWord = true
                        index += 1
                    }
                case "'":
                    word += try singleQuoted()
                    inWord = true
                case "\"":
                    word += try doubleQuoted()
                    inWord = true
                case "$" where peek(1) == "'":
                    index += 1
                    word += try ansiCQuoted()
                    inWord = true
                case "$" where peek(1) == "\"":
                    index += 1
                    word += try doubleQuoted()
                    inWord = true
                default:
                    word.unicodeScalars.append(scalar)
                    inWord = true
                    index += 1
                }
            }
            if inWord { words.append(word) }
            return words
        }

        mutating func singleQuoted() throws(ImportError) -> String {
            let start = index
            index += 1
            var text = ""
            while let scalar = current {
                index += 1
                if scalar == "'" { return text }
                text.unicodeScalars.append(scalar)
            }
            throw unterminated("'", at: start)
        }

        mutating func doubleQuoted() throws(ImportError) -> String {
            let start = index
            index += 1
            var text = ""
            while let scalar = current {
                index += 1
                switch scalar {
                case "\"":
                    return text
                case "\\":
                    guard let next = current else { continue }
                    if next == "\n" {
                        index += 1
                    } else if ["$", "`", "\"", "\\"].contains(next) {
                        text.unicodeScalars.append(next)
                        index += 1
                    } else {
                        text.unicodeScalars.append("\\")
                    }
                default:
                    text.unicodeScalars.append(scalar)
                }
            }
            throw unterminated("\"", at: start)
        }

        /// `$'…'`: bash's ANSI-C quoting; `index` is on the opening quote. `\xHH` and octal escapes are bytes, so
        /// `$'\xc3\xa9'` is `é` in UTF-8.
        mutating func ansiCQuoted() throws(ImportError) -> String {
            let start = index - 1
            index += 1
            var bytes: [UInt8] = []
            func append(_ scalar: Unicode.Scalar) { bytes += Array(String(scalar).utf8) }
            while let scalar = current {
                index += 1
                if scalar == "'" { return String(decoding: bytes, as: UTF8.self) }
                guard scalar == "\\", let next = current else {
                    append(scalar)
                    continue
                }
                index += 1
                switch next {
                case "n": bytes.append(0x0A)
                case "t": bytes.append(0x09)
                case "r": bytes.append(0x0D)
                case "a": bytes.append(0x07)
                case "b": bytes.append(0x08)
                case "e", "E": bytes.append(0x1B)
                case "f": bytes.append(0x0C)
                case "v": bytes.append(0x0B)
                case "x":
                    if let value = hexValue(maxDigits: 2) {
                        bytes.append(UInt8(value))
                    } else {
                        bytes += Array("\\x".utf8)
                    }
                case "u", "U":
                    if let value = hexValue(maxDigits: next == "u" ? 4 : 8) {
                        append(Unicode.Scalar(value) ?? "\u{FFFD}")
                    } else {
                        append("\\")
                        append(next)
                    }
                case "0"..."7":
                    var value = next.value - 48
                    var count = 1
                    while count < 3, let digit = current, ("0"..."7").contains(digit) {
                        value = value * 8 + digit.value - 48
                        index += 1
                        count += 1
                    }
                    bytes.append(UInt8(value & 0xFF))
                case "c":
                    if let control = current {
                        index += 1
                        bytes.append(UInt8(control.value & 0x1F))
                    }
                case "\\", "'", "\"", "?": append(next)
                default:
                    append("\\")
                    append(next)
                }
            }
            throw unterminated("$'", at: start)
        }

        /// Up to `maxDigits` hex digits, or nil when there is none.
        mutating func hexValue(maxDigits: Int) -> UInt32? {
            var value: UInt32 = 0
            var count = 0
            while count < maxDigits, let digit = current, let nibble = Self.hexValue(digit) {
                value = value * 16 + nibble
                index += 1
                count += 1
            }
            return count > 0 ? value : nil
        }

        static func hexValue(_ scalar: Unicode.Scalar) -> UInt32? {
            switch scalar {
            case "0"..."9": return scalar.value - 48
            case "a"..."f": return scalar.value - 87
            case "A"..."F": return scalar.value - 55
            default: return nil
            }
        }

        func unterminated(_ quote: String, at position: Int) -> ImportError {
            let line = scalars[..<position].count { $0 == "\n" } + 1
            let lineStart = scalars[..<position].lastIndex(of: "\n").map { $0 + 1 } ?? 0
            let column = position - lineStart + 1
            return ImportError(
                "the command has a \(quote) quote that is never closed (opened at line \(line), column \(column))")
        }
    }
}
