/// The order in which Chromium checks a request's headers against `Access-Control-Allow-Headers`: the iteration order
/// of Blink's request header map.
///
/// Chromium's network service walks the request's headers in the order Blink handed them over and names the first
/// one the preflight answer does not allow. Blink hands them over by iterating its header map, a WTF hash table: keys
/// hashed case-insensitively (rapidhash over the name folded to lowercase UTF-16), open addressing with triangular
/// probing, a table of at least 8 slots that doubles once it is half full, rehashed in slot order. `fetch()` fills the
/// map from its header list, which is sorted by name; `XMLHttpRequest` fills its own map in `setRequestHeader()` order
/// (the body's Content-Type last) and copies it entry by entry into the request's. Blink then adds one entry of its
/// own. That is why Chromium names neither the script's first header nor the alphabetically first one.
///
/// Fitted on 210 requests measured in Chromium 156, then checked on 270 new ones with 2 to 11 headers: every one
/// agreed (docs/verify.md, the fourth campaign).
enum BlinkHeaderMap {
    /// `names` (any case, repeats allowed) lowercased and in the order Chromium checks them.
    static func checkOrder(of names: [String], api: RequestAPI) -> [String] {
        var lowercased: [String] = []
        lowercased.reserveCapacity(names.count)
        for name in names {
            let lower = name.asciiLowercased
            if !lowercased.contains(lower) { lowercased.append(lower) }
        }
        var table = Table()
        switch api {
        case .fetch:
            // The fetch header list is sorted by name (bytes, case-insensitively); Blink copies it in that order.
            for name in lowercased.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) { table.insert(name) }
        case .xhr:
            var author = Table()
            for name in lowercased { author.insert(name) }
            for name in author.names { table.insert(name) }
        }
        // Blink's own entry after the script's (measured: it makes the table grow one header earlier). Any name
        // not among the script's fits the measurements; `origin` is forbidden to scripts, so it never collides
        // with one of theirs.
        table.insert("origin")
        return table.names.filter { $0 != "origin" }
    }

    /// A WTF hash set of lowercased header names, as far as its iteration order goes.
    private struct Table {
        private var slots: [String?] = Array(repeating: nil, count: 8)
        private var count = 0

        /// The names in slot order, the order the table iterates.
        var names: [String] { slots.compactMap { $0 } }

        mutating func insert(_ name: String) {
            guard let slot = emptySlot(for: name) else { return }
            slots[slot] = name
            count += 1
            if count * 2 >= slots.count { grow() }
        }

        /// The slot `name` goes into, or nil when it is already present.
        private func emptySlot(for name: String) -> Int? {
            let mask = slots.count - 1
            var index = Int(BlinkHeaderMap.hash(name)) & mask
            var probe = 0
            while let occupant = slots[index] {
                if occupant == name { return nil }
                probe += 1
                index = (index + probe) & mask
            }
            return index
        }

        private mutating func grow() {
            let old = slots
            slots = Array(repeating: nil, count: old.count * 2)
            count = 0
            for case let name? in old { insert(name) }
        }
    }

    /// WTF's case-folding string hash of an ASCII header name: rapidhash of the lowercased name as UTF-16LE, with the
    /// top 8 bits cleared (they hold StringImpl's flags) and 0 replaced.
    static func hash(_ name: String) -> UInt32 {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(name.utf8.count * 2)
        for byte in name.utf8 {
            bytes.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
            bytes.append(0)
        }
        let hash = UInt32(truncatingIfNeeded: RapidHash.hash(bytes)) & 0x00FF_FFFF
        return hash == 0 ? 0x0080_0000 : hash
    }
}
