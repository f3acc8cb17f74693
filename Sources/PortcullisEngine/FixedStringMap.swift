import PortcullisDiagnostics
import PortcullisManifest

/// A map from strings fixed when it is made (the kinds a run's policies name, Kubernetes'
/// cluster-scoped kinds), asked once or twice for every document.
///
/// A `Dictionary` or `Set` of strings hashes the key with SipHash on every lookup, some hundreds
/// of instructions for a kind. Here the key's bytes are read in place, hashed as a file's mapping
/// keys are (`KeyTable.hash`, eight bytes at a time), and compared only when a slot's kept hash is equal. The keys never change after
/// the map is made, so a key chosen to collide can lengthen no probe beyond those the map's own
/// keys make: the table is at most half full. A key that is not ASCII is looked up as a `String`,
/// so that keys equal in Unicode but not in bytes are found as a `Dictionary` finds them.
package struct FixedStringMap<Value> {
    /// Per slot, an index into `entries`, or -1 for an empty slot.
    private let slots: [Int32]
    /// Per key, its hash, where its bytes are in `keyBytes`, and its value.
    private let entries: [Entry]
    /// Every key's bytes, one after another.
    private let keyBytes: [UInt8]

    /// The map of `dictionary`.
    init(_ dictionary: [String: Value]) {
        var capacity = 8
        while capacity < dictionary.count * 2 { capacity *= 2 }
        var slots = [Int32](repeating: -1, count: capacity)
        var entries: [Entry] = []
        var keyBytes: [UInt8] = []
        entries.reserveCapacity(dictionary.count)
        for (key, value) in dictionary {
            let bytes = Array(key.utf8)
            let hash = bytes.withUnsafeBytes(KeyTable.hash)
            var slot = hash & (capacity - 1)
            while slots[slot] >= 0 { slot = (slot + 1) & (capacity - 1) }
            slots[slot] = Int32(entries.count)
            entries.append(Entry(key: key, hash: hash, start: Int32(keyBytes.count), count: Int32(bytes.count), value: value))
            keyBytes += bytes
        }
        self.slots = slots
        self.entries = entries
        self.keyBytes = keyBytes
    }

    /// A key's hash, where its bytes are in `keyBytes`, and its value.
    private struct Entry: @unchecked Sendable {
        let key: String
        let hash: Int
        let start: Int32
        let count: Int32
        let value: Value
    }

    /// The value for `key`, if the map has it.
    subscript(key: String) -> Value? {
        guard let index = index(of: key) else { return nil }
        return entries[index].value
    }

    /// Whether the map has `key`.
    func contains(_ key: String) -> Bool { index(of: key) != nil }

    /// How many keys the map has.
    var count: Int { entries.count }

    private func index(of key: String) -> Int? {
        key.withUTF8InPlace { utf8 -> Int? in
            let bytes = UnsafeRawBufferPointer(utf8)
            // Text that is not ASCII equals other bytes in Unicode (`é` precomposed or not), as a
            // `Dictionary`'s keys do: compared as `String`s, one key after another (no kind is).
            guard bytes.isASCII else { return entries.firstIndex { $0.key == key } }
            let hash = KeyTable.hash(bytes)
            let mask = slots.count - 1
            var slot = hash & mask
            while true {
                let index = Int(slots[slot])
                guard index >= 0 else { return nil }
                // Fields read one by one: the whole entry would copy its value.
                if entries[index].hash == hash, Int(entries[index].count) == bytes.count,
                   bytes.isEmpty || keyBytes.withUnsafeBytes({ all in
                       bytesEqual(all.baseAddress! + Int(entries[index].start), bytes.baseAddress!, count: bytes.count)
                   }) {
                    return index
                }
                slot = (slot + 1) & mask
            }
        }
    }
}

extension FixedStringMap: Sendable where Value: Sendable {}

extension FixedStringMap where Value == Void {
    /// The set of `keys`.
    init(_ keys: some Sequence<String>) {
        self.init(Dictionary(keys.map { ($0, ()) }, uniquingKeysWith: { first, _ in first }))
    }
}
