/// What an exchange step is.
public enum StepKind: String, Sendable, Equatable, Hashable {
    /// The OPTIONS request the browser sends first.
    case preflight
    /// A preflight the browser skipped because its cache already allowed the request.
    case preflightCacheHit = "preflight-cache-hit"
    /// The script's own request (one step per hop when redirected).
    case actual
}
