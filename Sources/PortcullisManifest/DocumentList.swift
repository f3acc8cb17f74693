/// The documents of one file held compactly while a run waits for its cross-document rules:
/// 20 bytes each (the root's index, the stream and list positions, the identity's number among
/// the run's, `DocumentIdentities`, and how many findings the first pass made on it) instead of a
/// 48-byte `Document`, in the run's spill region when
/// it has one. The path and the arena are the file's, and the identities the run's, given when the
/// documents are made again.
package struct DocumentList: Sendable {
    private struct Entry: Sendable {
        var root: Int32
        var stream: Int32
        var item: Int32
        var identity: Int32
        var findings: Int32
    }

    /// Where the entries are: on the heap, or in a spill region (which the list keeps alive).
    private enum Entries: @unchecked Sendable {  // placed entries are written once, before the list is shared
        case held([Entry])
        case placed(UnsafePointer<Entry>, count: Int, region: SpillRegion)
    }

    private let entries: Entries

    /// `documents`, which must all be held in one arena and carry one path, their identities
    /// numbered in `identities`; the entries go to `region` when it takes them (a run keeps a list
    /// per file waiting for its cross-document rules: the region's file, not the heap, holds them).
    /// `findingCounts` (one per document, or none for all zero) are kept with them.
    package init(_ documents: [Document], numberingIn identities: DocumentIdentities, findingCounts: [Int32] = [],
                 spillingTo region: SpillRegion? = nil) {
        precondition(findingCounts.isEmpty || findingCounts.count == documents.count, "a count per document, or none")
        let numbers = identities.numbers(documents.map(\.identity))
        let held = documents.indices.map { index in
            let document = documents[index]
            return Entry(root: document.root.index, stream: document.stream, item: document.item, identity: numbers[index],
                         findings: findingCounts.isEmpty ? 0 : findingCounts[index])
        }
        if let region, let placed = held.withUnsafeBytes({ region.place($0) }) {
            entries = .placed(UnsafePointer(placed.bindMemory(to: Entry.self, capacity: held.count)), count: held.count, region: region)
        } else {
            entries = .held(held)
        }
    }

    package var count: Int {
        switch entries {
        case .held(let held): held.count
        case .placed(_, let count, _): count
        }
    }

    /// How many findings the first pass made on the document at `position` (as given).
    package func findingCount(at position: Int) -> Int {
        Int(self[position].findings)
    }

    /// Whether the entries are in a spill region's file.
    package var isSpilled: Bool {
        if case .placed = entries { true } else { false }
    }

    private subscript(position: Int) -> Entry {
        switch entries {
        case .held(let held): return held[position]
        case .placed(let start, let count, _):
            precondition(position >= 0 && position < count, "a document list's position")
            return start[position]
        }
    }

    /// The document at `position`, at `path` in `storage`; `identities` are the run's, by number
    /// (`DocumentIdentities.all`).
    package func document(at position: Int, path: String, in storage: ManifestStorage, identities: [DocumentIdentity]) -> Document {
        let entry = self[position]
        return Document(path: path, root: Node(storage: storage, index: entry.root), stream: entry.stream, item: entry.item,
                        identity: identities[Int(entry.identity)])
    }

    /// Every document, in order, at `path` in `storage`.
    package func documents(path: String, in storage: ManifestStorage, identities: [DocumentIdentity]) -> [Document] {
        (0..<count).map { document(at: $0, path: path, in: storage, identities: identities) }
    }
}
