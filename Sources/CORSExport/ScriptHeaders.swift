import CORSCore

/// The header names a scenario's script sets: what an export lists for a middleware that cannot echo
/// `Access-Control-Request-Headers`.
enum ScriptHeaders {
    /// The names of the headers `request`'s script sets, lower-cased and without repeats, in order.
    static func names(_ request: BrowserRequest) -> [String] {
        var names: [String] = []
        for header in request.headers where !names.contains(header.lowercasedName) {
            names.append(header.lowercasedName)
        }
        return names
    }
}
