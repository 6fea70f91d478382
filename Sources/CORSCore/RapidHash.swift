/// rapidhash (Nicolas De Carli's wyhash successor) with the seed Chromium's WTF string hasher uses: the hash behind
/// the iteration order of Blink's header map (`BlinkHeaderMap`).
enum RapidHash {
    private static let seed: UInt64 = 0xbdd8_9aa9_8270_4029
    private static let secret: (UInt64, UInt64, UInt64) = (
        0x2d35_8dcc_aa6c_78a5, 0x8bb8_4b93_962e_acc9, 0x4b33_a62e_d433_d4a3
    )

    /// The 64-bit hash of `data`.
    static func hash(_ data: [UInt8]) -> UInt64 {
        let length = data.count
        var seed = Self.seed ^ mix(Self.seed ^ secret.0, secret.1) ^ UInt64(length)
        var a: UInt64
        var b: UInt64
        if length <= 16 {
            if length >= 4 {
                let delta = (length & 24) >> (length >> 3)
                a = read32(data, 0) << 32 | read32(data, length - 4)
                b = read32(data, delta) << 32 | read32(data, length - 4 - delta)
            } else if length > 0 {
                a = UInt64(data[0]) << 56 | UInt64(data[length >> 1]) << 32 | UInt64(data[length - 1])
                b = 0
            } else {
                a = 0
                b = 0
            }
        } else {
            var remaining = length
            if remaining > 48 {
                var see1 = seed
                var see2 = seed
                while remaining >= 48 {
                    let at = length - remaining
                    seed = mix(read64(data, at) ^ secret.0, read64(data, at + 8) ^ seed)
                    see1 = mix(read64(data, at + 16) ^ secret.1, read64(data, at + 24) ^ see1)
                    see2 = mix(read64(data, at + 32) ^ secret.2, read64(data, at + 40) ^ see2)
                    remaining -= 48
                }
                seed ^= see1 ^ see2
            }
            if remaining > 16 {
                let at = length - remaining
                seed = mix(read64(data, at) ^ secret.2, read64(data, at + 8) ^ seed ^ secret.1)
                if remaining > 32 {
                    seed = mix(read64(data, at + 16) ^ secret.2, read64(data, at + 24) ^ seed)
                }
            }
            a = read64(data, length - 16)
            b = read64(data, length - 8)
        }
        a ^= secret.1
        b ^= seed
        let product = a.multipliedFullWidth(by: b)
        return mix(product.low ^ secret.0 ^ UInt64(length), product.high ^ secret.1)
    }

    /// The high and low halves of the 128-bit product, xored.
    private static func mix(_ a: UInt64, _ b: UInt64) -> UInt64 {
        let product = a.multipliedFullWidth(by: b)
        return product.high ^ product.low
    }

    private static func read32(_ data: [UInt8], _ at: Int) -> UInt64 {
        (0..<4).reduce(0) { $0 | UInt64(data[at + $1]) << (8 * UInt64($1)) }
    }

    private static func read64(_ data: [UInt8], _ at: Int) -> UInt64 {
        (0..<8).reduce(0) { $0 | UInt64(data[at + $1]) << (8 * UInt64($1)) }
    }
}
