/// Answers an evaluation can reuse because they depend only on their inputs: compiled regexes and their matches,
/// whether a value parses as a URL, parsed token lists and serialized origins.
///
/// The server's configuration and the values it sends repeat from one evaluation to the next (a what-if matrix
/// sends the same allow-lists and the same `Access-Control-Allow-Methods` value thousands of times), so one memo
/// shared over many evaluations works each answer out once. Every entry is a pure function of its key, so a shared
/// memo gives exactly what a fresh one gives (`EvaluationMemoTests`).
///
/// `Regex` is not `Sendable`, so a compiled pattern cannot be stored in the `Sendable` server definition. Instead
/// the evaluator makes one memo per evaluation (the what-if matrix one per matrix and task) and hands it down. It is
/// a class so that code deep inside a reply can fill it without an `inout` through every layer; it is not
/// `Sendable`, so it never leaves the task that made it, and it is never global.
public final class EvaluationMemo {
    private struct RegexKey: Hashable {
        var pattern: String
        var ignoringCase: Bool
    }

    private enum MatchKind: Hashable {
        case anywhere
        case atStart(ignoringCase: Bool)
    }

    private struct MatchKey: Hashable {
        var pattern: String
        var text: String
        var kind: MatchKind
    }

    /// A parsed token list and, for header names, its elements lowercased, sorted and without repeats (empty for
    /// other lists).
    struct TokenList {
        var result: HeaderListParser.Result
        var sortedLowercased: [String]
    }

    /// The most entries each table keeps; past it, answers are worked out without being remembered (a memo
    /// shared over a long run of unrelated evaluations must not grow without bound).
    static let capacity = 4096

    /// Every pattern asked for so far; nil for one that does not compile (it then matches nothing).
    private var compiled: [RegexKey: Regex<AnyRegexOutput>?] = [:]
    private var matches: [MatchKey: Bool] = [:]
    private var urlValidity: [String: Bool] = [:]
    /// The token list last parsed for each header name asked for (a server sends the same value to most requests;
    /// comparing it with the last one is cheaper than hashing it).
    private var lastTokenLists: [(name: String, value: String, list: TokenList)] = []
    /// The last origin serialized, and its serialization: a matrix asks for one row's origin column after column,
    /// and comparing two origins that share their strings is cheaper than hashing one.
    private var lastOrigin: Origin?
    private var lastSerialization = ""

    /// An empty memo.
    public init() {}

    /// Whether `pattern` is found anywhere in `text` (JavaScript's `RegExp.test`).
    func found(_ pattern: String, in text: String) -> Bool {
        remembered(MatchKey(pattern: pattern, text: text, kind: .anywhere), in: &matches) {
            guard let regex = regex(pattern, ignoringCase: false) else { return false }
            return (try? regex.firstMatch(in: text)) != nil
        }
    }

    /// Whether `pattern` matches at the start of `text` (Python's `re.match`), optionally ignoring case.
    func matchesAtStart(_ pattern: String, _ text: String, ignoringCase: Bool) -> Bool {
        remembered(MatchKey(pattern: pattern, text: text, kind: .atStart(ignoringCase: ignoringCase)), in: &matches) {
            guard let regex = regex(pattern, ignoringCase: ignoringCase) else { return false }
            return (try? regex.prefixMatch(in: text)) != nil
        }
    }

    /// Whether `text` parses as an absolute URL (`ParsedURL.parse`).
    func parsesAsURL(_ text: String) -> Bool {
        remembered(text, in: &urlValidity) { (try? ParsedURL.parse(text)) != nil }
    }

    /// `origin.serialized` (a what-if matrix row's origin is serialized once for all its columns).
    func serialization(of origin: Origin) -> String {
        if lastOrigin == origin { return lastSerialization }
        lastOrigin = origin
        lastSerialization = origin.serialized
        return lastSerialization
    }

    /// Every line named `name` in `headers` parsed as one token list (`HeaderListParser.parse`), with its elements
    /// lowercased, sorted and without repeats when they are header names (`namesHeaders`; methods are not). The last single line parsed for each name is remembered by its value
    /// (a server sends one value to most requests; a table of every value would cost a one-off evaluation more
    /// than it saves).
    func tokenList(_ name: String, in headers: [HeaderField], namesHeaders: Bool = true) -> TokenList {
        var lines = 0
        var only: String?
        for header in headers where header.hasName(name) {
            lines += 1
            only = header.value
        }
        if lines == 0 { return Self.absentTokenList }
        guard lines == 1, let only else {
            return Self.tokenList(HeaderListParser.parse(name, in: headers), namesHeaders: namesHeaders)
        }
        let slot = lastTokenLists.firstIndex { $0.name == name }
        if let slot, lastTokenLists[slot].value == only { return lastTokenLists[slot].list }
        let list = Self.tokenList(HeaderListParser.parse(name, in: headers), namesHeaders: namesHeaders)
        if let slot {
            lastTokenLists[slot].value = only
            lastTokenLists[slot].list = list
        } else {
            // Room for the three lists an evaluation parses (-Allow-Methods, -Allow-Headers, -Expose-Headers).
            if lastTokenLists.isEmpty { lastTokenLists.reserveCapacity(3) }
            lastTokenLists.append((name, only, list))
        }
        return list
    }

    private static let absentTokenList = TokenList(result: .absent, sortedLowercased: [])

    private static func tokenList(_ result: HeaderListParser.Result, namesHeaders: Bool) -> TokenList {
        guard namesHeaders else { return TokenList(result: result, sortedLowercased: []) }
        return TokenList(
            result: result, sortedLowercased: result.elements.map(\.asciiLowercased).sortedWithoutRepeats())
    }

    private func remembered<Key: Hashable, Value>(
        _ key: Key, in table: inout [Key: Value], _ make: () -> Value
    ) -> Value {
        if let known = table[key] { return known }
        let value = make()
        if table.count < Self.capacity { table[key] = value }
        return value
    }

    private func regex(_ pattern: String, ignoringCase: Bool) -> Regex<AnyRegexOutput>? {
        let key = RegexKey(pattern: pattern, ignoringCase: ignoringCase)
        if let known = compiled[key] { return known }
        var regex = try? Regex(pattern)
        if ignoringCase { regex = regex?.ignoresCase() }
        compiled[key] = .some(regex)
        return regex
    }
}
