extension ManifestStorage {
    /// A new, smaller arena holding only what `trees` say is read of the documents at `roots` (one
    /// tree per root), and the new roots' indexes, in order (`copying(_:keeping:in:spillingTo:)`).
    package func copying(_ roots: [Int32], keeping trees: [FieldTree],
                         spillingTo region: SpillRegion? = nil) -> (storage: ManifestStorage, roots: [Int32]) {
        var plans = CopyPlans()
        let rows = trees.map { plans.add($0) }
        return copying(roots, keeping: rows, in: plans, spillingTo: region)
    }

    /// A new, smaller arena holding only what `plans` say is read of the documents at `roots` (one
    /// row of `plans` per root), and the new roots' indexes, in order. A mapping keeps only the
    /// pairs read (what reads it whole keeps it whole); a sequence keeps every element, a skipped
    /// null for one not read, so positions and paths are those of the original; a mapping with an
    /// `elements` tree applies it to every value (a subscript computed at run time). Every node
    /// keeps its source positions. A subtree reached twice through an alias is copied once. The
    /// copy interns only the keys it holds, each key's text once; its buffers are cut to size: the
    /// copy is kept for the rest of the run, its nodes, children, text and key table in `region`
    /// when it takes them (`SpillRegion`).
    package func copying(_ roots: [Int32], keeping rows: [Int32], in plans: CopyPlans,
                         spillingTo region: SpillRegion? = nil) -> (storage: ManifestStorage, roots: [Int32]) {
        var copier = Copier(from: self, plans: plans)
        let newRoots = zip(roots, rows).map { root, row in copier.copy(root, row: row) }
        // The copy keeps the region, which holds whatever of it was placed there.
        let storage = ManifestStorage(nodes: .kept(copier.nodes, spillingTo: region), children: .kept(copier.children, spillingTo: region),
                                      text: .kept(copier.text, spillingTo: region), keys: copier.keys.compacted(spillingTo: region),
                                      mappingIndex: copier.mappingIndex, region: region)
        return (storage, newRoots)
    }

    /// Copies nodes from one arena into new buffers.
    private struct Copier {
        let source: ManifestStorage
        let nodes = GrowableBuffer<NodeRecord>(capacity: 64)
        let children = GrowableBuffer<Int32>(capacity: 64)
        let text = GrowableBuffer<UInt8>(capacity: 256)
        var mappingIndex: [Int32: [Int32: Int32]] = [:]
        /// Whole subtrees already copied: old index → new index.
        var copiedWhole: [Int32: Int32] = [:]
        /// The copy's keys: those of the nodes copied, not every key of the file.
        var keys = KeyTable(capacity: 16)
        /// Per atom of the source, its atom in the copy and where its text is (-1: not copied yet).
        var atoms: [Int32]
        var keyText: [Int32] = []
        /// The source's key table, read once (each read of `source.keys` copies the table's references).
        let sourceKeys: KeyTable
        /// The source's nodes, children and text, read where they are (`source` keeps them): each
        /// read through the arena's buffers counted a reference to the buffer's owner.
        let sourceNodes: UnsafeMutablePointer<NodeRecord>
        let sourceChildren: UnsafeMutablePointer<Int32>
        let sourceText: UnsafeMutablePointer<UInt8>
        /// The children of the mappings being copied, each mapping's pushed above its callers' and
        /// taken off when it is done (a mapping's children must be contiguous, and its values'
        /// children are copied in between): one buffer for the copy, not an array per mapping.
        let pendingChildren = GrowableBuffer<Int32>(capacity: 64)
        /// What is copied of each node, by row.
        let plans: CopyPlans
        /// Per key entry of `plans`, the source's atom of its name: -2 not looked up yet, -1 a name
        /// the file never uses (read nowhere in it).
        var entryAtoms: [Int32]
        /// Whether a subtree can be reached twice (an alias, a merge key): only then are whole
        /// copies remembered (`copiedWhole`).
        let sharesNodes: Bool

        init(from source: ManifestStorage, plans: CopyPlans) {
            self.source = source
            self.plans = plans
            sourceKeys = source.keys
            sourceNodes = source.nodes.base
            sourceChildren = source.children.base
            sourceText = source.text.base
            atoms = [Int32](repeating: -1, count: source.keys.count)
            entryAtoms = [Int32](repeating: -2, count: plans.keyNames.count)
            sharesNodes = !source.isInDocumentOrder
        }

        /// Copies a scalar's record (its text, and for a key its atom in the copy; a key's text is
        /// held once however many times it is copied).
        mutating func appendScalar(_ original: NodeRecord) -> Int32 {
            var record = original
            let start = Int(record.first)
            if record.atom >= 0 {
                var atom = atoms[Int(record.atom)]
                if atom < 0 {
                    atom = keys.intern(UnsafeRawBufferPointer(start: sourceText + start, count: Int(record.count)))
                    atoms[Int(record.atom)] = atom
                    if Int(atom) == keyText.count {
                        keyText.append(Int32(text.count))
                        text.append(contentsOf: UnsafeRawBufferPointer(start: sourceText + start, count: Int(record.count)))
                    }
                }
                record.atom = atom
                record.first = keyText[Int(atom)]
            } else {
                record.first = Int32(text.count)
                text.append(contentsOf: UnsafeRawBufferPointer(start: sourceText + start, count: Int(record.count)))
            }
            let id = Int32(nodes.count)
            nodes.append(record)
            return id
        }

