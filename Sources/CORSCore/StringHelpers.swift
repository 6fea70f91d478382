extension String {
    /// Lowercases ASCII letters only, as Fetch's "byte-lowercase" does.
    public var asciiLowercased: String {
        guard utf8.contains(where: { $0 >= 65 && $0 <= 90 }) else { return self }
        return mappingBytes { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }
    }

    /// The string with each UTF-8 byte replaced by `transform(byte)`, written straight into the new string's buffer
    /// (no intermediate array). `transform` must keep the bytes valid UTF-8, as ASCII case changes do.
    private func mappingBytes(_ transform: (UInt8) -> UInt8) -> String {
        String(unsafeUninitializedCapacity: utf8.count) { buffer in
            var index = 0
            for byte in utf8 {
                buffer[index] = transform(byte)
                index += 1
            }
            return index
        }
    }

    /// The parts joined, their UTF-8 bytes copied into one buffer of the exact size: several times cheaper than `+`,
    /// `append` or interpolation for the short texts an evaluation makes on every request (origins, Host values).
    /// Fixed parameters rather than a variadic list, which would allocate an array on every call.
    static func concatenating(
        _ first: String, _ second: String, _ third: String, _ fourth: String = "", _ fifth: String = ""
    ) -> String {
        let count = first.utf8.count + second.utf8.count + third.utf8.count + fourth.utf8.count + fifth.utf8.count
        return String(unsafeUninitializedCapacity: count) { buffer in
            var index = copy(first, into: buffer, at: 0)
            index = copy(second, into: buffer, at: index)
            index = copy(third, into: buffer, at: index)
            index = copy(fourth, into: buffer, at: index)
            return copy(fifth, into: buffer, at: index)
        }
    }

    /// The length of a header value on the wire. Header values are byte strings (every character U+0000–U+00FF,
    /// one byte each); a character above U+007F takes two bytes in UTF-8, whose first is 0xC2 or 0xC3.
    var byteStringLength: Int {
        var length = 0
        for byte in utf8 where byte < 0x80 || byte >= 0xC0 { length += 1 }
        return length
    }

    /// Copies `part`'s UTF-8 bytes into `buffer` at `index`; returns the index after them.
    @inline(__always)
    static func copy(_ part: String, into buffer: UnsafeMutableBufferPointer<UInt8>, at index: Int) -> Int {
        var part = part
        return part.withUTF8 { bytes in
            _ = UnsafeMutableBufferPointer(rebasing: buffer[index..<index + bytes.count]).initialize(
                fromContentsOf: bytes)
            return index + bytes.count
        }
    }

    /// Whether the two strings are equal once ASCII letters are lowercased (Fetch's "byte-case-insensitive"
    /// match), compared byte by byte without building lowercased copies.
    public func equalsIgnoringASCIICase(_ other: String) -> Bool {
        let mine = utf8
        let theirs = other.utf8
        guard mine.count == theirs.count else { return false }
        // Header names are native, contiguous UTF-8: compare the bytes directly, last first (names sharing the
        // "Access-Control-" prefix differ at the end).
        let fast = mine.withContiguousStorageIfAvailable { left in
            theirs.withContiguousStorageIfAvailable { right in
                var index = left.count
                while index > 0 {
                    index -= 1
                    if left[index] != right[index]
                        && Self.asciiLowercase(left[index]) != Self.asciiLowercase(right[index])
                    {
                        return false
                    }
                }
                return true
            }
        }
        if let fast, let fast { return fast }
        return mine.elementsEqual(theirs) { Self.asciiLowercase($0) == Self.asciiLowercase($1) }
    }

    /// Whether `needle`'s UTF-8 bytes occur in the string's, as Python's `in` finds one string in another (by code
    /// points, which for UTF-8 is by bytes). The standard library's `contains` compares by `Character` instead, and
    /// is many times slower.
    func containsBytes(of needle: String) -> Bool {
        let pattern = needle.utf8
        guard let first = pattern.first else { return true }
        var start = utf8.startIndex
        while let found = utf8[start...].firstIndex(of: first) {
            if utf8[found...].starts(with: pattern) { return true }
            start = utf8.index(after: found)
        }
        return false
    }

    static func asciiLowercase(_ byte: UInt8) -> UInt8 { byte >= 65 && byte <= 90 ? byte + 32 : byte }

    /// Uppercases ASCII letters only, as Fetch's "byte-uppercase" does.
    public var asciiUppercased: String {
        guard utf8.contains(where: { $0 >= 97 && $0 <= 122 }) else { return self }
        return mappingBytes { $0 >= 97 && $0 <= 122 ? $0 - 32 : $0 }
    }

    /// The value with leading and trailing HTTP whitespace (space, tab, CR, LF) removed.
    public var trimmingHTTPWhitespace: String {
        guard let trimmed = utf8[...].trimmingHTTPWhitespace else { return "" }
        if trimmed.startIndex == utf8.startIndex && trimmed.endIndex == utf8.endIndex { return self }
        return String(Substring(trimmed))
    }

    /// Whether the string is an HTTP token (RFC 9110 `tchar`s, at least one).
    public var isHTTPToken: Bool {
        !isEmpty && utf8.allSatisfy(Self.isTokenByte)
    }

    static func isHTTPWhitespace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }

    static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        case UInt8(ascii: "!"), UInt8(ascii: "#"), UInt8(ascii: "$"), UInt8(ascii: "%"), UInt8(ascii: "&"),
            UInt8(ascii: "'"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."),
            UInt8(ascii: "^"), UInt8(ascii: "_"), UInt8(ascii: "`"), UInt8(ascii: "|"), UInt8(ascii: "~"):
            return true
        default:
            return false
        }
    }
}

extension Substring.UTF8View {
    /// The bytes without leading and trailing HTTP whitespace (space, tab, CR, LF); nil when nothing else is left.
    var trimmingHTTPWhitespace: Substring.UTF8View? {
        guard let first = firstIndex(where: { !String.isHTTPWhitespace($0) }),
            let last = lastIndex(where: { !String.isHTTPWhitespace($0) })
        else { return nil }
        return self[first...last]
    }
}

extension Array where Element == String {
    /// The elements sorted, each once (lists of a few header names: cheaper than hashing them into a set).
    func sortedWithoutRepeats() -> [String] {
        let sorted = self.sorted()
        var unique: [String] = []
        unique.reserveCapacity(sorted.count)
        for name in sorted where unique.last != name { unique.append(name) }
        return unique
    }

    /// Whether `name` is in this sorted array (a binary search).
    func containsSorted(_ name: String) -> Bool {
        var low = startIndex
        var high = endIndex
        while low < high {
            let middle = (low + high) / 2
            if self[middle] < name { low = middle + 1 } else { high = middle }
        }
        return low < endIndex && self[low] == name
    }

    /// The elements joined with `separator`, their UTF-8 bytes copied into one buffer of the exact size: the
    /// standard library's `joined(separator:)` appends piece by piece, which costs several times more for the
    /// header values a server builds on every reply.
    func joinedIntoOneBuffer(separator: String) -> String {
        guard count > 1 else { return first ?? "" }
        var total = separator.utf8.count * (count - 1)
        for element in self { total += element.utf8.count }
        return String(unsafeUninitializedCapacity: total) { buffer in
            var index = String.copy(self[0], into: buffer, at: 0)
            for element in self[1...] {
                index = String.copy(separator, into: buffer, at: index)
                index = String.copy(element, into: buffer, at: index)
            }
            return index
        }
    }
}
