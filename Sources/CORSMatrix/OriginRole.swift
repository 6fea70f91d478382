/// Why an origin is a row of the matrix.
public enum OriginRole: String, Sendable, Equatable, Hashable, CaseIterable {
    /// The scenario's own page.
    case page
    /// A subdomain of the page's host.
    case subdomain
    /// The page's host with the other of `http` and `https`.
    case schemeTwin = "scheme twin"
    /// The opaque origin `null` (sandboxed iframes, `file:` and `data:` pages).
    case null
    /// One of the security lint's attacker origins.
    case attacker
}
