/// How bad a lint finding is, from `info` (worth knowing) to `critical` (any website reads users' data).
///
/// Severities are ordered: `info < low < medium < high < critical`.
public enum LintSeverity: String, Sendable, Equatable, Hashable, Comparable, CaseIterable {
    /// Worth knowing; not a risk by itself.
    case info
    /// A small risk, or a setting that does not do what it seems to.
    case low
    /// A real risk under some conditions, or a configuration that breaks the API for everyone.
    case medium
    /// An attacker who meets one condition (a look-alike domain, a sandboxed iframe) reads users' data.
    case high
    /// Any website can read responses with the user's cookies.
    case critical

    /// The severity's rank: 0 for `info` up to 4 for `critical`.
    public var rank: Int {
        switch self {
        case .info: return 0
        case .low: return 1
        case .medium: return 2
        case .high: return 3
        case .critical: return 4
        }
    }

    /// Orders severities by rank.
    public static func < (lhs: LintSeverity, rhs: LintSeverity) -> Bool { lhs.rank < rhs.rank }
}
