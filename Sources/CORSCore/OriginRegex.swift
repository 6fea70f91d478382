/// Regex sources for origin allow-list entries, for middleware and servers that match origins with regexes.
public enum OriginRegex {
    /// A regex for a wildcard-subdomain entry such as `https://*.example.com`, anchored at both ends: the same scheme
    /// and port, and a host that ends with `.example.com` after at least one more label (as `OriginPattern` matches).
    public static func subdomain(scheme: String, baseHost: String, port: Int?) -> String {
        "^" + escaped(scheme + "://") + "[^/:]+\\." + escaped(baseHost) + (port.map { ":\($0)" } ?? "") + "$"
    }

    /// `text` with every regex metacharacter escaped, so that a regex matches it literally.
    public static func escaped(_ text: String) -> String {
        var output = ""
        for character in text {
            if "\\^$.|?*+()[]{}".contains(character) { output.append("\\") }
            output.append(character)
        }
        return output
    }
}
