import CORSCore

/// Turns any text, untrusted or not, into what a cell grid can show safely.
///
/// Control characters (C0, DEL, C1) become `\xNN` escapes, and invisible format characters such as bidi
/// overrides become `\u{…}`, so no input can drive the terminal or reorder the screen. Each remaining
/// grapheme is one cell wide, or two for East Asian wide characters and emoji.
///
/// For a terminal without UTF-8, `asciiOnly` also replaces every other non-ASCII grapheme by ASCII of the same
/// width (`–` becomes `-`, `…` becomes `~`, an unknown character `?`), so widths computed either way agree.
enum DisplayText {
    /// One grapheme and the number of cells it takes.
    struct Glyph: Equatable {
        var character: Character
        var width: Int
    }

    /// The glyphs of `text`, escaped, and only ASCII when `asciiOnly` is set.
    static func glyphs(_ text: String, asciiOnly: Bool = false) -> [Glyph] {
        var glyphs: [Glyph] = []
        glyphs.reserveCapacity(text.utf8.count)
        for character in Escaping.visible(text) {
            if character.isASCII {
                glyphs.append(Glyph(character: character, width: 1))
                continue
            }
            guard let first = character.unicodeScalars.first else { continue }
            if isInvisible(first) {
                for escaped in "\\u{\(String(first.value, radix: 16))}" {
                    glyphs.append(Glyph(character: escaped, width: 1))
                }
                continue
            }
            let width = isWide(character) ? 2 : 1
            if asciiOnly {
                let replacement = width == 1 ? asciiReplacement(character) : "?"
                for _ in 0..<width { glyphs.append(Glyph(character: replacement, width: 1)) }
            } else {
                glyphs.append(Glyph(character: character, width: width))
            }
        }
        return glyphs
    }

    /// One ASCII character for a one-cell non-ASCII grapheme: a look-alike when there is one, else `?`.
    private static func asciiReplacement(_ character: Character) -> Character {
        switch character {
        case "–", "—", "‒", "−", "─", "━", "·": return "-"
        case "•", "●": return "*"
        case "‘", "’", "‚", "′": return "'"
        case "“", "”", "„", "″": return "\""
        case "…": return "~"
        case "×": return "x"
        case "→", "▶", "►", "≥": return ">"
        case "←", "◀", "◄", "≤": return "<"
        case "↑": return "^"
        case "↓", "✓", "✔": return "v"
        case "✗", "✘": return "x"
        case "│", "┃": return "|"
        case "┌", "┐", "└", "┘", "├", "┤", "┬", "┴", "┼": return "+"
        case "⊘": return "/"
        case "\u{a0}": return " "
        default:
            // A letter with combining marks keeps its ASCII base letter.
            if let first = character.unicodeScalars.first, first.isASCII, first.value >= 0x20 {
                return Character(first)
            }
            return "?"
        }
    }

    /// The number of cells `text` takes once escaped.
    static func width(_ text: String) -> Int {
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text.utf8.count }
        return glyphs(text).reduce(0) { $0 + $1.width }
    }

    /// `text` cut to at most `width` cells, ending in `…` when something was cut.
    static func truncated(_ text: String, to width: Int) -> String {
        guard width > 0 else { return "" }
        guard self.width(text) > width else { return text }
        var result = ""
        var used = 0
        for glyph in glyphs(text) {
            if used + glyph.width > width - 1 { break }
            result.append(glyph.character)
            used += glyph.width
        }
        return result + "…"
    }

    /// `text` split into lines of at most `width` cells, breaking at spaces where it can.
    static func wrapped(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        var line: [Glyph] = []
        var lineWidth = 0
        var lastSpace: Int?
        for glyph in glyphs(text) {
            if lineWidth + glyph.width > width, !line.isEmpty {
                if let space = lastSpace, space > 0 {
                    lines.append(String(line[..<space].map(\.character)))
                    line = Array(line[(space + 1)...])
                } else {
                    lines.append(String(line.map(\.character)))
                    line = []
                }
                lineWidth = line.reduce(0) { $0 + $1.width }
                lastSpace = nil
                if glyph.character == " " && line.isEmpty { continue }
            }
            if glyph.character == " " { lastSpace = line.count }
            line.append(glyph)
            lineWidth += glyph.width
        }
        if !line.isEmpty || lines.isEmpty { lines.append(String(line.map(\.character))) }
        return lines
    }

    /// Format, private-use, surrogate and unassigned code points: invisible or undefined on a terminal.
    private static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .format, .privateUse, .surrogate, .unassigned, .lineSeparator, .paragraphSeparator: return true
        default: return false
        }
    }

    /// East Asian wide and fullwidth ranges, and emoji shown as pictures: two cells on a terminal.
    private static func isWide(_ character: Character) -> Bool {
        guard let scalar = character.unicodeScalars.first else { return false }
        if scalar.properties.isEmojiPresentation { return true }
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
            0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}
