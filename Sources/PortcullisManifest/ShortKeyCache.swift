/// A key of at most 16 bytes (nearly every Kubernetes key) as its length and two 8-byte words:
/// equal keys have equal words, so comparing two costs three compares, with no hashing of bytes
/// one by one and no `memcmp`.
struct ShortKey: Hashable {
    var first: UInt64
    var second: UInt64
    var length: Int32

    /// The words of `key`, or `nil` when it is longer than 16 bytes.
    @inline(__always)
    init?(_ key: UnsafeRawBufferPointer) {
        let length = key.count
        guard length <= 16 else { return nil }
        var first: UInt64 = 0, second: UInt64 = 0
        if length >= 8 {
            // Little-endian words (as the shorter keys are packed below), so `text` reads them back
            // the same on every machine.
            first = UInt64(littleEndian: key.loadUnaligned(fromByteOffset: 0, as: UInt64.self))
            // Up to 16 bytes: the last 8 overlap the first word; together they still identify the key.
            second = UInt64(littleEndian: key.loadUnaligned(fromByteOffset: length - 8, as: UInt64.self))
        } else {
            for index in 0..<length { first |= UInt64(key[index]) << (UInt64(index) &* 8) }
        }
        self.first = first
        self.second = second
        self.length = Int32(length)
    }

    /// A longer key by its atom (`length` -1): equal to another only by the same atom.
    init(atom: Int32) {
        first = UInt64(UInt32(bitPattern: atom))
        second = 0
        length = -1
    }

    /// The key's bytes, as text (a key made from an atom has none).
    var text: String {
        let count = max(Int(length), 0)
        let bytes = (0..<count).map { index -> UInt8 in
            if index < 8 { return UInt8(truncatingIfNeeded: first >> (UInt64(index) &* 8)) }
            return UInt8(truncatingIfNeeded: second >> (UInt64(index - (count - 8)) &* 8))
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// A direct-mapped cache in front of `KeyTable.intern` for keys of at most 16 bytes, by their
/// `ShortKey`: a hit costs two loads and three compares.
final class ShortKeyCache {
    private struct Entry {
        var key: ShortKey
        var atom: Int32
    }

    private static let size = 512
    private let entries: UnsafeMutablePointer<Entry>

    init() {
        entries = .allocate(capacity: Self.size)
        // Length -1: equal to no key of 1 to 16 bytes.
        entries.initialize(repeating: Entry(key: ShortKey(atom: -1), atom: -1), count: Self.size)
    }

    deinit { entries.deallocate() }

    /// The atom of `key` from the cache, or from `table` (and then remembered).
    @inline(__always)
    func intern(_ key: UnsafeRawBufferPointer, table: inout KeyTable) -> Int32 {
        guard !key.isEmpty, let short = ShortKey(key) else { return table.intern(key) }
        let mixed = (short.first &* 0x9E37_79B9_7F4A_7C15) ^ (short.second &* 0xC2B2_AE3D_27D4_EB4F) ^ UInt64(short.length)
        let slot = Int(truncatingIfNeeded: (mixed ^ (mixed >> 31)) & UInt64(Self.size - 1))
        let entry = entries[slot]
        if entry.key == short { return entry.atom }
        let atom = table.intern(key)
        entries[slot] = Entry(key: short, atom: atom)
        return atom
    }
}
