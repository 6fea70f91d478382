import CORSCore

/// One response the server gave to a lint probe, with what asked for it.
struct ResponseSample {
    /// The `Origin` the probe sent.
    var origin: String
    /// Whether the probe was a preflight.
    var isPreflight: Bool
    /// The response as the server sent it.
    var response: ServerResponse

    /// `the preflight answer to https://app.example.com` or `the response to …`.
    var description: String {
        (isPreflight ? "the preflight answer to Origin " : "the response to Origin ") + origin
    }

    /// The comma-separated tokens of every `name` line, trimmed and lowercased.
    func tokens(_ name: String) -> [String] {
        response.headers.values(named: name).flatMap { value in
            value.split(separator: ",").map { String($0).trimmingHTTPWhitespace.asciiLowercased }
        }
    }

    /// Whether `Access-Control-Allow-Credentials` is exactly `true`.
    var allowsCredentials: Bool { response.headers.combinedValue(named: "Access-Control-Allow-Credentials") == "true" }

    /// The `Access-Control-Allow-Origin` values, one per line.
    var allowOrigin: [String] { response.headers.values(named: "Access-Control-Allow-Origin") }
}
