/// The regular expressions a server's configuration matches with (regex origin allow-lists, flask-cors origins,
/// header names and resources), each compiled on first use and then reused.
///
/// `Regex` is not `Sendable`, so a compiled pattern cannot be stored in the `Sendable` server definition. Instead
/// the evaluator makes one cache per evaluation (the what-if matrix one per matrix) and hands it down to the
/// server's matching code. It is a class so that the matching deep inside a reply can fill it without an `inout`
/// through every layer; it is not `Sendable`, so it never leaves the task that made it, and it is never global.
public final class RegexCache {
    private struct Key: Hashable {
        var pattern: String
        var ignoringCase: Bool
    }

    /// Every pattern asked for so far; nil for one that does not compile (it then matches nothing).
    private var compiled: [Key: Regex<AnyRegexOutput>?] = [:]

    /// An empty cache.
    public init() {}

    /// Whether `pattern` is found anywhere in `text` (JavaScript's `RegExp.test`).
    func found(_ pattern: String, in text: String) -> Bool {
        guard let regex = regex(pattern, ignoringCase: false) else { return false }
        return (try? regex.firstMatch(in: text)) != nil
    }

    /// Whether `pattern` matches at the start of `text` (Python's `re.match`), optionally ignoring case.
    func matchesAtStart(_ pattern: String, _ text: String, ignoringCase: Bool) -> Bool {
        guard let regex = regex(pattern, ignoringCase: ignoringCase) else { return false }
        return (try? regex.prefixMatch(in: text)) != nil
    }

    private func regex(_ pattern: String, ignoringCase: Bool) -> Regex<AnyRegexOutput>? {
        let key = Key(pattern: pattern, ignoringCase: ignoringCase)
        if let known = compiled[key] { return known }
        var regex = try? Regex(pattern)
        if ignoringCase { regex = regex?.ignoresCase() }
        compiled[key] = .some(regex)
        return regex
    }
}
