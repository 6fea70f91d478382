/// What the lint needs to know about a host name: IP or name, its registrable domain, private or shared hosting.
enum HostFacts {
    /// Whether `host` is an IPv4 or a bracketed IPv6 address.
    static func isIPAddress(_ host: String) -> Bool {
        host.hasPrefix("[") || (!host.isEmpty && host.allSatisfy { $0.isASCII && ($0.isNumber || $0 == ".") })
    }

    /// Second-level labels under which registrations happen one level deeper (`example.co.uk`).
    private static let secondLevelLabels: Set<String> = ["co", "com", "org", "net", "ac", "gov", "edu"]

    /// A simple registrable domain: the last two labels (three under `co.uk`-like suffixes); nil for IPs and
    /// single-label hosts.
    static func registrableDomain(_ host: String) -> String? {
        guard !isIPAddress(host) else { return nil }
        let labels = host.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard labels.count >= 2, !labels.contains(where: \.isEmpty) else { return nil }
        var keep = 2
        if labels.count >= 3, labels[labels.count - 1].count == 2, secondLevelLabels.contains(labels[labels.count - 2])
        {
            keep = 3
        }
        return labels.suffix(keep).joined(separator: ".")
    }

    /// Whether `host` is loopback or on a private network (RFC 1918, `.local`, `.internal`…).
    static func isPrivate(_ host: String) -> Bool {
        if isLoopback(host) { return true }
        for suffix in [".local", ".internal", ".lan", ".intranet", ".corp", ".home.arpa"] where host.hasSuffix(suffix) {
            return true
        }
        let octets = host.split(separator: ".").compactMap { Int($0) }
        guard isIPAddress(host), octets.count == 4 else { return host.hasPrefix("[fc") || host.hasPrefix("[fd") }
        return octets[0] == 10 || (octets[0] == 192 && octets[1] == 168)
            || (octets[0] == 172 && (16...31).contains(octets[1])) || (octets[0] == 169 && octets[1] == 254)
    }

    /// Whether `host` is `localhost`, under `.localhost`, `127.x.x.x` or `[::1]`.
    static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host.hasSuffix(".localhost") || host == "[::1]"
            || (isIPAddress(host) && host.hasPrefix("127."))
    }

    /// Domains where anyone can publish a page under a subdomain or a path of a shared origin.
    static let sharedHostingSuffixes = [
        "github.io", "gitlab.io", "codepen.io", "cdpn.io", "jsfiddle.net", "jshell.net", "jsbin.com",
        "repl.co", "replit.dev", "glitch.me", "herokuapp.com", "netlify.app", "vercel.app", "pages.dev",
        "web.app", "firebaseapp.com", "s3.amazonaws.com", "azurewebsites.net", "stackblitz.io", "codesandbox.io",
    ]

    /// The shared-hosting domain `host` belongs to, if any.
    static func sharedHostingDomain(_ host: String) -> String? {
        sharedHostingSuffixes.first { host == $0 || host.hasSuffix("." + $0) }
    }
}
