/// A browser's preflight cache, as a value: evaluations read it and return the updated copy.
///
/// Chromium and Safari keep one result per (origin, URL) and replace it with each new preflight; Firefox and the
/// spec keep per-method and per-header entries. For the single origin and URL of an exchange both shapes reduce to
/// one entry per key whose lists are replaced (Chromium, Safari) or merged (Firefox, spec).
public struct PreflightCache: Sendable, Equatable {
    /// The live entries.
    public var entries: [PreflightCacheEntry]

    /// An empty cache.
    public init(entries: [PreflightCacheEntry] = []) {
        self.entries = entries
    }

    /// The entry that serves a request, if one is alive at `now` and covers its method and unsafe headers.
    public func lookup(
        origin: String, url: String, credentials: Bool, method: String, unsafeHeaders: [String],
        hasForcedPreflight: Bool,
        browser: BrowserProfile, now: Double
    ) -> PreflightCacheEntry? {
        guard
            let entry = entries.first(where: {
                $0.origin == origin && $0.url == url && now < $0.expiresAt && ($0.credentials || !credentials)
            })
        else { return nil }
        // Firefox compares cached methods and headers literally (only GET and POST skip the method check);
        // Chromium always lets safelisted methods through; the spec needs a method entry when the preflight is forced.
        let methodExempt: Bool
        switch browser {
        case .firefox: methodExempt = method == "GET" || method == "POST"
        case .chromium: methodExempt = MethodRules.isSafelisted(method)
        case .safari, .spec: methodExempt = MethodRules.isSafelisted(method) && !hasForcedPreflight
        }
        let wildcards = browser != .firefox && !credentials
        let methodCovered = methodExempt || entry.methods.contains(method) || (wildcards && entry.methods.contains("*"))
        guard methodCovered else { return nil }
        for name in unsafeHeaders {
            let covered =
                entry.headerNames.contains(name)
                || (wildcards && entry.headerNames.contains("*") && (name != "authorization" || browser != .spec))
            if !covered { return nil }
        }
        return entry
    }

    /// Stores a successful preflight's result.
    public mutating func store(_ entry: PreflightCacheEntry, browser: BrowserProfile) {
        if let index = entries.firstIndex(where: { $0.origin == entry.origin && $0.url == entry.url }) {
            switch browser {
            case .chromium, .safari:
                entries[index] = entry
            case .firefox, .spec:
                var merged = entry
                merged.methods = Array(Set(entries[index].methods + entry.methods)).sorted()
                merged.headerNames = Array(Set(entries[index].headerNames + entry.headerNames)).sorted()
                merged.credentials = entry.credentials || entries[index].credentials
                entries[index] = merged
            }
        } else {
            entries.append(entry)
        }
    }

    /// Drops every entry for an (origin, URL) pair, as a failed preflighted fetch does.
    public mutating func clear(origin: String, url: String) {
        entries.removeAll { $0.origin == origin && $0.url == url }
    }
}
