/// What a piece of text means; the terminal picks a colour for it, or none under `NO_COLOR`.
public enum StyleRole: Sendable, Equatable, Hashable, CaseIterable {
    /// Ordinary text.
    case plain
    /// Secondary text (notes, hints, unchanged headers).
    case muted
    /// Something to notice: the CORS headers of a request, titles, keys.
    case accent
    /// A check that passed; an allowed verdict.
    case success
    /// A check that failed; a blocked verdict.
    case failure
    /// A warning or an opaque result.
    case warning

    /// The one-letter code used in text snapshots of a canvas.
    var snapshotCode: Character {
        switch self {
        case .plain: return "."
        case .muted: return "m"
        case .accent: return "a"
        case .success: return "s"
        case .failure: return "f"
        case .warning: return "w"
        }
    }
}
