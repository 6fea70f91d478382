/// What `XMLHttpRequest.send()` does to the script's `Content-Type` when the body is a string: every browser makes
/// its charset parameter say UTF-8, each in its own way.
///
/// - The standard (and WebKit) parses the value as a MIME type and, when it has a `charset` that is not `UTF-8` in
///   any case, sets it to `UTF-8` and serializes the whole MIME type again (`TEXT/Plain;Charset="x"` →
///   `text/plain;charset=UTF-8`).
/// - Chromium (Blink's `ReplaceCharsetInMediaType`) edits the text in place: every `charset=` that starts a word
///   (after `;` or whitespace, not at the very start) has its value, up to whitespace, a quote or `;`, replaced by
///   `UTF-8`, even when it already is `utf-8`. Quotes and spacing stay, so `charset="latin1"` becomes
///   `charset="UTF-8"`, whose `"` still makes the header CORS-unsafe.
enum XHRCharsetRewrite {
    /// The value sent, or nil when `value` is sent as the script set it.
    static func rewritten(_ value: String, browser: BrowserProfile) -> String? {
        switch browser {
        case .chromium: return blinkReplacingCharsets(in: value)
        case .firefox, .safari, .spec: return standardRewrite(value)
        }
    }

    /// The XHR standard's send() step: parse, set the charset, serialize.
    private static func standardRewrite(_ value: String) -> String? {
        guard var mime = MIMEType.parse(value),
            let charset = mime.parameters.firstIndex(where: { $0.name == "charset" }),
            mime.parameters[charset].value.asciiLowercased != "utf-8"
        else { return nil }
        mime.parameters[charset].value = "UTF-8"
        return mime.serialized
    }

    private static let utf8Name = Array("UTF-8".unicodeScalars)

    /// Blink's in-place replacement of every charset value.
    private static func blinkReplacingCharsets(in value: String) -> String? {
        var scalars = Array(value.unicodeScalars)
        guard var found = blinkCharsetValue(in: scalars, from: 0) else { return nil }
        while true {
            scalars.replaceSubrange(found, with: utf8Name)
            guard let next = blinkCharsetValue(in: scalars, from: found.lowerBound + utf8Name.count) else { break }
            found = next
        }
        let rewritten = String(String.UnicodeScalarView(scalars))
        return rewritten == value ? nil : rewritten
    }

    /// Blink's `FindCharsetInMediaType`: the first charset value at or after `start`, or nil when there is none
    /// (a `charset` at the very start of the text, or an empty value, ends the search).
    private static func blinkCharsetValue(in scalars: [Unicode.Scalar], from start: Int) -> Range<Int>? {
        // Past the end Blink reads a 0 character.
        func code(_ index: Int) -> UInt32 { index < scalars.count ? scalars[index].value : 0 }
        func isQuote(_ code: UInt32) -> Bool { code == 0x22 || code == 0x27 }
        var position = start
        while position < scalars.count {
            guard let match = firstCharset(in: scalars, from: position), match > 0 else { return nil }
            position = match + 7
            // Only a word: preceded by whitespace, a control or ';'.
            guard code(match - 1) <= 0x20 || code(match - 1) == 0x3B else { continue }
            while position < scalars.count, code(position) <= 0x20 { position += 1 }
            let isEquals = code(position) == 0x3D
            position += 1
            guard isEquals else { continue }
            while position < scalars.count, code(position) <= 0x20 || isQuote(code(position)) { position += 1 }
            var end = position
            while end < scalars.count, code(end) > 0x20, !isQuote(code(end)), code(end) != 0x3B { end += 1 }
            return end > position ? position..<end : nil
        }
        return nil
    }

    /// The index of the next `charset`, in any ASCII case, at or after `start`.
    private static func firstCharset(in scalars: [Unicode.Scalar], from start: Int) -> Int? {
        let word: [UInt32] = [0x63, 0x68, 0x61, 0x72, 0x73, 0x65, 0x74]
        guard scalars.count >= 7, start <= scalars.count - 7 else { return nil }
        for index in start...(scalars.count - 7) {
            var matches = true
            for offset in 0..<7 {
                let value = scalars[index + offset].value
                let lowered = value >= 0x41 && value <= 0x5A ? value + 0x20 : value
                if lowered != word[offset] {
                    matches = false
                    break
                }
            }
            if matches { return index }
        }
        return nil
    }
}
