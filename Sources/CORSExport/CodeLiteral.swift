/// String literals for the languages exports are written in, escaped so any text stays data.
enum CodeLiteral {
    /// A POSIX sh word in single quotes: `'` becomes `'\''`, and control characters other than line feeds and tabs
    /// come from `printf` (`"$(printf '\033')"`), so that printing the script never drives a terminal.
    static func shell(_ text: String) -> String {
        var output = "'"
        for scalar in text.unicodeScalars {
            if scalar == "'" {
                output += "'\\''"
            } else if scalar != "\n" && scalar != "\t" && (scalar.value < 0x20 || scalar.value == 0x7F) {
                let octal = String(scalar.value, radix: 8)
                output += "'\"$(printf '\\" + String(repeating: "0", count: 3 - octal.count) + octal + "')\"'"
            } else {
                output.unicodeScalars.append(scalar)
            }
        }
        return output + "'"
    }

    /// A JavaScript string in single quotes.
    static func javaScript(_ text: String) -> String {
        "'" + escaped(text, quote: "'", unicode: { hex4($0) }) + "'"
    }

    /// A Python string in single quotes.
    static func python(_ text: String) -> String {
        "'" + escaped(text, quote: "'", unicode: { hex4($0) }) + "'"
    }

    /// A Swift string in double quotes.
    static func swift(_ text: String) -> String {
        "\"" + escaped(text, quote: "\"", unicode: { "\\u{" + String($0, radix: 16) + "}" }) + "\""
    }

    /// A Java string in double quotes.
    static func java(_ text: String) -> String {
        "\"" + escaped(text, quote: "\"", unicode: { hex4($0) }) + "\""
    }

    /// The nginx variable that holds a literal `$` (nginx strings have no escape for it); see `nginxDollarGeo`.
    static let nginxDollar = "${cors_dollar}"

    /// The `geo` block that defines `nginxDollar`, needed when a literal `$` is written.
    static let nginxDollarGeo = "geo $cors_dollar { default \"$\"; }"

    /// An nginx string in double quotes holding `text` literally: `\` and `"` are escaped, `$` is written as
    /// `nginxDollar`, and controls become spaces (an nginx string cannot carry them).
    static func nginx(_ text: String) -> String {
        var output = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": output += "\\\\"
            case "\"": output += "\\\""
            case "$": output += nginxDollar
            case _ where scalar.value < 0x20 || scalar.value == 0x7F: output += " "
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output + "\""
    }

    /// A text safe inside a one-line comment of any of the languages: controls become visible escapes and comment
    /// terminators are broken up.
    static func comment(_ text: String) -> String {
        var output = ""
        for scalar in text.unicodeScalars {
            if scalar.value < 0x20 || (scalar.value >= 0x7F && scalar.value < 0xA0) || scalar == "\u{2028}"
                || scalar == "\u{2029}"
            {
                output += "\\x" + String(scalar.value, radix: 16)
            } else {
                output.unicodeScalars.append(scalar)
            }
        }
        return output.replacing("*/", with: "* /")
    }

    private static func escaped(_ text: String, quote: Character, unicode: (UInt32) -> String) -> String {
        var output = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case _ where Character(scalar) == quote: output += "\\" + String(quote)
            case _
            where scalar.value < 0x20 || scalar.value == 0x7F || scalar == "\u{2028}" || scalar == "\u{2029}":
                output += unicode(scalar.value)
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output
    }

    /// `\u` and four lower-case hex digits.
    private static func hex4(_ value: UInt32) -> String {
        let hex = String(value, radix: 16)
        return "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
