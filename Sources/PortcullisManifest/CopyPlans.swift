/// `FieldTree`s laid out flat for copying (`ManifestStorage.copying`): each tree a row, each mapping
/// key it reads an entry with the row of what is read of its value. A copy resolves each entry's
/// name to the file's key id once (not once per mapping), and walks rows by number: no dictionary,
/// no tree value copied, nothing allocated per mapping.
package struct CopyPlans: Sendable {
    /// One tree: read whole, or the keys `firstKey..<firstKey + keyCount` and, when `elements` is
    /// not -1, that row for every element of a sequence (or every value of a mapping: a subscript
    /// computed at run time, `labels[k]`).
    struct Row: Sendable {
        var whole: Bool
        var firstKey: Int32
        var keyCount: Int32
        var elements: Int32
    }

    private(set) var rows: [Row] = []
    /// Per key entry, the name read.
    private(set) var keyNames: [String] = []
    /// Per key entry, the row of what is read of its value (with the row's `elements` tree merged
    /// in: a key read by name is also reached by a computed subscript).
    private(set) var keyRows: [Int32] = []

    package init() {}

    /// Adds `tree`; returns its row, what `ManifestStorage.copying` is given for a root.
    @discardableResult
    package mutating func add(_ tree: FieldTree) -> Int32 {
        let id = Int32(rows.count)
        rows.append(Row(whole: tree.whole, firstKey: 0, keyCount: 0, elements: -1))
        guard !tree.whole else { return id }
        let elements = tree.elements
        let elementsRow = elements.map { add($0) } ?? -1
        // The keys in name order: the layout does not depend on a dictionary's order.
        let named = tree.keys.sorted { $0.key < $1.key }
        let valueRows = named.map { _, read -> Int32 in
            guard let elements else { return add(read) }
            var both = read
            both.formUnion(elements)
            return add(both)
        }
        rows[Int(id)] = Row(whole: false, firstKey: Int32(keyNames.count), keyCount: Int32(named.count), elements: elementsRow)
        keyNames += named.map(\.key)
        keyRows += valueRows
        return id
    }
}
