import CORSCore

/// The marks and lines the explorer draws, in Unicode or in plain ASCII for terminals without UTF-8.
struct Glyphs: Sendable, Equatable {
    var pass: String
    var fail: String
    var info: String
    var horizontal: Character
    var vertical: Character
    var topLeft: Character
    var topRight: Character
    var bottomLeft: Character
    var bottomRight: Character
    var arrowRight: String
    var arrowLeft: String
    var traveller: String
    var ellipsis: String

    static let unicode = Glyphs(
        pass: "✓", fail: "✗", info: "·", horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐",
        bottomLeft: "└", bottomRight: "┘", arrowRight: "▶", arrowLeft: "◀", traveller: "●", ellipsis: "…")

    static let ascii = Glyphs(
        pass: "v", fail: "x", info: "-", horizontal: "-", vertical: "|", topLeft: "+", topRight: "+",
        bottomLeft: "+", bottomRight: "+", arrowRight: ">", arrowLeft: "<", traveller: "o", ellipsis: "~")

    /// The mark of a check status: ✓ pass, ✗ fail, · anything else.
    func mark(for status: CheckStatus) -> String {
        switch status {
        case .pass: return pass
        case .fail: return fail
        case .info, .notApplicable: return info
        }
    }

    static func forDisplay(_ options: DisplayOptions) -> Glyphs { options.usesUnicode ? .unicode : .ascii }
}
