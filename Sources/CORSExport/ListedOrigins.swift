import CORSCore

/// An origin allow-list cut down to the exact origins, for middleware without patterns.
struct ListedOrigins {
    /// The exact origins of the list, in order.
    var origins: [String]
    /// The pattern entries that had to be left out, as written.
    var leftOut: [String]

    /// The exact entries of `patterns`.
    static func exact(_ patterns: [OriginPattern]) -> ListedOrigins {
        var result = ListedOrigins(origins: [], leftOut: [])
        for pattern in patterns {
            if case .exact(let origin) = pattern {
                result.origins.append(origin)
            } else {
                result.leftOut.append(pattern.written)
            }
        }
        return result
    }

    /// The differences the cut makes, for a middleware named `target`.
    func differences(target: String) -> [String] {
        leftOut.isEmpty
            ? []
            : [
                "\(target) has no wildcard or regex origins: " + leftOut.joined(separator: ", ")
                    + " left out, so the origins they match are refused"
            ]
    }

    /// For a middleware that cannot echo Access-Control-Request-Headers: the script's header names to list
    /// instead, and the difference that says so.
    static func headersInsteadOfMirror(_ request: BrowserRequest, middleware: String) -> (
        names: [String], difference: String
    ) {
        let names = scriptHeaderNames(request)
        let listed = names.isEmpty ? "none" : names.joined(separator: ", ")
        return (
            names,
            "\(middleware) cannot echo Access-Control-Request-Headers; this lists the headers the scenario's script "
                + "sets (\(listed)), other headers are refused"
        )
    }

    /// The names of the headers the script sets, lower-cased and without repeats, in order.
    static func scriptHeaderNames(_ request: BrowserRequest) -> [String] {
        var names: [String] = []
        for header in request.headers where !names.contains(header.lowercasedName) {
            names.append(header.lowercasedName)
        }
        return names
    }
}
