/// The result of one check.
public enum CheckStatus: String, Sendable, Equatable, Hashable {
    /// The rule is satisfied.
    case pass
    /// The rule is violated; the request fails here (or would, if an earlier check had not failed first).
    case fail
    /// The rule does not apply to this request.
    case notApplicable = "n/a"
    /// Information that is neither pass nor fail (a dropped header, a cache hit, a browser difference).
    case info
}
