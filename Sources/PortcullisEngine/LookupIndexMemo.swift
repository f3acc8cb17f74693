/// The cross-document indexes one evaluator has taken from its input set, by the lookup's plan node
/// and arguments, so that later documents of the same file find them again without taking the run's
/// shared lock (`SelectionIndexes`, which every worker takes) and without hashing the lookup's kinds
/// and field paths. An index is the same object the shared table holds: a verdict never depends on
/// which of the two it came from.
package struct LookupIndexMemo {
    /// One lookup's arguments and the index they gave.
    private struct Entry<Index> {
        let kinds: [String]
        let namespace: String?
        let index: Index
    }

    /// At most this many argument pairs are kept per node (a file's documents mostly share their
    /// namespace); a node past it asks the shared table each time.
    package static let entriesPerNode = 8

    private var selections: [Int32: [Entry<SelectionIndex>]] = [:]
    private var equalities: [Int32: [Entry<EqualityIndex>]] = [:]

    /// The selection index lookup `node` uses for `kinds` in `namespace`, from `shared` the first time.
    mutating func selectionIndex(node: Int32, kinds: [String], namespace: String?,
                                 shared: () -> SelectionIndex) -> SelectionIndex {
        Self.index(in: &selections, node: node, kinds: kinds, namespace: namespace, shared: shared)
    }

    /// The equality index lookup `node` uses for `kinds` in `namespace`, from `shared` the first time.
    mutating func equalityIndex(node: Int32, kinds: [String], namespace: String?,
                                shared: () -> EqualityIndex) -> EqualityIndex {
        Self.index(in: &equalities, node: node, kinds: kinds, namespace: namespace, shared: shared)
    }

    /// Forgets every index (the evaluator was given another input set).
    mutating func removeAll() {
        if !selections.isEmpty { selections.removeAll() }
        if !equalities.isEmpty { equalities.removeAll() }
    }

    private static func index<Index>(in table: inout [Int32: [Entry<Index>]], node: Int32, kinds: [String],
                                     namespace: String?, shared: () -> Index) -> Index {
        if let entries = table[node] {
            for entry in entries where entry.namespace == namespace && entry.kinds == kinds { return entry.index }
            guard entries.count < entriesPerNode else { return shared() }
        }
        let index = shared()
        table[node, default: []].append(Entry(kinds: kinds, namespace: namespace, index: index))
        return index
    }
}
