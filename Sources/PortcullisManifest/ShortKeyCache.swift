/// A direct-mapped cache in front of `KeyTable.intern` for keys of at most 16 bytes (nearly every
/// Kubernetes key): such a key is identified by its length and two 8-byte words, so a hit costs
/// two loads and three compares, with no hashing of bytes one by one and no `memcmp`.
final class ShortKeyCache {
    private struct Entry {
        var first: UInt64
        var second: UInt64
        var length: Int32
        var atom: Int32
    }

    private static let size = 512
    private let entries: UnsafeMutablePointer<Entry>

    init() {
        entries = .allocate(capacity: Self.size)
        entries.initialize(repeating: Entry(first: 0, second: 0, length: -1, atom: -1), count: Self.size)
    }

    deinit { entries.deallocate() }

    /// The atom of `key` from the cache, or from `table` (and then remembered).
    @inline(__always)
    func intern(_ key: UnsafeRawBufferPointer, table: inout KeyTable) -> Int32 {
        let length = key.count
        guard length <= 16, length > 0 else { return table.intern(key) }
        var first: UInt64 = 0, second: UInt64 = 0
        if length >= 8 {
            first = key.loadUnaligned(fromByteOffset: 0, as: UInt64.self)
            if length == 16 {
                second = key.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
            } else {
                // The last 8 bytes overlap the first word; together they still identify the key.
                second = key.loadUnaligned(fromByteOffset: length - 8, as: UInt64.self)
            }
        } else {
            for index in 0..<length { first |= UInt64(key[index]) << (UInt64(index) &* 8) }
        }
        let mixed = (first &* 0x9E37_79B9_7F4A_7C15) ^ (second &* 0xC2B2_AE3D_27D4_EB4F) ^ UInt64(length)
        let slot = Int(truncatingIfNeeded: (mixed ^ (mixed >> 31)) & UInt64(Self.size - 1))
        let entry = entries[slot]
        if entry.length == Int32(length) && entry.first == first && entry.second == second {
            return entry.atom
        }
        let atom = table.intern(key)
        entries[slot] = Entry(first: first, second: second, length: Int32(length), atom: atom)
        return atom
    }
}
