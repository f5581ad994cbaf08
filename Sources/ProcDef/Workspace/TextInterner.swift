#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// One copy of each distinct text of a workspace, shared by every value that holds it.
///
/// Ids are written again and again: a role id in every activity it works in, an artifact in the outputs of one activity
/// and the inputs of the next, in every file. Each decoded occurrence would otherwise be a heap copy of its own, which
/// in a large repository adds up to about half the size of its files. Files are decoded in parallel, so the table
/// is split into shards by hash, each behind its own lock, and two threads seldom wait for each other.
///
/// Every text decoded passes through here, so the table hashes with `ContentHash` rather than the standard library's
/// hashing and probes its own open-addressing slots. That hash is not keyed: a file written to make texts collide could
/// lengthen the probes, so a text that finds no slot within `maxProbes` is simply kept as it is, never searched longer.
final class TextInterner: @unchecked Sendable {
    /// One lock and its slots, kept behind a pointer: a class's stored arrays would be checked for exclusive access on
    /// every probe, and this runs for every text of every file. Only touched with its lock held.
    private final class Shard {
        let lock = Lock()
        let slots: UnsafeMutablePointer<Slots>

        /// 0 marks a free slot; the hashes stored are never 0.
        struct Slots {
            var hashes: UnsafeMutablePointer<UInt64>
            var texts: UnsafeMutablePointer<String>
            var capacity: Int
            var count = 0

            init(capacity: Int) {
                self.capacity = capacity
                hashes = .allocate(capacity: capacity)
                hashes.initialize(repeating: 0, count: capacity)
                texts = .allocate(capacity: capacity)
            }

            /// Frees the slots; `texts` is initialized exactly where `hashes` is not 0.
            func deallocate() {
                for slot in 0..<capacity where hashes[slot] != 0 { (texts + slot).deinitialize(count: 1) }
                hashes.deallocate()
                texts.deallocate()
            }

            /// The stored text with exactly these bytes, or a new one made from them and stored.
            mutating func intern(bytes: UnsafeBufferPointer<UInt8>, hash: UInt64) -> String {
                let mask = capacity - 1
                var slot = Int(truncatingIfNeeded: hash) & mask
                for _ in 0..<TextInterner.maxProbes {
                    let stored = hashes[slot]
                    if stored == 0 {
                        let text = String(decoding: bytes, as: UTF8.self)
                        hashes[slot] = hash
                        (texts + slot).initialize(to: text)
                        count += 1
                        if count * 2 > capacity { grow() }
                        return text
                    }
                    if stored == hash && TextInterner.sameBytes(texts[slot], bytes) { return texts[slot] }
                    slot = (slot + 1) & mask
                }
                return String(decoding: bytes, as: UTF8.self)
            }

            /// Doubles the slots at half full, so that probes stay short.
            private mutating func grow() {
                var larger = Slots(capacity: capacity * 2)
                let mask = larger.capacity - 1
                for old in 0..<capacity where hashes[old] != 0 {
                    var slot = Int(truncatingIfNeeded: hashes[old]) & mask
                    while larger.hashes[slot] != 0 { slot = (slot + 1) & mask }
                    larger.hashes[slot] = hashes[old]
                    (larger.texts + slot).moveInitialize(from: texts + old, count: 1)
                }
                larger.count = count
                hashes.deallocate()
                texts.deallocate()
                self = larger
            }
        }

        init() {
            slots = .allocate(capacity: 1)
            slots.initialize(to: Slots(capacity: 256))
        }

        deinit {
            slots.pointee.deallocate()
            slots.deinitialize(count: 1)
            slots.deallocate()
        }
    }

    fileprivate static let maxProbes = 64
    private static let shardBits = 4
    private let shards = (0..<(1 << TextInterner.shardBits)).map { _ in Shard() }

    /// The table's copy of the text with these UTF-8 bytes: a text already stored is returned without making a
    /// `String` of the bytes at all, so the decoder's repeated ids cost a hash and a compare, not an allocation.
    func intern(bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard bytes.count > 15 else { return String(decoding: bytes, as: UTF8.self) }
        let hash = ContentHash.hash(UnsafeRawBufferPointer(bytes))
        let shard = shards[Int(truncatingIfNeeded: hash >> (64 - UInt64(Self.shardBits)))]
        return shard.lock.withLock { shard.slots.pointee.intern(bytes: bytes, hash: hash | 1) }
    }

    /// Byte equality: `==` on strings compares canonical equivalence, which for text that is not ASCII normalizes.
    fileprivate static func sameBytes(_ text: String, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard text.utf8.count == bytes.count else { return false }
        guard let base = bytes.baseAddress else { return true }
        return text.utf8.withContiguousStorageIfAvailable { stored in
            stored.baseAddress.map { memcmp($0, base, bytes.count) == 0 } ?? true
        } ?? text.utf8.elementsEqual(bytes)
    }
}

/// A fast 64-bit hash of bytes, eight at a step with a final mix: for noticing changed files and for `TextInterner`'s
/// table, where it runs over every file and every text. Not keyed, so never the only defence against crafted input.
enum ContentHash {
    static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(bytes.count)
        var offset = 0
        while offset + 8 <= bytes.count {
            hash = (hash ^ bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* 0x9e37_79b9_7f4a_7c15
            hash ^= hash >> 29
            offset += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while offset < bytes.count {
            tail |= UInt64(bytes[offset]) << shift
            shift += 8
            offset += 1
        }
        hash = (hash ^ tail) &* 0x9e37_79b9_7f4a_7c15
        // MurmurHash3's finalizer: every input bit reaches the low bits (the slot) and the high bits (the shard).
        hash ^= hash >> 33
        hash = hash &* 0xff51_afd7_ed55_8ccd
        hash ^= hash >> 33
        hash = hash &* 0xc4ce_b9fe_1a85_ec53
        hash ^= hash >> 33
        return hash
    }
}
