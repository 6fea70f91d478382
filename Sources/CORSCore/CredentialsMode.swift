/// The credentials mode of a request (fetch's `credentials`; XHR's `withCredentials`).
public enum CredentialsMode: String, Sendable, Equatable, Hashable, CaseIterable {
    /// Never send cookies or HTTP auth.
    case omit
    /// Send credentials only to the page's own origin (fetch's default; XHR with `withCredentials = false`).
    case sameOrigin = "same-origin"
    /// Always send credentials (XHR with `withCredentials = true`).
    case include
}
