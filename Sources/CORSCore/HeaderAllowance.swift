/// How a policy answers `Access-Control-Request-Headers`.
public enum HeaderAllowance: Sendable, Equatable, Hashable {
    /// Send exactly these names (nothing when empty).
    case list([String])
    /// Send `Access-Control-Allow-Headers: *`.
    case wildcard
    /// Echo the request's `Access-Control-Request-Headers`.
    case mirror
}
