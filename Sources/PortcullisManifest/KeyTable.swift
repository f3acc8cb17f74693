import PortcullisDiagnostics

/// Interned mapping keys of one file: each distinct key text gets a small integer id (an atom), so
/// that key comparison during lookup is an integer comparison.
///
/// An open-addressing hash table over the key bytes; growing and lookup never create a `String`.
package struct KeyTable: Sendable {
    private(set) var bytes: [UInt8] = []
    private(set) var offsets: [Int32] = [0]
    private var slots: [Int32]
    private var mask: Int
    /// A compacted table whose arrays went to a spill region (`compacted(spillingTo:)`): then the
    /// arrays above are empty (and `mask` unused), and lookups read the block.
    private var placed: PlacedKeys?

    init(capacity: Int = 64) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = Array(repeating: -1, count: size)
        mask = size - 1
    }

    var count: Int { placed?.count ?? offsets.count - 1 }

    /// A multiplicative hash over 8-byte words (keys are short; this is on the hot path). Also what
    /// the engine's `FixedStringMap` hashes kinds with.
    @inline(__always)
    package static func hash(_ key: UnsafeRawBufferPointer) -> Int {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(key.count)
        var offset = 0
        let count = key.count
        while offset + 8 <= count {
            h = (h ^ key.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
            h ^= h >> 32
            offset += 8
        }
        if offset < count {
            // The last 1 to 7 bytes as one little-endian word, read with whole loads where the key
            // is long enough (the same word a byte at a time would make: `tailWord`).
            let tail: UInt64
            if count >= 8 {
                tail = UInt64(littleEndian: key.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)) >> UInt64(8 * (8 - (count - offset)))
            } else if count >= 4 {
                let low = UInt64(UInt32(littleEndian: key.loadUnaligned(fromByteOffset: 0, as: UInt32.self)))
                let high = UInt64(UInt32(littleEndian: key.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)))
                tail = low | high << UInt64(8 * (count - 4))
            } else {
                tail = tailWord(key, from: offset)
            }
            h = (h ^ tail) &* 0xFF51_AFD7_ED55_8CCD
        }
        h ^= h >> 29
        return Int(truncatingIfNeeded: h)
    }

    /// The bytes of `key` from `offset` to its end (at most 8) as a little-endian word, one at a time.
    static func tailWord(_ key: UnsafeRawBufferPointer, from offset: Int) -> UInt64 {
        var tail: UInt64 = 0
        for index in offset..<key.count { tail |= UInt64(key[index]) << UInt64(8 * (index - offset)) }
        return tail
    }

    @inline(__always)
    private func equals(_ atom: Int32, _ key: UnsafeRawBufferPointer) -> Bool {
        let start = Int(offsets[Int(atom)])
        let end = Int(offsets[Int(atom) + 1])
        guard end - start == key.count else { return false }
        guard let base = key.baseAddress, key.count > 0 else { return true }
        return bytes.withUnsafeBytes { stored in bytesEqual(stored.baseAddress! + start, base, count: key.count) }
    }

    /// The most keys a compacted table finds by a scan instead of through hash slots.
    static let scanLimit = 16

    /// The table as it is kept once complete: its arrays cut to size, and without hash slots when
    /// it holds at most `scanLimit` keys (found by a scan): an arena copied for the cross-document
    /// rules holds a dozen keys, and a run keeps one per file.
    /// With `region`, the arrays go to the region's file as one block, when it takes them: a run
    /// keeps one table per file it copies, and the heap then holds none of them.
    func compacted(spillingTo region: SpillRegion? = nil) -> KeyTable {
        var table = self
        if let region, placed == nil, let block = PlacedKeys(offsets: offsets, slots: count <= Self.scanLimit ? [] : slots,
                                                             bytes: bytes, in: region) {
            table.bytes = []
            table.offsets = []
            table.slots = []
            table.placed = block
            return table
        }
        // Copied through a buffer: an array made from an array shares its storage, capacity and all.
        table.bytes = bytes.withUnsafeBufferPointer { Array($0) }
        table.offsets = offsets.withUnsafeBufferPointer { Array($0) }
        if count <= Self.scanLimit {
            table.slots = []
            table.mask = 0
        }
        return table
    }

    /// Whether the table's arrays are in a spill region's file.
    var isSpilled: Bool { placed != nil }

    /// The table's block when it is placed in a spill region (`compacted(spillingTo:)`); `nil` on the heap.
    var placedBytes: UnsafeRawBufferPointer? { placed?.block }

    /// The atom of `key`, or `nil` if the file never used it as a key.
    func find(_ key: UnsafeRawBufferPointer) -> Int32? {
        if let placed { return placed.find(key) }
        return Self.find(key, count: count, slotCount: slots.count, slot: { slots[$0] }, isKey: { equals($0, key) })
    }

    /// The atom of `key` among `count` keys, held as arrays or placed as a block: by a scan when
    /// there are no hash slots, else by probing the slots from its hash.
    @inline(__always)
    static func find(_ key: UnsafeRawBufferPointer, count: Int, slotCount: Int, slot: (Int) -> Int32,
                     isKey: (Int32) -> Bool) -> Int32? {
        if slotCount == 0 {
            for atom in 0..<Int32(count) where isKey(atom) { return atom }
            return nil
        }
        let mask = slotCount - 1
        var index = hash(key) & mask
        while true {
            let atom = slot(index)
            if atom < 0 { return nil }
            if isKey(atom) { return atom }
            index = (index + 1) & mask
        }
    }

    /// The atom of `key` (a `String`), or `nil` if the file never used it as a key.
    func find(_ key: String) -> Int32? {
        var key = key
        return key.withUTF8 { find(UnsafeRawBufferPointer($0)) }
    }

    /// The atom of `key`, adding it if new.
    mutating func intern(_ key: UnsafeRawBufferPointer) -> Int32 {
        if let placed {
            // Back on the heap to take keys again.
            bytes = placed.bytes
            offsets = placed.offsets
            self.placed = nil
        }
        if slots.isEmpty { grow() }  // a compacted table takes keys again
        var slot = KeyTable.hash(key) & mask
        while true {
            let atom = slots[slot]
            if atom < 0 { break }
            if equals(atom, key) { return atom }
            slot = (slot + 1) & mask
        }
        let atom = Int32(count)
        bytes.append(contentsOf: key)
        offsets.append(Int32(bytes.count))
        slots[slot] = atom
        if count * 2 > slots.count { grow() }
        return atom
    }

    mutating func intern(_ key: String) -> Int32 {
        var key = key
        return key.withUTF8 { intern(UnsafeRawBufferPointer($0)) }
    }

    /// The text of an atom.
    func string(_ atom: Int32) -> String {
        if let placed { return placed.string(atom) }
        let start = Int(offsets[Int(atom)])
        let end = Int(offsets[Int(atom) + 1])
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    private mutating func grow() {
        var size = max(16, slots.count * 2)
        while size < count * 2 + 2 { size <<= 1 }
        slots = Array(repeating: -1, count: size)
        mask = size - 1
        let total = count
        bytes.withUnsafeBytes { all in
            for atom in 0..<total {
                let start = Int(offsets[atom]), end = Int(offsets[atom + 1])
                var slot = KeyTable.hash(UnsafeRawBufferPointer(rebasing: all[start..<end])) & mask
                while slots[slot] >= 0 { slot = (slot + 1) & mask }
                slots[slot] = Int32(atom)
            }
        }
    }
}

