/// The host part of the URL parser: domains (lowercased, IDN to `xn--`, `xn--` labels checked), IPv4 and IPv6
/// addresses.
enum HostParser {
    /// Parses `text`, the host part of `input`, as `profile` does.
    ///
    /// `xn--` labels are checked by `ACELabelValidator`, except in Chromium when the percent-decoded host is ASCII:
    /// Chromium runs IDNA only on hosts with a non-ASCII character, so there `https://xn--a.example/` parses.
    static func parse(_ text: String, in input: String, profile: BrowserProfile) throws(URLParseError) -> String {
        func fail(_ reason: String) -> URLParseError { URLParseError(input: input, reason: reason) }
        if text.hasPrefix("[") {
            guard text.hasSuffix("]"), text.count > 2 else { throw fail("the IPv6 address has no closing ']'") }
            guard let pieces = parseIPv6(text.dropFirst().dropLast()) else {
                throw fail("'\(text)' is not a valid IPv6 address")
            }
            return "[" + serializeIPv6(pieces) + "]"
        }
        let decoded = percentDecode(text)
        let lowered = decoded.lowercased()
        let checksACELabels = profile != .chromium || !decoded.unicodeScalars.allSatisfy { $0.isASCII }
        var labels: [String] = []
        // Labels split at the code point '.', not the Character: a '.' followed by combining marks is one Character.
        for scalars in lowered.unicodeScalars.split(separator: ".", omittingEmptySubsequences: false) {
            let label = Substring(scalars)
            if scalars.starts(with: "xn--".unicodeScalars), checksACELabels,
                let problem = ACELabelValidator.problem(in: label, profile: profile)
            {
                throw fail(problem)
            }
            if label.unicodeScalars.allSatisfy({ $0.isASCII }) {
                labels.append(String(label))
            } else {
                if checksACELabels, let problem = ACELabelValidator.problem(inUnicodeLabel: label) {
                    throw fail(problem)
                }
                labels.append("xn--" + Punycode.encode(String(label)))
            }
        }
        let host = labels.joined(separator: ".")
        guard !host.isEmpty else { throw fail("the host is empty") }
        for scalar in host.unicodeScalars {
            if scalar.value <= 0x20 || scalar.value == 0x7F || "#%/:<>?@[\\]^|".unicodeScalars.contains(scalar) {
                throw fail("the host contains the forbidden character '\(Escaping.visible(String(scalar)))'")
            }
        }
        if let last = labels.last(where: { !$0.isEmpty }) ?? labels.last, looksNumeric(last) {
            guard let address = parseIPv4(labels) else { throw fail("'\(text)' is not a valid IPv4 address") }
            return (0..<4).map { String((address >> (8 * (3 - $0))) & 0xFF) }.joined(separator: ".")
        }
        return host
    }

    private static func percentDecode(_ text: String) -> String {
        var bytes: [UInt8] = []
        let utf8 = Array(text.utf8)
        var index = 0
        while index < utf8.count {
            if utf8[index] == UInt8(ascii: "%"), index + 2 < utf8.count,
                let high = hexValue(utf8[index + 1]), let low = hexValue(utf8[index + 2])
            {
                bytes.append(high << 4 | low)
                index += 3
            } else {
                bytes.append(utf8[index])
                index += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }

    private static func looksNumeric(_ label: String) -> Bool {
        if !label.isEmpty && label.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) { return true }
        return parseIPv4Number(label) != nil
    }

    private static func parseIPv4Number(_ text: String) -> UInt64? {
        guard !text.isEmpty else { return nil }
        var digits = Substring(text)
        var radix: UInt64 = 10
        if digits.count >= 2, digits.hasPrefix("0x") || digits.hasPrefix("0X") {
            digits = digits.dropFirst(2)
            radix = 16
        } else if digits.count >= 2, digits.hasPrefix("0") {
            digits = digits.dropFirst()
            radix = 8
        }
        if digits.isEmpty { return 0 }
        var value: UInt64 = 0
        for byte in digits.utf8 {
            guard let digit = hexValue(byte).map(UInt64.init), digit < radix else { return nil }
            value = value * radix + digit
            if value > 0xFFFF_FFFF_FF { return nil }
        }
        return value
    }

    private static func parseIPv4(_ labels: [String]) -> UInt64? {
        var parts = labels
        if parts.count > 1, parts.last == "" { parts.removeLast() }
        guard (1...4).contains(parts.count) else { return nil }
        var numbers: [UInt64] = []
        for part in parts {
            guard let number = parseIPv4Number(part) else { return nil }
            numbers.append(number)
        }
        guard let last = numbers.last else { return nil }
        for number in numbers.dropLast() where number > 255 { return nil }
        guard last < (UInt64(1) << (8 * (5 - UInt64(numbers.count)))) else { return nil }
        var address = last
        for (index, number) in numbers.dropLast().enumerated() { address += number << (8 * (3 - UInt64(index))) }
        return address
    }

    /// Parses the text between the brackets into eight 16-bit pieces.
    private static func parseIPv6(_ text: Substring) -> [UInt16]? {
        var pieces: [UInt16] = []
        var compressAt: Int?
        var rest = Substring(text)
        if rest.hasPrefix("::") {
            compressAt = 0
            rest = rest.dropFirst(2)
        } else if rest.hasPrefix(":") {
            return nil
        }
        while !rest.isEmpty {
            if pieces.count == 8 { return nil }
            if rest.hasPrefix(":") {
                guard compressAt == nil else { return nil }
                compressAt = pieces.count
                rest = rest.dropFirst()
                continue
            }
            let piece = rest.prefix { $0 != ":" }
            if piece.contains(".") {
                guard pieces.count <= 6 else { return nil }
                let octets = piece.split(separator: ".", omittingEmptySubsequences: false)
                guard octets.count == 4 else { return nil }
                var values: [UInt16] = []
                for octet in octets {
                    guard !octet.isEmpty, octet.count <= 3, octet == "0" || !octet.hasPrefix("0"),
                        let value = UInt16(octet), value <= 255
                    else { return nil }
                    values.append(value)
                }
                pieces.append(values[0] << 8 | values[1])
                pieces.append(values[2] << 8 | values[3])
                rest = rest.dropFirst(piece.count)
                break
            }
            guard (1...4).contains(piece.count), let value = UInt16(piece, radix: 16) else { return nil }
            pieces.append(value)
            rest = rest.dropFirst(piece.count)
            if rest.hasPrefix(":") {
                rest = rest.dropFirst()
                if rest.isEmpty { return nil }
            }
        }
        guard rest.isEmpty else { return nil }
        if let compressAt {
            guard pieces.count < 8 else { return nil }
            pieces.insert(contentsOf: Array(repeating: 0, count: 8 - pieces.count), at: compressAt)
        }
        return pieces.count == 8 ? pieces : nil
    }

    /// Serializes eight pieces, compressing the first longest run of two or more zero pieces.
    private static func serializeIPv6(_ pieces: [UInt16]) -> String {
        var bestStart = -1
        var bestLength = 1
        var index = 0
        while index < 8 {
            if pieces[index] == 0 {
                var end = index
                while end < 8, pieces[end] == 0 { end += 1 }
                if end - index > bestLength {
                    bestStart = index
                    bestLength = end - index
                }
                index = end
            } else {
                index += 1
            }
        }
        var output = ""
        index = 0
        while index < 8 {
            if index == bestStart {
                output += index == 0 ? "::" : ":"
                index += bestLength
                continue
            }
            output += String(pieces[index], radix: 16)
            if index < 7 { output += ":" }
            index += 1
        }
        return output
    }
}
