import Testing

@testable import CORSCore

/// The URL parser's fast path answers exactly as the full parser, and leaves everything unusual to it.
@Suite struct SimpleURLParserTests {
    static func fullParse(_ text: String, _ profile: BrowserProfile) -> ParsedURL? {
        try? URLTextParser(input: text, profile: profile).parseFully()
    }

    @Test(arguments: [
        "http://api.example.com/items", "https://API.Example.COM:8443/a/b?q=1&r=%20#top", "http://a:80/",
        "https://a:443", "HTTPS://a:0443/x", "ws://a.b:81", "wss://a/?", "http://a#", "http://a?x#y",
        "http://a./x.y/z../a.", "http://a:/", "http://a/b%41/c%", "http://a/^|~!$&'()*+,;=:@", "http://a/?{}`|",
        "http://a/#?#{}'", "http://a-b.c-d/", "http://.", "http://a..b/", "http://1a.b/", "http://a.b1/",
    ])
    func simpleURLsTakeTheFastPathAndParseAsTheFullParserDoes(_ text: String) throws {
        let fast = try #require(SimpleURLParser.parse(text))
        for profile in BrowserProfile.allCases {
            #expect(Self.fullParse(text, profile) == fast, "\(text) in \(profile)")
        }
    }

    @Test(arguments: [
        "http://a.1.", "http://a.1", "http://0x7f/", "http://1.2.3.4/", "http://xn--a.example/", "http://a.XN--b/",
        "http://a/./b", "http://a/b/..", "http://a/%2e/", "http://a/b/.hidden", "http://u@a/", "http://u:p@a/",
        "http://[::1]/", "http://a_b/", "http://a/ b", "http://a/\"", "http://a/\\b", "http://a/<", "http://a/?'",
        "http://a/#`", "http://a:65536/", "http://a:1x/", "http:/a", "http:\\\\a", "http:///a", "file:///x",
        "ftp://a/", "data:,x", " http://a/", "http://a/\t", "http://é/", "http://a/é", "http://a%41/", "http://", "",
    ])
    func unusualURLsAreLeftToTheFullParser(_ text: String) {
        #expect(SimpleURLParser.parse(text) == nil)
    }

    /// Random URLs built from the characters the two parsers treat differently: wherever the fast path answers,
    /// the full parser gives the same URL in every profile.
    @Test func randomURLsAgreeWithTheFullParser() {
        // Common pieces repeat, so that a few per cent of the inputs take the fast path.
        let schemes = ["http", "http", "HTTP", "https", "https", "wss", "ws", "ftp", "htt", "file"]
        let separators = ["://", "://", "://", "://", "://", ":/", ":", ":///", ":\\\\", "://u@"]
        let hostPieces = [
            "a", "a", "a", "B", "b", "1", "-", ".", ".", "0x", "xn--", "..", "_", "%41", "é", " ", "[", ":", ":8",
            ":80", "@",
        ]
        let tailPieces = [
            "/", "/", "/", "a", "a", "B", "x", ".", "?", "#", "..", "%2e", "%", "\\", "\"", "<", "'", "`", "{", " ",
            "\t", "é",
        ]
        var generator = SplitMix(seed: 7)
        var fastCount = 0
        for _ in 0..<60_000 {
            var text = generator.pick(schemes) + generator.pick(separators)
            for _ in 0..<generator.next(below: 5) { text += generator.pick(hostPieces) }
            for _ in 0..<generator.next(below: 7) { text += generator.pick(tailPieces) }
            guard let fast = SimpleURLParser.parse(text) else { continue }
            fastCount += 1
            for profile in BrowserProfile.allCases where Self.fullParse(text, profile) != fast {
                Issue.record(
                    "\(text) in \(profile): fast \(fast), full \(String(describing: Self.fullParse(text, profile)))")
            }
        }
        // The generator must reach the fast path often enough for the comparison to mean something.
        #expect(fastCount > 1_000)
    }
}

/// A small seeded generator (SplitMix64), so the random inputs are the same on every run.
struct SplitMix {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next(below bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        mixed ^= mixed >> 31
        return Int(mixed % UInt64(bound))
    }

    mutating func pick<T>(_ items: [T]) -> T { items[next(below: items.count)] }
}
