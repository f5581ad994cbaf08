/// A read-only table from ids to values, for the lookups every rule makes (a role by its id, many times per step).
///
/// A `Dictionary<String, Value>` hashes each id with SipHash and a fresh seed: several hundred instructions a lookup,
/// and the rules of one process make thousands. This table hashes the id's bytes with `ContentHash` and probes its
/// own slots; an id found is usually the very string stored (ids are interned), so the comparison is one word.
///
/// `ContentHash` is not keyed: a file written to make ids collide could lengthen the probes. A table whose ids need
/// more than `maxProbes` probes is not built; lookups then go to the dictionary it was made from.
package struct IDTable<Value: Sendable>: Sendable {
    private var hashes: [UInt64] = []
    private var keys: [String] = []
    private var values: [Value] = []
    /// For each slot, 1 + the entry's index; 0 marks a free slot.
    private var slots: [Int32] = []
    private var fallback: [String: Value]?

    private static var maxProbes: Int { 32 }

    package init(_ dictionary: [String: Value]) {
        guard dictionary.count < Int(Int32.max) / 4 else {
            fallback = dictionary
            return
        }
        var capacity = 8
        while capacity < dictionary.count * 2 { capacity *= 2 }
        var slots = [Int32](repeating: 0, count: capacity)
        let mask = capacity - 1
        for (key, value) in dictionary {
            let hash = Self.hash(key)
            var slot = Int(truncatingIfNeeded: hash) & mask
            var probes = 0
            while slots[slot] != 0 {
                probes += 1
                if probes > Self.maxProbes {
                    self = IDTable(fallback: dictionary)
                    return
                }
                slot = (slot + 1) & mask
            }
            hashes.append(hash)
            keys.append(key)
            values.append(value)
            slots[slot] = Int32(keys.count)
        }
        self.slots = slots
    }

    private init(fallback: [String: Value]) {
        self.fallback = fallback
    }

    package subscript(id: String) -> Value? {
        if let fallback { return fallback[id] }
        if keys.isEmpty { return nil }
        let hash = Self.hash(id)
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

    package var isEmpty: Bool { fallback?.isEmpty ?? keys.isEmpty }

    private static func hash(_ id: String) -> UInt64 {
        if let hash = id.utf8.withContiguousStorageIfAvailable({ ContentHash.hash(UnsafeRawBufferPointer($0)) }) {
            return hash
        }
        return Array(id.utf8).withUnsafeBytes { ContentHash.hash($0) }
    }
}
