/// Which origins a policy allows.
public enum OriginAllowance: Sendable, Equatable, Hashable {
    /// Send `Access-Control-Allow-Origin: *` to everyone.
    case any
    /// Echo whatever `Origin` arrives (the "reflect any origin" configuration).
    case reflectAny
    /// Echo the origin when it matches one of these entries; otherwise send no CORS headers.
    case list([OriginPattern])
}
