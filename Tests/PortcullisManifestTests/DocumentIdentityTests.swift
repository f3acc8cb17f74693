import PortcullisDiagnostics
import PortcullisManifest
import Testing

/// A document's identity fields are held apart from it and, for the documents a run keeps for the
/// cross-document rules, once per distinct identity (`DocumentIdentities`).
@Suite struct DocumentIdentityTests {
    static let manifest = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: shop-frontend-production}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: api, namespace: shop-frontend-production}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: worker, namespace: shop-backend-production}
        ---
        apiVersion: v1
        kind: List
        items:
          - {apiVersion: v1, kind: Service, metadata: {name: web, namespace: shop-frontend-production}}
        ---
        settings: {replicas: 3}
        """

    @Test func movedDocumentsKeepTheirFieldsAndShareEqualIdentities() throws {
        let file = ManifestLoader().load(SourceFile(path: "m.yaml", bytes: Array(Self.manifest.utf8)))
        let identities = DocumentIdentities()
        let moved = Document.moved(file.resources, to: file.resources.map(\.root), sharing: identities)
        #expect(moved.count == 5)
        for (original, copy) in zip(file.resources, moved) {
            #expect(copy.path == original.path)
            #expect(copy.streamIndex == original.streamIndex)
            #expect(copy.listItemIndex == original.listItemIndex)
            #expect(copy.apiVersion == original.apiVersion && copy.kind == original.kind)
            #expect(copy.namespace == original.namespace && copy.name == original.name)
            #expect(copy.isResource == original.isResource && copy.operation == original.operation)
        }
        #expect(moved.map(\.listItemIndex) == [nil, nil, nil, 0, nil])
        #expect(moved.map(\.isResource) == [true, true, true, true, false])
        // Two deployments in one namespace, one in another, a service, a document that is no resource.
        #expect(identities.count == 4)
    }

    @Test func anAdmissionOperationIsPartOfTheIdentity() throws {
        let file = ManifestLoader().load(SourceFile(path: "m.yaml", bytes: Array(Self.manifest.utf8)))
        let root = try #require(file.resources.first?.root)
        let create = Document(path: "m.yaml", streamIndex: 0, listItemIndex: nil, root: root, operation: "CREATE")
        let update = Document(path: "m.yaml", streamIndex: 0, listItemIndex: nil, root: root, operation: "UPDATE")
        let identities = DocumentIdentities()
        let moved = Document.moved([create, update, create], to: [root, root, root], sharing: identities)
        #expect(moved.map(\.operation) == ["CREATE", "UPDATE", "CREATE"])
        #expect(identities.count == 2)
    }

    /// Identities are shared only between byte-equal fields: a namespace spelt `café` with one
    /// scalar and `café` with two (equal as `String`s) stay apart, each reported in its own bytes,
    /// kept whole or as a `DocumentList`.
    @Test func identitiesAreSharedOnlyWhenTheirBytesAreEqual() throws {
        let composed = "caf\u{E9}", decomposed = "cafe\u{301}"
        #expect(composed == decomposed && !composed.utf8.elementsEqual(decomposed.utf8))
        let text = [composed, decomposed, composed].map { "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, namespace: \($0)}\n" }
            .joined(separator: "---\n")
        let file = ManifestLoader().load(SourceFile(path: "m.yaml", bytes: Array(text.utf8)))
        let identities = DocumentIdentities()
        let moved = Document.moved(file.resources, to: file.resources.map(\.root), sharing: identities)
        #expect(identities.count == 2)
        #expect(moved.map { Array($0.namespace?.utf8 ?? "".utf8) } == file.resources.map { Array($0.namespace?.utf8 ?? "".utf8) })
        let storage = try #require(file.storage)
        let listed = DocumentList(file.resources, numberingIn: identities)
        let again = listed.documents(path: file.path, in: storage, identities: identities.all)
        #expect(again.map { Array($0.namespace?.utf8 ?? "".utf8) } == [Array(composed.utf8), Array(decomposed.utf8), Array(composed.utf8)])
        #expect(again.map(\.streamIndex) == [0, 1, 2] && again.allSatisfy { $0.path == "m.yaml" })
    }

    /// Moved as a batch (as a file's copies are), documents get the same identities as one at a
    /// time: equal ones shared across batches, byte-different ones kept apart within one batch
    /// even after an equal-as-`String` one was seen, every field the original's.
    @Test func aBatchSharesIdentitiesAsOneByOneDoes() throws {
        let composed = "caf\u{E9}", decomposed = "cafe\u{301}"
        let namespaces = [composed, decomposed, composed, "shop", decomposed] + (0..<10).map { "n\($0)" } + [composed, "shop"]
        let text = namespaces.map { "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, namespace: \($0)}\n" }.joined(separator: "---\n")
        let file = ManifestLoader().load(SourceFile(path: "m.yaml", bytes: Array(text.utf8)))
        let identities = DocumentIdentities()
        let first = Document.moved(file.resources, to: file.resources.map(\.root), sharing: identities)
        #expect(identities.count == 13)
        #expect(first.map { Array($0.namespace?.utf8 ?? "".utf8) } == namespaces.map { Array($0.utf8) })
        let oneByOne = file.resources.map { Document.moved([$0], to: [$0.root], sharing: identities)[0] }
        let again = Document.moved(file.resources, to: file.resources.map(\.root), sharing: identities)
        #expect(identities.count == 13)
        #expect(zip(first, oneByOne).allSatisfy { $0.identity === $1.identity })
        #expect(zip(first, again).allSatisfy { $0.identity === $1.identity })
        #expect(first[0].identity === first[2].identity && first[0].identity !== first[1].identity && first[1].identity === first[4].identity)
        let numbers = identities.numbers(file.resources.map(\.identity))
        #expect(numbers.map { identities.all[Int($0)] }.elementsEqual(first.map(\.identity)) { $0 === $1 })
    }

    /// A list whose entries went to a spill region reads as one held on the heap, finding counts included.
    @Test(.enabled(if: Platform.mapsSpillFiles, "spill files are mapped on Linux only"))
    func aSpilledListReadsAsAHeldOne() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let text = (0..<40).map { "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c\($0), namespace: n\($0 % 3)}\n" }.joined(separator: "---\n")
        let file = ManifestLoader().load(SourceFile(path: "m.yaml", bytes: Array(text.utf8)))
        let storage = try #require(file.storage)
        let identities = DocumentIdentities()
        let region = SpillRegion(directory: folder.path, threshold: 0)
        let counts = (0..<40).map { Int32($0 % 4 == 0 ? 0 : $0 * 3) }
        let held = DocumentList(file.resources, numberingIn: identities, findingCounts: counts)
        let spilled = DocumentList(file.resources, numberingIn: identities, findingCounts: counts, spillingTo: region)
        #expect(!held.isSpilled && spilled.isSpilled && region.placedBytes >= 40 * 20)
        region.releaseResidentPages()
        let keys = { (documents: [Document]) in documents.map { [$0.name, $0.namespace, String($0.streamIndex), String($0.root.index)] } }
        #expect(spilled.count == 40)
        #expect(keys(spilled.documents(path: file.path, in: storage, identities: identities.all))
                == keys(held.documents(path: file.path, in: storage, identities: identities.all)))
        #expect(keys(held.documents(path: file.path, in: storage, identities: identities.all)) == keys(file.resources))
        #expect(spilled.document(at: 39, path: file.path, in: storage, identities: identities.all).name == "c39")
        #expect((0..<40).map { spilled.findingCount(at: $0) } == counts.map(Int.init))
        #expect((0..<40).map { held.findingCount(at: $0) } == counts.map(Int.init))
        #expect(DocumentList(file.resources, numberingIn: identities).findingCount(at: 7) == 0)
    }

    /// What a run holds per document it keeps: the file's path, the root, two indexes, the identity.
    @Test func aDocumentIsFortyEightBytes() {
        #expect(MemoryLayout<Document>.stride <= 48)
    }
}
