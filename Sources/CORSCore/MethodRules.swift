/// The Fetch standard's rules for request methods.
public enum MethodRules {
    /// Methods no script may use: `CONNECT`, `TRACE`, `TRACK` (compared case-insensitively).
    public static func isForbidden(_ method: String) -> Bool {
        switch method.asciiUppercased {
        case "CONNECT", "TRACE", "TRACK": return true
        default: return false
        }
    }

    /// Normalizes a method: only case-insensitive matches for DELETE, GET, HEAD, OPTIONS, POST and PUT are uppercased.
    /// Everything else, `patch` included, is kept byte for byte.
    public static func normalize(_ method: String) -> String {
        let upper = method.asciiUppercased
        switch upper {
        case "DELETE", "GET", "HEAD", "OPTIONS", "POST", "PUT": return upper
        default: return method
        }
    }

    /// Whether the method is CORS-safelisted (`GET`, `HEAD`, `POST`), compared byte for byte after normalization.
    public static func isSafelisted(_ method: String) -> Bool {
        method == "GET" || method == "HEAD" || method == "POST"
    }
}
