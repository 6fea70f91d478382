import CORSCore

/// The checks a scenario file's header text must pass before it becomes a `HeaderField`.
///
/// A script's header may still be one the browser refuses (a name that is not a token, a value with CR, LF or NUL):
/// the evaluator shows that as the TypeError fetch() throws. What cannot even be written in JavaScript as a header
/// (a character above U+00FF) or sent by a server as one header line (CR, LF, NUL) is refused here.
public enum HeaderText {
    /// Why a header `name: value` written by `sender` cannot be in a scenario, or nil when it can, and whether the
    /// name (rather than the value) is at fault. `place` (e.g. `request.headers`) goes into the message. The loader
    /// and the explorer's editor both apply it, so a saved scenario always loads again.
    public static func problem(name: String, value: String, sentBy sender: HeaderSender, in place: String? = nil)
        -> (message: String, isAboutName: Bool)?
    {
        let shownName = Escaping.visible(name)
        let location = place.map { " in \($0)" } ?? ""
        switch sender {
        case .script:
            if let problem = byteStringProblem(in: name) {
                return ("header name '\(shownName)'\(location) \(problem)", true)
            }
            if let problem = byteStringProblem(in: value) {
                return ("the value of \(shownName)\(location) \(problem)", false)
            }
        case .server:
            if !name.isHTTPToken {
                return (
                    "header name '\(shownName)'\(location) is not an HTTP token; a response header name is letters, "
                        + "digits and !#$%&'*+-.^_`|~ only (RFC 9110 field-name)", true
                )
            }
            if let problem = lineBreakProblem(in: value) {
                return (
                    "the value of \(shownName)\(location) contains \(problem); a response header value is one line "
                        + "without NUL (RFC 9110 field-value), so a server cannot send it", false
                )
            }
        }
        return nil
    }

    /// Why `text` cannot be a WebIDL ByteString, or nil when every character is U+0000–U+00FF.
    ///
    /// Headers, XMLHttpRequest.setRequestHeader() and RequestInit.headers take ByteStrings: a code unit above 255
    /// makes the conversion throw TypeError before any request exists (WebIDL "ByteString" conversion).
    static func byteStringProblem(in text: String) -> String? {
        var index = 0
        for scalar in text.unicodeScalars {
            if scalar.value > 0xFF {
                let code = String(scalar.value, radix: 16, uppercase: true)
                let padded = String(repeating: "0", count: max(0, 4 - code.count)) + code
                return "has U+\(padded) at index \(index), above U+00FF: headers are ByteStrings (WebIDL), so "
                    + "fetch() and setRequestHeader() throw TypeError before sending; U+0080–U+00FF are allowed "
                    + "and sent as one byte each"
            }
            index += scalar.utf16.count
        }
        return nil
    }

    /// Which line-breaking character `text` contains (CR, LF or NUL) and where, or nil when none.
    static func lineBreakProblem(in text: String) -> String? {
        for (index, byte) in text.utf8.enumerated() {
            switch byte {
            case 0x0D: return "a CR (\\r) at byte \(index)"
            case 0x0A: return "an LF (\\n) at byte \(index)"
            case 0x00: return "a NUL (\\0) at byte \(index)"
            default: continue
            }
        }
        return nil
    }
}
