/// The documents of one file held compactly while a run waits for its cross-document rules:
/// 16 bytes each (the root's index, the stream and list positions, the identity's number among
/// the run's, `DocumentIdentities`) instead of a 48-byte `Document`. The path and the arena are
/// the file's, and the identities the run's, given when the documents are made again.
package struct DocumentList: Sendable {
    private struct Entry: Sendable {
        var root: Int32
        var stream: Int32
        var item: Int32
        var identity: Int32
    }

    private let entries: [Entry]

    /// `documents`, which must all be held in one arena and carry one path, their identities
    /// numbered in `identities`.
    package init(_ documents: [Document], numberingIn identities: DocumentIdentities) {
        entries = documents.map { document in
            Entry(root: document.root.index, stream: document.stream, item: document.item, identity: identities.number(document.identity))
        }
    }

    package var count: Int { entries.count }

    /// The document at `position`, at `path` in `storage`; `identities` are the run's, by number
    /// (`DocumentIdentities.all`).
    package func document(at position: Int, path: String, in storage: ManifestStorage, identities: [DocumentIdentity]) -> Document {
        let entry = entries[position]
        return Document(path: path, root: Node(storage: storage, index: entry.root), stream: entry.stream, item: entry.item,
                        identity: identities[Int(entry.identity)])
    }

    /// Every document, in order, at `path` in `storage`.
    package func documents(path: String, in storage: ManifestStorage, identities: [DocumentIdentity]) -> [Document] {
        entries.indices.map { document(at: $0, path: path, in: storage, identities: identities) }
    }
}
