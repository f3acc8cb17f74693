/// The immutable arena that holds every node of one input file.
///
/// Built once by `ManifestBuilder`, then shared read-only by every `Document` of the file and by
/// any number of threads. Nodes refer to each other by index; aliases share the anchored node.
package final class ManifestStorage: Sendable {
    let nodes: ArenaBuffer<NodeRecord>
    let children: ArenaBuffer<Int32>
    /// Scalar text, UTF-8, back to back.
    let text: ArenaBuffer<UInt8>
    let keys: KeyTable
    /// The atoms of the keys looked up by name in nearly every document (`Node[known:]`).
    let knownAtoms: KnownAtoms
    /// Hash indexes of large mappings: node index → (key atom → value node index).
    let mappingIndex: [Int32: [Int32: Int32]]
    /// The spill region holding the buffers placed in it (`copying(_:keeping:spillingTo:)`), kept alive with them.
    private let region: SpillRegion?
    /// Whether every node stands in one place, in document order: each container is followed by
    /// its subtree, child after child, and no child is shared (no alias, merge key or repeated key
    /// in the file, whose children point back at nodes made earlier). A node's path can then be
    /// found going down from the root by index (`NodePlaces`), without a table of parents.
    package let isInDocumentOrder: Bool

    /// An arena of buffers built on the heap (it keeps them).
    convenience init(
        nodes: GrowableBuffer<NodeRecord>, children: GrowableBuffer<Int32>, text: GrowableBuffer<UInt8>, keys: KeyTable,
        mappingIndex: [Int32: [Int32: Int32]], isInDocumentOrder: Bool = false
    ) {
        self.init(nodes: ArenaBuffer(nodes), children: ArenaBuffer(children), text: ArenaBuffer(text), keys: keys,
                  mappingIndex: mappingIndex, region: nil, isInDocumentOrder: isInDocumentOrder)
    }

    /// An arena of finished buffers, some perhaps placed in `region`.
    init(nodes: ArenaBuffer<NodeRecord>, children: ArenaBuffer<Int32>, text: ArenaBuffer<UInt8>, keys: KeyTable,
         mappingIndex: [Int32: [Int32: Int32]], region: SpillRegion?, isInDocumentOrder: Bool = false) {
        self.nodes = nodes
        self.children = children
        self.text = text
        self.keys = keys
        knownAtoms = KnownAtoms(keys)
        self.mappingIndex = mappingIndex
        self.region = region
        self.isInDocumentOrder = isInDocumentOrder
    }

    /// Number of nodes in the arena (aliases not expanded).
    package var nodeCount: Int { nodes.count }

    /// Whether some mapping of the arena has `key` among its keys (`false`: a lookup of `key` in
    /// any of its mappings finds nothing, and need not be made).
    package func holdsKey(_ key: String) -> Bool { keys.find(key) != nil }

    /// The addresses from the first to the end of the last of the buffers placed in the storage's
    /// spill region (placed one after another when the storage was made; another worker's may lie
    /// between); `nil` when none is placed.
    package var placedSpan: Range<UInt>? {
        var span: Range<UInt>?
        for bytes in [nodes.placedBytes, children.placedBytes, text.placedBytes, keys.placedBytes] {
            guard let bytes, let start = bytes.baseAddress, bytes.count > 0 else { continue }
            let low = UInt(bitPattern: start), high = low + UInt(bytes.count)
            span = span.map { min($0.lowerBound, low)..<max($0.upperBound, high) } ?? low..<high
        }
        return span
    }

    // The lookups nodes make, kept out of line: a node holds its arena unowned, and code inlined
    // into its methods copied the key table (references counted) to read it; called, the arena is
    // the method's own `self` (`Node.withStorage`).

    /// The atom of `key` among the arena's keys; `nil` when no mapping of it has that key.
    @inline(never)
    func findKey(_ key: String) -> Int32? { keys.find(key) }

    /// The atom of the key whose UTF-8 bytes are `key`; `nil` when no mapping of the arena has it.
    @inline(never)
    func findKey(_ key: UnsafeRawBufferPointer) -> Int32? { keys.find(key) }

    /// The atom of `key` among the arena's keys, found when the arena was made (`KnownAtoms`).
    @inline(never)
    func findKey(_ key: KnownKey) -> Int32? { knownAtoms.atom(of: key, in: keys) }

    /// The value node for a key atom in a mapping node, honouring the last-wins rule.
    @inline(never)
    func lookup(mapping index: Int32, atom: Int32) -> Int32? {
        let record = nodes[Int(index)]
        if record.flags & NodeRecord.indexedFlag != 0 {
            return mappingIndex[index]?[atom]
        }
        var cursor = Int(record.first)
        let end = cursor + Int(record.count) * 2
        while cursor < end {
            let keyIndex = children[cursor]
            if nodes[Int(keyIndex)].atom == atom { return children[cursor + 1] }
            cursor += 2
        }
        return nil
    }

    @inline(never)
    func string(of index: Int32) -> String {
        let record = nodes[Int(index)]
        let start = Int(record.first)
        return String(decoding: UnsafeBufferPointer(start: text.base + start, count: Int(record.count)), as: UTF8.self)
    }
}
