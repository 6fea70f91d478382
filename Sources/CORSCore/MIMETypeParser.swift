/// The WHATWG MIME Sniffing standard's "parse a MIME type", strict enough to decide CORS safelisting.
public struct MIMEType: Sendable, Equatable {
    /// The lowercased `type/subtype`.
    public var essence: String
    /// The parameters in order, names lowercased, values as parsed.
    public var parameters: [(name: String, value: String)]

    /// Compares essence and parameters.
    public static func == (lhs: MIMEType, rhs: MIMEType) -> Bool {
        lhs.essence == rhs.essence && lhs.parameters.elementsEqual(rhs.parameters) { $0 == $1 }
    }

    /// Serializes as `type/subtype;name=value`, quoting values that are not tokens.
    public var serialized: String {
        var text = essence
        for (name, value) in parameters {
            text += ";" + name + "="
            if value.isHTTPToken {
                text += value
            } else {
                var quoted = "\""
                for character in value {
                    if character == "\"" || character == "\\" { quoted += "\\" }
                    quoted.append(character)
                }
                text += quoted + "\""
            }
        }
        return text
    }

    /// Parses `text`; returns nil on failure, exactly where the standard returns failure.
    public static func parse(_ text: String) -> MIMEType? {
        let input = Array(text.trimmingHTTPWhitespace.unicodeScalars)
        var position = 0
        var type = ""
        while position < input.count, input[position] != "/" {
            type.unicodeScalars.append(input[position])
            position += 1
        }
        guard type.isHTTPToken, position < input.count else { return nil }
        position += 1
        var subtype = ""
        while position < input.count, input[position] != ";" {
            subtype.unicodeScalars.append(input[position])
            position += 1
        }
        // Only trailing whitespace is removed: `text/ plain` is not a MIME type.
        while let last = subtype.unicodeScalars.last, isWhitespace(last) { subtype.unicodeScalars.removeLast() }
        guard subtype.isHTTPToken else { return nil }
        var result = MIMEType(essence: type.asciiLowercased + "/" + subtype.asciiLowercased, parameters: [])

        while position < input.count {
            position += 1  // skip ";"
            while position < input.count, isWhitespace(input[position]) { position += 1 }
            var name = ""
            while position < input.count, input[position] != ";", input[position] != "=" {
                name.unicodeScalars.append(input[position])
                position += 1
            }
            name = name.asciiLowercased
            if position < input.count {
                if input[position] == ";" { continue }
                position += 1  // skip "="
            }
            if position >= input.count { break }
            var value = ""
            if input[position] == "\"" {
                position += 1
                while position < input.count {
                    let scalar = input[position]
                    position += 1
                    if scalar == "\\" {
                        if position < input.count {
                            value.unicodeScalars.append(input[position])
                            position += 1
                        } else {
                            value += "\\"
                        }
                    } else if scalar == "\"" {
                        break
                    } else {
                        value.unicodeScalars.append(scalar)
                    }
                }
                while position < input.count, input[position] != ";" { position += 1 }
            } else {
                while position < input.count, input[position] != ";" {
                    value.unicodeScalars.append(input[position])
                    position += 1
                }
                value = value.trimmingHTTPWhitespace
                if value.isEmpty { continue }
            }
            let isQuotedStringValue = value.unicodeScalars.allSatisfy {
                $0 == "\t" || ($0.value >= 0x20 && $0.value <= 0x7E) || ($0.value >= 0x80 && $0.value <= 0xFF)
            }
            if !name.isEmpty, name.isHTTPToken, isQuotedStringValue,
                !result.parameters.contains(where: { $0.name == name })
            {
                result.parameters.append((name, value))
            }
        }
        return result
    }

    private static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r"
    }
}
