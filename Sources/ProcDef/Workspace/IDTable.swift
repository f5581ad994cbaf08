/// A read-only table from ids to values, for the lookups every rule makes (a role by its id, many times per step).
///
/// A `Dictionary<String, Value>` hashes each id with SipHash and a fresh seed: several hundred instructions a lookup,
/// and the rules of one process make thousands. This table hashes the id's bytes with `ContentHash` and probes its
/// own slots; an id found is usually the very string stored (ids are interned), so the comparison is one word.
///
/// It answers exactly as the dictionary it was made from, which compares texts by Unicode canonical equivalence
/// (`café` written precomposed or with a combining accent is one key; so are the Kelvin sign and `K`). Bytes decide
/// equality only for ASCII, so the table holds ASCII ids only: a table with any other key, and every lookup of an id
/// that is not ASCII, go to the dictionary.
///
/// `ContentHash` is not keyed: a file written to make ids collide could lengthen the probes. A table whose ids need
/// more than `maxProbes` probes is not built either.
package struct IDTable<Value: Sendable>: Sendable {
    private let dictionary: [String: Value]
    private var hashes: [UInt64] = []
    private var keys: [String] = []
    private var values: [Value] = []
    /// For each slot, 1 + the entry's index; 0 marks a free slot. Empty when lookups go to the dictionary.
    private var slots: [Int32] = []

    private static var maxProbes: Int { 32 }

    package init(_ dictionary: [String: Value]) {
        self.dictionary = dictionary
        guard dictionary.count < Int(Int32.max) / 4, !dictionary.isEmpty else { return }
        var capacity = 8
        while capacity < dictionary.count * 2 { capacity *= 2 }
        var slots = [Int32](repeating: 0, count: capacity)
        var hashes: [UInt64] = []
        var keys: [String] = []
        var values: [Value] = []
        let mask = capacity - 1
        // A key that is not ASCII, or one past `maxProbes`, leaves the table empty: every lookup uses the dictionary.
        for (key, value) in dictionary {
            guard let hash = Self.asciiHash(key) else { return }
            var slot = Int(truncatingIfNeeded: hash) & mask
            var probes = 0
            while slots[slot] != 0 {
                probes += 1
                if probes > Self.maxProbes { return }
                slot = (slot + 1) & mask
            }
            hashes.append(hash)
            keys.append(key)
            values.append(value)
            slots[slot] = Int32(keys.count)
        }
        (self.hashes, self.keys, self.values, self.slots) = (hashes, keys, values, slots)
    }

    package subscript(id: String) -> Value? {
        guard !slots.isEmpty, let hash = Self.asciiHash(id) else { return dictionary[id] }
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        for _ in 0...Self.maxProbes {
            let entry = Int(slots[slot])
            if entry == 0 { return nil }
            if hashes[entry - 1] == hash && keys[entry - 1] == id { return values[entry - 1] }
            slot = (slot + 1) & mask
        }
        return nil
    }

    package var isEmpty: Bool { dictionary.isEmpty }

    /// The hash of an ASCII id's bytes; nil for an id with any other byte.
    private static func asciiHash(_ id: String) -> UInt64? {
        if let hash = id.utf8.withContiguousStorageIfAvailable({ bytes -> UInt64? in
            bytes.allSatisfy { $0 < 0x80 } ? ContentHash.hash(UnsafeRawBufferPointer(bytes)) : nil
        }) {
            return hash
        }
        let bytes = Array(id.utf8)
        return bytes.allSatisfy { $0 < 0x80 } ? bytes.withUnsafeBytes { ContentHash.hash($0) } : nil
    }
}
