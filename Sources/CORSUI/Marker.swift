import CORSCore

/// The mark in front of a checked line: ✓, ✗ or ·, plus a word when colour is off.
enum Marker {
    /// The mark's text (with a trailing space) and style; empty for lines without checks, except response headers,
    /// which get blanks of the same width so that all header names line up.
    static func text(for line: LaneLine, display: DisplayOptions, glyphs: Glyphs) -> (text: String, style: CellStyle) {
        let words = !display.usesColor
        // Without colour every mark carries a word, padded so that the texts after the marks line up.
        func mark(_ glyph: String, _ word: String) -> String {
            words ? glyph + " " + word + String(repeating: " ", count: max(7 - word.count, 1)) : glyph + " "
        }
        guard let status = line.status else {
            guard line.kind == .responseHeader else { return ("", .plain) }
            return (String(repeating: " ", count: mark(glyphs.pass, "").width), .plain)
        }
        let glyph = glyphs.mark(for: status)
        switch status {
        case .pass:
            return (mark(glyph, "ok"), .success)
        case .fail where line.failureMeansPreflight:
            return (mark(glyph, "unsafe"), .warning)
        case .fail:
            return (mark(glyph, "FAIL"), .failure)
        case .info, .notApplicable:
            return (mark(glyph, "info"), .muted)
        }
    }
}

extension String {
    /// Width in cells once escaped.
    var width: Int { DisplayText.width(self) }
}
