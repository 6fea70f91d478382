/// Makes untrusted text safe to show: control characters become visible escapes.
public enum Escaping {
    /// Replaces C0 controls, DEL and C1 controls with `\xNN` (and `\t`, `\n`, `\r`), so text never drives a terminal.
    public static func visible(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var output = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\t": output += "\\t"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case _ where isControl(scalar):
                output += "\\x" + URLTextParser.hexByte(UInt8(truncatingIfNeeded: scalar.value)).lowercased()
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output
    }

    /// Chromium's way of printing a header value in a console hint: non-printable characters as `\uXXXX`.
    static func chromiumHint(_ text: String) -> String {
        var output = ""
        for scalar in text.unicodeScalars {
            if scalar.value < 0x20 || scalar.value == 0x7F {
                let hex = String(scalar.value, radix: 16, uppercase: true)
                output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            } else {
                output.unicodeScalars.append(scalar)
            }
        }
        return output
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (scalar.value >= 0x7F && scalar.value < 0xA0)
    }
}
