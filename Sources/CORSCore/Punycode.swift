/// RFC 3492 Punycode: encoding a Unicode host label into its `xn--` form, and decoding one back.
enum Punycode {
    private static let base = 36
    private static let tMin = 1
    private static let tMax = 26
    private static let skew = 38
    private static let damp = 700
    private static let initialBias = 72
    private static let initialN = 128
    /// The largest intermediate value the decoder accepts: ICU's decoder (Chromium, Safari) works in 32-bit signed
    /// integers and fails on overflow; anything larger decodes past U+10FFFF anyway.
    private static let maxValue = Int(Int32.max)

    static func encode(_ label: String) -> String {
        let scalars = label.unicodeScalars.map { Int($0.value) }
        var output = String(String.UnicodeScalarView(label.unicodeScalars.filter { $0.isASCII }))
        let basicCount = output.unicodeScalars.count
        var handled = basicCount
        if basicCount > 0 { output += "-" }
        var n = initialN
        var delta = 0
        var bias = initialBias

        func digit(_ value: Int) -> Character {
            let scalar = value < 26 ? 97 + value : 22 + value
            return Character(Unicode.Scalar(UInt8(scalar)))
        }

        while handled < scalars.count {
            let next = scalars.filter { $0 >= n }.min() ?? n
            delta += (next - n) * (handled + 1)
            n = next
            for scalar in scalars {
                if scalar < n { delta += 1 }
                if scalar == n {
                    var q = delta
                    var k = base
                    while true {
                        let t = threshold(k, bias: bias)
                        if q < t { break }
                        output.append(digit(t + (q - t) % (base - t)))
                        q = (q - t) / (base - t)
                        k += base
                    }
                    output.append(digit(q))
                    bias = adapt(delta, handled + 1, handled == basicCount)
                    delta = 0
                    handled += 1
                }
            }
            delta += 1
            n += 1
        }
        return output
    }

    /// Decodes the Punycode text after `xn--` (RFC 3492 §6.2), or nil when it is not valid Punycode.
    ///
    /// Fails on a non-ASCII character, a character that is not a base-36 digit where one is expected, a number that
    /// ends early, an overflow, and a decoded value that is basic (below U+0080), a surrogate or past U+10FFFF.
    /// With no basic code points, decoding starts at the first character, so a leading `-` fails (`xn---zca`).
    static func decode<S: Sequence<Unicode.Scalar>>(_ text: S) -> [Unicode.Scalar]? {
        let input = Array(text)
        guard input.allSatisfy({ $0.isASCII }) else { return nil }
        let delimiter = input.lastIndex(of: "-") ?? 0
        var output = Array(input[..<delimiter])
        var position = delimiter > 0 ? delimiter + 1 : 0
        var n = initialN
        var i = 0
        var bias = initialBias
        while position < input.count {
            let oldI = i
            var weight = 1
            var k = base
            while true {
                guard position < input.count, let digit = digitValue(input[position]) else { return nil }
                position += 1
                guard digit <= (maxValue - i) / weight else { return nil }
                i += digit * weight
                let t = threshold(k, bias: bias)
                if digit < t { break }
                guard weight <= maxValue / (base - t) else { return nil }
                weight *= base - t
                k += base
            }
            let length = output.count + 1
            bias = adapt(i - oldI, length, oldI == 0)
            guard i / length <= maxValue - n else { return nil }
            n += i / length
            i %= length
            guard n >= initialN, let scalar = Unicode.Scalar(UInt32(n)) else { return nil }
            output.insert(scalar, at: i)
            i += 1
        }
        return output
    }

    private static func digitValue(_ scalar: Unicode.Scalar) -> Int? {
        switch scalar {
        case "a"..."z": return Int(scalar.value) - 97
        case "A"..."Z": return Int(scalar.value) - 65
        case "0"..."9": return Int(scalar.value) - 48 + 26
        default: return nil
        }
    }

    private static func threshold(_ k: Int, bias: Int) -> Int {
        k <= bias ? tMin : (k >= bias + tMax ? tMax : k - bias)
    }

    private static func adapt(_ delta: Int, _ count: Int, _ first: Bool) -> Int {
        var delta = first ? delta / damp : delta / 2
        delta += delta / count
        var k = 0
        while delta > ((base - tMin) * tMax) / 2 {
            delta /= base - tMin
            k += base
        }
        return k + (base - tMin + 1) * delta / (delta + skew)
    }
}