        /// Copies node `index` and everything below it; returns its new index. A mapping or
        /// sequence reached twice (an alias) is copied once.
        mutating func copyWhole(_ index: Int32) -> Int32 {
            var record = sourceNodes[Int(index)]
            if record.kind == .scalar { return appendScalar(record) }
            if sharesNodes, let done = copiedWhole[index] { return done }
            let id = Int32(nodes.count)
            nodes.append(record)
            if sharesNodes { copiedWhole[index] = id }
            // The children's slots first (they must be contiguous), filled as each is copied.
            let count = Int(record.count) * (record.kind == .mapping ? 2 : 1)
            let first = children.count
            for _ in 0..<count { children.append(0) }
            for offset in 0..<count {
                children[first + offset] = copyWhole(sourceChildren[Int(record.first) + offset])
            }
            record.first = Int32(first)
            indexPairs(of: record, at: id)
            nodes[Int(id)] = record
            return id
        }

        /// For a mapping its source indexes by key (`NodeRecord.indexedFlag`), the same index over
        /// the pairs the copy holds (`record` points at the copy's children).
        mutating func indexPairs(of record: NodeRecord, at id: Int32) {
            guard record.kind == .mapping, record.flags & NodeRecord.indexedFlag != 0 else { return }
            let first = Int(record.first)
            var index: [Int32: Int32] = [:]
            for pair in 0..<Int(record.count) { index[nodes[Int(children[first + pair * 2])].atom] = children[first + pair * 2 + 1] }
            mappingIndex[id] = index
        }

        /// The source's atom of key entry `entry`'s name (-1: the file never uses it).
        mutating func atom(ofEntry entry: Int) -> Int32 {
            var atom = entryAtoms[entry]
            if atom == -2 {
                atom = sourceKeys.find(plans.keyNames[entry]) ?? -1
                entryAtoms[entry] = atom
            }
            return atom
        }

        /// Copies node `index` with what row `row` of the plans reads of it; returns its new index.
        mutating func copy(_ index: Int32, row rowIndex: Int32) -> Int32 {
            let row = plans.rows[Int(rowIndex)]
            if row.whole { return copyWhole(index) }
            var record = sourceNodes[Int(index)]
            if record.kind == .scalar { return appendScalar(record) }
            let id = Int32(nodes.count)
            nodes.append(record)
            switch record.kind {
            case .scalar:
                break  // copied above
            case .mapping:
                let firstEntry = Int(row.firstKey), entryEnd = Int(row.firstKey + row.keyCount)
                // The names the row reads, as this file's atoms, looked up once per copy.
                for entry in firstEntry..<entryEnd { _ = atom(ofEntry: entry) }
                let base = pendingChildren.count
                for pair in 0..<Int(record.count) {
                    let slot = Int(record.first) + pair * 2
                    let key = sourceChildren[slot], value = sourceChildren[slot + 1]
                    // What is read of the value: the row of its name (any key's merged in), or (a
                    // subscript computed at run time, `labels[k]`) the row of any key; a pair
                    // nothing reads is left out.
                    let keyAtom = sourceNodes[Int(key)].atom
                    var read = row.elements
                    if keyAtom >= 0 {
                        for entry in firstEntry..<entryEnd where entryAtoms[entry] == keyAtom {
                            read = plans.keyRows[entry]
                            break
                        }
                    }
                    guard read >= 0 else { continue }
                    let copiedKey = copyWhole(key)
                    pendingChildren.append(copiedKey)
                    let copiedValue = copy(value, row: read)
                    pendingChildren.append(copiedValue)
                }
                record.first = Int32(children.count)
                record.count = Int32((pendingChildren.count - base) / 2)
                children.append(from: pendingChildren, range: base..<pendingChildren.count)
                pendingChildren.truncate(to: base)
                indexPairs(of: record, at: id)
            case .sequence:
                let read = row.elements
                let base = pendingChildren.count
                for offset in 0..<Int(record.count) {
                    let element = sourceChildren[Int(record.first) + offset]
                    let copiedElement = read >= 0 ? copy(element, row: read) : skipped(element)
                    pendingChildren.append(copiedElement)
                }
                record.first = Int32(children.count)
                children.append(from: pendingChildren, range: base..<pendingChildren.count)
                pendingChildren.truncate(to: base)
            }
            nodes[Int(id)] = record
            return id
        }

        /// A skipped null where node `index` was, with its positions.
        mutating func skipped(_ index: Int32) -> Int32 {
            let original = sourceNodes[Int(index)]
            let id = Int32(nodes.count)
            nodes.append(NodeRecord(
                kind: .scalar, scalarType: .null, style: .plain, flags: NodeRecord.skippedFlag, first: Int32(text.count), count: 0,
                atom: -1, startLine: original.startLine, startColumn: original.startColumn,
                endLine: original.endLine, endColumn: original.endColumn))
            return id
        }
    }
}