/// A compacted key table in one block of a spill region: the offsets (one more than the keys),
/// the hash slots (none when keys are found by a scan), then the key bytes. Written once, when
/// placed; read only after.
private struct PlacedKeys: @unchecked Sendable {
    let base: UnsafeRawPointer
    private let storedCount: Int32
    private let storedSlotCount: Int32
    /// The block's size, kept so that telling where it lies reads none of its pages.
    private let byteCount: Int32
    /// Holds the block; kept alive with it.
    let region: SpillRegion

    var count: Int { Int(storedCount) }
    var slotCount: Int { Int(storedSlotCount) }

    /// The block for these arrays, or `nil` when the region does not take it.
    init?(offsets: [Int32], slots: [Int32], bytes: [UInt8], in region: SpillRegion) {
        var block: [UInt8] = []
        block.reserveCapacity(4 * (offsets.count + slots.count) + bytes.count)
        offsets.withUnsafeBytes { block.append(contentsOf: $0) }
        slots.withUnsafeBytes { block.append(contentsOf: $0) }
        block.append(contentsOf: bytes)
        guard block.count <= Int32.max, let placed = block.withUnsafeBytes({ region.place($0) }) else { return nil }
        base = UnsafeRawPointer(placed)
        storedCount = Int32(offsets.count - 1)
        storedSlotCount = Int32(slots.count)
        byteCount = Int32(block.count)
        self.region = region
    }

    private func offset(_ index: Int) -> Int {
        Int(base.load(fromByteOffset: 4 * index, as: Int32.self))
    }

    private var bytesStart: UnsafeRawPointer { base + 4 * (count + 1 + slotCount) }

    /// The whole block: offsets, slots and key bytes.
    var block: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: base, count: Int(byteCount)) }

    private func equals(_ atom: Int, _ key: UnsafeRawBufferPointer) -> Bool {
        let start = offset(atom), end = offset(atom + 1)
        guard end - start == key.count else { return false }
        guard let keyBase = key.baseAddress, key.count > 0 else { return true }
        return bytesEqual(bytesStart + start, keyBase, count: key.count)
    }

    func find(_ key: UnsafeRawBufferPointer) -> Int32? {
        KeyTable.find(key, count: count, slotCount: slotCount, slot: { base.load(fromByteOffset: 4 * (count + 1 + $0), as: Int32.self) },
                      isKey: { equals(Int($0), key) })
    }

    func string(_ atom: Int32) -> String {
        let start = offset(Int(atom)), end = offset(Int(atom) + 1)
        return String(decoding: UnsafeRawBufferPointer(start: bytesStart + start, count: end - start), as: UTF8.self)
    }

    /// The arrays again, for a table that takes keys again.
    var offsets: [Int32] { (0...count).map { Int32(offset($0)) } }
    var bytes: [UInt8] { Array(UnsafeRawBufferPointer(start: bytesStart, count: offset(count))) }
}
