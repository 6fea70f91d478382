import CORSCore

/// The mark in front of a checked line: ✓, ✗ or ·, plus a word when colour is off.
enum Marker {
    /// The mark's text (with a trailing space) and style; empty for lines without checks.
    static func text(for line: LaneLine, display: DisplayOptions, glyphs: Glyphs) -> (text: String, style: CellStyle) {
        guard let status = line.status else { return ("", .plain) }
        let words = !display.usesColor
        switch status {
        case .pass:
            return (glyphs.pass + (words ? " ok    " : " "), .success)
        case .fail where line.failureMeansPreflight:
            return (glyphs.fail + (words ? " unsafe " : " "), .warning)
        case .fail:
            return (glyphs.fail + (words ? " FAIL  " : " "), .failure)
        case .info, .notApplicable:
            return (glyphs.info + (words ? " info  " : " "), .muted)
        }
    }
}

extension String {
    /// Width in cells once escaped.
    var width: Int { DisplayText.width(self) }
}
