/// The Fetch standard's rules for request headers: forbidden names, the CORS safelist and the unsafe-name list.
public enum RequestHeaderRules {
    /// The longest value a safelisted header may have, in bytes.
    public static let maxSafelistedValueLength = 128
    /// The most bytes all safelisted header values together may have before they all count as unsafe.
    public static let maxSafelistedTotalLength = 1024

    static let forbiddenNames: Set<String> = [
        "accept-charset", "accept-encoding", "access-control-request-headers", "access-control-request-method",
        "connection", "content-length", "cookie", "cookie2", "date", "dnt", "expect", "host", "keep-alive",
        "origin", "referer", "set-cookie", "te", "trailer", "transfer-encoding", "upgrade", "via",
    ]

    static let methodOverrideNames: Set<String> = ["x-http-method", "x-http-method-override", "x-method-override"]

    /// Why a script-set header never leaves the browser, or nil when it may be sent.
    ///
    /// Covers the forbidden names, the `Proxy-` and `Sec-` prefixes, the method-override headers naming a forbidden
    /// method, and (in Chromium only) `User-Agent`.
    public static func forbiddenReason(name: String, value: String, browser: BrowserProfile) -> String? {
        let lower = name.asciiLowercased
        if forbiddenNames.contains(lower) {
            return "\(name) is a forbidden request-header name: only the browser sets it"
        }
        if lower.hasPrefix("proxy-") { return "header names starting with Proxy- are forbidden" }
        if lower.hasPrefix("sec-") { return "header names starting with Sec- are forbidden" }
        if methodOverrideNames.contains(lower) {
            let methods = value.split(separator: ",").map { String($0).trimmingHTTPWhitespace }
            if let bad = methods.first(where: MethodRules.isForbidden) {
                return "\(name) names the forbidden method \(bad)"
            }
        }
        if lower == "user-agent" && browser == .chromium {
            return "Chromium still drops a script-set User-Agent (crbug.com/571722); the spec and Firefox allow it"
        }
        return nil
    }

    /// Whether `byte` is a CORS-unsafe request-header byte.
    public static func isUnsafeByte(_ byte: UInt8) -> Bool {
        if byte < 0x20 { return byte != 0x09 }
        switch byte {
        case 0x7F, UInt8(ascii: "\""), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: ":"), UInt8(ascii: "<"),
            UInt8(ascii: ">"), UInt8(ascii: "?"), UInt8(ascii: "@"), UInt8(ascii: "["), UInt8(ascii: "\\"),
            UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"):
            return true
        default:
            return false
        }
    }

    /// Why (name, value) is not a CORS-safelisted request header, or nil when it is safelisted.
    public static func unsafeReason(name: String, value: String, browser: BrowserProfile) -> String? {
        let bytes = value.utf8
        // The wire length is at most the UTF-8 length, so it is counted only when that is over the limit.
        if bytes.count > maxSafelistedValueLength {
            let length = value.byteStringLength
            if length > maxSafelistedValueLength {
                return
                    "its value is \(length) bytes, over the \(maxSafelistedValueLength)-byte limit for safelisted headers"
            }
        }
        switch name.asciiLowercased {
        case "accept":
            if let byte = bytes.first(where: isUnsafeByte) { return "its value contains the unsafe byte \(show(byte))" }
            return firefoxNonASCIIReason(value, browser: browser)
        case "accept-language", "content-language":
            if let byte = bytes.first(where: { !(isAlphanumeric($0) || isLanguageSeparator($0)) }) {
                return "its value contains \(show(byte)); only letters, digits, space and * , - . ; = are allowed"
            }
            return nil
        case "content-type":
            if let byte = bytes.first(where: isUnsafeByte) { return "its value contains the unsafe byte \(show(byte))" }
            if let reason = firefoxNonASCIIReason(value, browser: browser) { return reason }
            if browser == .firefox, bytes.contains(UInt8(ascii: ",")) {
                return "it has a comma, which Firefox reads as a list of several types"
            }
            guard let mime = MIMEType.parse(value) else { return "its value does not parse as a MIME type" }
            switch mime.essence {
            case "application/x-www-form-urlencoded", "multipart/form-data", "text/plain": return nil
            default:
                return
                    "its type \(mime.essence) is not application/x-www-form-urlencoded, multipart/form-data or text/plain"
            }
        case "range":
            return RangeHeaderRules.isSimpleRange(value, largest: RangeHeaderRules.largestNumber(in: browser))
                ? nil : "only a single range bytes=START- or bytes=START-END is safelisted"
        default:
            if browser == .chromium, let verdict = chromiumClientHint(name: name.asciiLowercased, value: value) {
                return verdict ? nil : "its value is not valid for this client hint"
            }
            return "it is not a CORS-safelisted request header"
        }
    }

    /// Firefox counts every byte above 0x7F in `Accept` and `Content-Type` as CORS-unsafe (measured in Firefox 153:
    /// `Accept: café` needs a preflight there, in no other browser).
    private static func firefoxNonASCIIReason(_ value: String, browser: BrowserProfile) -> String? {
        guard browser == .firefox, let scalar = value.unicodeScalars.first(where: { !$0.isASCII }) else { return nil }
        let byte = "0x" + URLTextParser.hexByte(UInt8(truncatingIfNeeded: scalar.value))
        return "its value contains the byte \(byte) (\(Escaping.visible(String(scalar)))), and Firefox counts every "
            + "byte above 0x7F as CORS-unsafe"
    }

    /// Chromium safelists a few client-hint headers that the spec does not; nil means "not a client hint".
    private static func chromiumClientHint(name: String, value: String) -> Bool? {
        switch name {
        case "dpr", "device-memory", "downlink":
            return isDecimalNumber(value)
        case "width", "viewport-width", "rtt":
            return !value.isEmpty && value.utf8.allSatisfy { $0 >= 48 && $0 <= 57 }
        case "ect":
            return ["slow-2g", "2g", "3g", "4g"].contains(value)
        case "save-data":
            return value.asciiLowercased == "on"
        case "intervention":
            return true
        default:
            return nil
        }
    }

    /// `1*DIGIT [ "." 1*DIGIT ]`: Chromium 156 refuses `1.` and `.5` (measured with `verify`).
    private static func isDecimalNumber(_ value: String) -> Bool {
        let parts = value.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count) else { return false }
        return parts.allSatisfy { !$0.isEmpty && $0.utf8.allSatisfy { $0 >= 48 && $0 <= 57 } }
    }

    /// Whether (name, value) survives the `request-no-cors` header guard (only these reach a no-cors request).
    public static func isNoCORSSafelisted(name: String, value: String) -> Bool {
        switch name.asciiLowercased {
        case "accept", "accept-language", "content-language", "content-type":
            return unsafeReason(name: name, value: value, browser: .spec) == nil
        default:
            return false
        }
    }

    /// The bytes besides letters and digits that `Accept-Language` and `Content-Language` may hold: ` *,-.;=`.
    private static func isLanguageSeparator(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: " "), UInt8(ascii: "*"), UInt8(ascii: ","), UInt8(ascii: "-"), UInt8(ascii: "."),
            UInt8(ascii: ";"), UInt8(ascii: "="):
            return true
        default:
            return false
        }
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= 48 && byte <= 57) || (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122)
    }

    private static func show(_ byte: UInt8) -> String {
        if byte < 0x20 || byte == 0x7F { return "0x" + URLTextParser.hexByte(byte) }
        return "'" + String(UnicodeScalar(byte)) + "'"
    }
}
