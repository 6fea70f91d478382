/// The checks browsers make on an `xn--` host label (UTS #46 ToASCII as the URL standard runs it), as far as they
/// can be made exactly with the Unicode data in the Swift standard library.
///
/// Made here: the label is ASCII; the rest is valid Punycode; it decodes to a non-empty label with a non-ASCII code
/// point; the decoded label does not start with `xn--` (not Firefox); it does not start with a combining mark; every
/// code point is valid (not a control, private-use, unassigned or noncharacter code point, not U+2028/U+2029,
/// U+FFFC or U+FFFD, not one that UTS #46 maps or ignores); a ZERO WIDTH JOINER follows a virama; a ZERO WIDTH NON-JOINER
/// follows a virama or sits between two non-ASCII code points. Not made (they need tables the standard library does
/// not have): NFC, the bidi rule, the joining-type context of a ZERO WIDTH NON-JOINER. docs/rules.md lists them.
enum ACELabelValidator {
    /// Why the `xn--` label (already lowercased) is not valid in `profile`, or nil when it passes every check.
    static func problem(in label: Substring, profile: BrowserProfile) -> String? {
        let shown = "'\(Escaping.visible(String(label)))'"
        let encoded = label.unicodeScalars.dropFirst(4)
        guard encoded.allSatisfy({ $0.isASCII }) else {
            return "the label \(shown) starts with xn-- but is not ASCII"
        }
        guard let decoded = Punycode.decode(encoded) else { return "the label \(shown) is not valid Punycode" }
        guard decoded.contains(where: { !$0.isASCII }) else {
            return decoded.isEmpty
                ? "the label \(shown) is empty after xn--" : "the label \(shown) decodes to ASCII only"
        }
        // UTS #46 V3 with CheckHyphens=false; ICU (Chromium, Safari) checks it, Firefox's idna crate does not.
        if profile != .firefox, decoded.starts(with: "xn--".unicodeScalars) {
            return "the label \(shown) decodes to a label that itself starts with xn--"
        }
        return problem(inDecoded: decoded, shown: shown, verb: "decodes to")
    }

    /// Why a non-ASCII label typed as Unicode (already lowercased) is not valid, or nil; the same checks as on a
    /// decoded `xn--` label, so that the `xn--` form it encodes to parses again. UTS #46 mapping beyond lowercasing
    /// is not modelled: a character it maps (fullwidth letters, a soft hyphen…) is an error here.
    static func problem(inUnicodeLabel label: Substring) -> String? {
        let shown = "'\(Escaping.visible(String(label)))'"
        return problem(inDecoded: Array(label.unicodeScalars), shown: shown, verb: "has")
    }

    private static func problem(inDecoded decoded: [Unicode.Scalar], shown: String, verb: String) -> String? {
        if let first = decoded.first, isMark(first) {
            return "the label \(shown) \(verb) \(codePoint(first)) first, a combining mark"
        }
        for (index, scalar) in decoded.enumerated() {
            if let why = invalidity(of: scalar) {
                return "the label \(shown) \(verb) \(codePoint(scalar)), \(why)"
            }
            if let why = joinerProblem(at: index, in: decoded) {
                return "the label \(shown) \(verb) \(why)"
            }
        }
        return nil
    }

    /// Why a decoded code point is not valid (UTS #46 status other than valid or deviation), or nil.
    private static func invalidity(of scalar: Unicode.Scalar) -> String? {
        guard !scalar.isASCII else { return nil }
        let properties = scalar.properties
        switch properties.generalCategory {
        case .control: return "a control character"
        case .privateUse: return "a private-use character"
        case .unassigned: return properties.isNoncharacterCodePoint ? "a noncharacter" : "an unassigned code point"
        case .lineSeparator, .paragraphSeparator: return "a line or paragraph separator"
        default: break
        }
        // Disallowed: U+FFFD (WPT url/resources/toascii.json) and U+FFFC (Chromium 156 and Firefox 153 reject it).
        if scalar.value == 0xFFFC || scalar.value == 0xFFFD { return "which is disallowed" }
        // The deviation characters stay as they are in nontransitional processing: ß, final sigma, ZWNJ, ZWJ.
        if [0xDF, 0x3C2, 0x200C, 0x200D].contains(scalar.value) { return nil }
        // UTS #46 maps U+3002 IDEOGRAPHIC FULL STOP to '.', beyond NFKC_Casefold.
        if properties.changesWhenNFKCCaseFolded || scalar.value == 0x3002 {
            return "which UTS #46 maps to other characters or removes, so it is not valid in a label"
        }
        return nil
    }

    /// The CheckJoiners (RFC 5892 CONTEXTJ) failure at `index`, for what can be decided without joining types.
    private static func joinerProblem(at index: Int, in label: [Unicode.Scalar]) -> String? {
        let scalar = label[index]
        guard scalar.value == 0x200C || scalar.value == 0x200D else { return nil }
        let before = index > 0 ? label[index - 1] : nil
        if let before, before.properties.canonicalCombiningClass == .virama { return nil }
        if scalar.value == 0x200D { return "a ZERO WIDTH JOINER that does not follow a virama" }
        // A ZWNJ elsewhere needs a joining (or transparent) code point on both sides; an ASCII one or the label's
        // edge never is. Non-ASCII neighbours would need the Joining_Type table: accepted.
        let after = index + 1 < label.count ? label[index + 1] : nil
        guard let before, let after, !before.isASCII, !after.isASCII else {
            return "a ZERO WIDTH NON-JOINER without a joining letter or a virama on each side"
        }
        return nil
    }

    private static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    private static func codePoint(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
