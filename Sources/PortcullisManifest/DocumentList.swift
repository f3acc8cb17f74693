/// The documents of one file held compactly while a run waits for its cross-document rules:
/// 16 bytes each (the root's index, the stream and list positions, the identity's number among
/// the file's distinct ones) instead of a 48-byte `Document`. The path and the arena are the
/// file's, given when the documents are made again.
package struct DocumentList: Sendable {
    private struct Entry: Sendable {
        var root: Int32
        var stream: Int32
        var item: Int32
        var identity: Int32
    }

    private let entries: [Entry]
    /// The distinct identities of the file's documents (shared ones: `DocumentIdentities`).
    private let identities: [DocumentIdentity]

    /// `documents`, which must all be held in one arena and carry one path.
    package init(_ documents: [Document]) {
        var identities: [DocumentIdentity] = []
        var numbers: [ObjectIdentifier: Int32] = [:]
        var entries: [Entry] = []
        entries.reserveCapacity(documents.count)
        for document in documents {
            let number = numbers[ObjectIdentifier(document.identity)] ?? {
                identities.append(document.identity)
                numbers[ObjectIdentifier(document.identity)] = Int32(identities.count - 1)
                return Int32(identities.count - 1)
            }()
            entries.append(Entry(root: document.root.index, stream: document.stream, item: document.item, identity: number))
        }
        self.entries = entries
        self.identities = identities
    }

    package var count: Int { entries.count }

    /// The document at `position`, at `path` in `storage`.
    package func document(at position: Int, path: String, in storage: ManifestStorage) -> Document {
        let entry = entries[position]
        return Document(path: path, root: Node(storage: storage, index: entry.root), stream: entry.stream, item: entry.item,
                        identity: identities[Int(entry.identity)])
    }

    /// Every document, in order, at `path` in `storage`.
    package func documents(path: String, in storage: ManifestStorage) -> [Document] {
        entries.indices.map { document(at: $0, path: path, in: storage) }
    }
}
