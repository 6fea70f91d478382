import CORSCore

extension Origin {
    /// The host of a tuple origin; nil for an opaque one.
    var host: String? {
        guard case .tuple(_, let host, _) = self else { return nil }
        return host
    }
}
