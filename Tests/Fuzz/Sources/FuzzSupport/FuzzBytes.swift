import CORSCore

/// Reads fuzz bytes as a stream of small decisions and strings; running out of bytes gives zeros and empty strings.
public struct FuzzBytes {
    private let bytes: [UInt8]
    private var position = 0

    /// Reads `bytes` from the start.
    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// The bytes a fuzz target receives.
    public init(data: UnsafePointer<UInt8>, size: Int) {
        self.init(Array(UnsafeBufferPointer(start: data, count: size)))
    }

    /// Whether every byte was read.
    public var isAtEnd: Bool { position >= bytes.count }

    /// The next byte, or 0 at the end.
    public mutating func byte() -> UInt8 {
        guard position < bytes.count else { return 0 }
        defer { position += 1 }
        return bytes[position]
    }

    /// A number in `0..<count` (count > 0).
    public mutating func choose(_ count: Int) -> Int { Int(byte()) % max(count, 1) }

    /// True or false.
    public mutating func flag() -> Bool { byte() & 1 == 1 }

    /// One of `options` (not empty).
    public mutating func pick<T>(_ options: [T]) -> T { options[choose(options.count)] }

    /// The text up to the next 0x00 byte (or the end), as UTF-8 with invalid bytes replaced.
    public mutating func string() -> String {
        let start = min(position, bytes.count)
        var end = start
        while end < bytes.count && bytes[end] != 0 { end += 1 }
        let text = String(decoding: bytes[start..<end], as: UTF8.self)
        position = end + 1
        return text
    }

    /// A string, often one of `examples` so that the fuzzer reaches past the first checks.
    public mutating func string(or examples: [String]) -> String {
        flag() ? pick(examples) : string()
    }

    /// Up to `limit` header fields, names and values from the input or from `names`.
    public mutating func headers(limit: Int, names: [String]) -> [HeaderField] {
        var fields: [HeaderField] = []
        for _ in 0..<choose(limit + 1) {
            fields.append(HeaderField(string(or: names), string()))
        }
        return fields
    }
}
