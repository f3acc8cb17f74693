import PortcullisDiagnostics
import Synchronization

/// One mapping document of a file, or one item of a `kind: List`: a resource when it names its
/// `apiVersion` and `kind` (`isResource`).
package struct Document: Sendable {
    /// The display path of the file it came from.
    package let path: String
    /// The arena `root` is in, held for as long as the document is: a `Node` does not hold its
    /// arena (see `Node`), the document that hands it out does.
    private let arena: ManifestStorage
    /// `root`'s index in `arena`.
    private let rootIndex: Int32
    /// The resource's top-level mapping.
    package var root: Node { Node(storage: arena, index: rootIndex) }
    let stream: Int32
    /// `listItemIndex`, or -1.
    let item: Int32
    /// The identity fields, read once from the document; shared by the documents that have the
    /// same (`DocumentIdentities`) among those a run keeps for the cross-document rules.
    package let identity: DocumentIdentity

    /// 0-based position of its YAML document in the file's stream (empty documents count).
    package var streamIndex: Int { Int(stream) }
    /// For an item unpacked from a `*List`, its 0-based index in `items`.
    package var listItemIndex: Int? { item >= 0 ? Int(item) : nil }
    /// For the object of an AdmissionReview: the request's operation (`CREATE`, `UPDATE`, …).
    package var operation: String? { identity.operation }

    /// The identity fields, read once when the document is made: matchers, lookups, findings and
    /// reports ask for them many times per document (each read was a key lookup and a new `String`).
    package var apiVersion: String? { identity.apiVersion }
    package var kind: String? { identity.kind }
    package var namespace: String? { identity.namespace }
    /// Read where a finding is made (often longer than a `String` holds inline: not kept).
    package var name: String? { root[known: .metadata]?[known: .name]?.scalarText }
    /// Whether this is a Kubernetes resource: it names both its `apiVersion` and its `kind`, as
    /// kubectl requires. Anything else (a Helm values file, an application's configuration) is read,
    /// but no policy runs on it and cross-document lookups do not see it. A document with only one
    /// of the two is not a resource either (the loader warns about it: `manifest.missing-kind`).
    package var isResource: Bool { identity.isResource }

    package init(path: String, streamIndex: Int, listItemIndex: Int?, root: Node, operation: String? = nil) {
        self.path = path
        arena = root.storage
        rootIndex = root.index
        stream = Int32(clamping: streamIndex)
        item = listItemIndex.map { Int32(clamping: $0) } ?? -1
        let apiVersionNode = root[known: .apiVersion], kindNode = root[known: .kind], metadata = root[known: .metadata]
        identity = DocumentIdentity(apiVersion: apiVersionNode?.scalarText, kind: kindNode?.scalarText,
                                    namespace: metadata?[known: .namespace]?.scalarText, operation: operation,
                                    isResource: Self.names(apiVersionNode) && Self.names(kindNode))
    }

    /// The same documents at `roots` (one root each: their copies in another arena, with the same
    /// identity fields), each identity shared through `identities` with the other documents that
    /// have the same (taken under one lock).
    package static func moved(_ documents: [Document], to roots: [Node], sharing identities: DocumentIdentities) -> [Document] {
        precondition(documents.count == roots.count, "a root per document")
        let shared = identities.shared(documents.map(\.identity))
        return documents.indices.map { documents[$0].moved(to: roots[$0], identity: shared[$0]) }
    }

    private func moved(to root: Node, identity: DocumentIdentity) -> Document {
        Document(path: path, root: root, stream: stream, item: item, identity: identity)
    }

    init(path: String, root: Node, stream: Int32, item: Int32, identity: DocumentIdentity) {
        self.path = path
        arena = root.storage
        rootIndex = root.index
        self.stream = stream
        self.item = item
        self.identity = identity
    }

    /// The identity fields `isResource` finds absent (`apiVersion`, `kind`), in that order.
    var missingIdentity: [String] {
        [("apiVersion", root["apiVersion"]), ("kind", root["kind"])].compactMap { Self.names($0.1) ? nil : $0.0 }
    }

    /// A non-empty, non-null scalar: something that can name an apiVersion or a kind (its text's
    /// length read from its record, no `String` made).
    private static func names(_ node: Node?) -> Bool {
        guard let node, node.kind == .scalar, !node.isNull else { return false }
        return node.record.count > 0
    }

    /// For an `admission.k8s.io` AdmissionReview: the object under review and the operation. A
    /// DELETE carries no object (nothing to check): the object is `nil`.
    var admissionRequest: (object: Node?, operation: String?)? {
        // The identity's kind first (read when the document was made, from the same node's text):
        // a kind whose text is not equal to the word cannot pass the lookup's check either.
        guard listItemIndex == nil, kind == "AdmissionReview", root["kind"]?.string == "AdmissionReview",
              root["apiVersion"]?.string?.hasPrefix("admission.k8s.io/") == true, let request = root["request"] else { return nil }
        let object = request["object"].flatMap { $0.kind == .mapping ? $0 : nil }
        return (object, request["operation"]?.string)
    }

    /// For a `v1/List` or any `*List` kind whose `items` is a sequence: the items.
    var listItems: [Node]? {
        guard listItemIndex == nil, kind?.hasSuffix("List") == true, let listKind = root["kind"]?.string, listKind.hasSuffix("List"),
              root["apiVersion"] != nil, let items = root["items"], items.kind == .sequence else { return nil }
        return items.elements
    }
}

/// What identifies a document (its `apiVersion`, `kind`, namespace, admission operation), held
/// apart from it: the documents a run keeps for the cross-document rules share one per distinct
/// identity (`DocumentIdentities`), and a document is 48 bytes instead of 128.
package final class DocumentIdentity: Sendable, Hashable {
    let apiVersion: String?
    let kind: String?
    let namespace: String?
    let operation: String?
    let isResource: Bool

    init(apiVersion: String?, kind: String?, namespace: String?, operation: String?, isResource: Bool) {
        self.apiVersion = apiVersion
        self.kind = kind
        self.namespace = namespace
        self.operation = operation
        self.isResource = isResource
    }

    /// Equal when every field has the same bytes: `String`'s `==` finds `café` spelt with one
    /// scalar equal to `café` spelt with two, and a document sharing the other's identity would
    /// then report its namespace in the other's bytes.
    package static func == (a: DocumentIdentity, b: DocumentIdentity) -> Bool {
        a === b || (sameBytes(a.kind, b.kind) && sameBytes(a.namespace, b.namespace) && sameBytes(a.apiVersion, b.apiVersion)
                    && sameBytes(a.operation, b.operation) && a.isResource == b.isResource)
    }

    /// The fields' bytes folded into one word (as FNV-1a, eight bytes a step, each field closed by
    /// its length), which the hasher then takes as one value: handing it each field's bytes cost a
    /// round of its buffering per field, for every document the run keeps (a few dozen bytes in all).
    /// The fold starts from a value drawn for the process (`foldSeed`), so that texts made to fold
    /// alike (namespaces of a hostile input, to make the run's table of identities probe long) do
    /// so in no other run.
    package func hash(into hasher: inout Hasher) {
        var folded = Self.foldSeed
        Self.fold(kind, into: &folded)
        Self.fold(namespace, into: &folded)
        Self.fold(apiVersion, into: &folded)
        Self.fold(operation, into: &folded)
        hasher.combine(folded)
        hasher.combine(isResource)
    }

    private static func sameBytes(_ a: String?, _ b: String?) -> Bool {
        switch (a, b) {
        case (nil, nil): return true
        case (var x?, var y?):
            // Most identities' fields are held inline (up to 15 bytes: `Deployment`, `apps/v1`), where
            // equal bytes are equal representations; a longer text held by the same buffer is too.
            if sameRepresentation(x, y) { return true }
            // The bytes compared where they are (`bytesEqual`), not a byte at a time through two
            // `UTF8View` iterators: most identities are found equal, every field read to its end.
            return x.withUTF8 { first in
                y.withUTF8 { second in
                    first.count == second.count
                        && (first.isEmpty || bytesEqual(first.baseAddress!, second.baseAddress!, count: first.count))
                }
            }
        default: return false
        }
    }

    /// Whether `a` and `b` are represented by the same two words: then they have the same bytes
    /// (the converse does not hold: equal texts in two buffers). Read without counting a reference.
    private static func sameRepresentation(_ a: String, _ b: String) -> Bool {
        // Two words where `String` is sixteen bytes (64-bit platforms); elsewhere the bytes decide.
        guard MemoryLayout<String>.size == MemoryLayout<(UInt64, UInt64)>.size else { return false }
        let x = unsafeBitCast(a, to: (UInt64, UInt64).self), y = unsafeBitCast(b, to: (UInt64, UInt64).self)
        return x == y
    }

    private static let foldPrime: UInt64 = 0x0000_0100_0000_01b3

    /// Where the fold starts: from the hasher's seed, drawn for each process (fixed when
    /// `SWIFT_DETERMINISTIC_HASHING` is set, as the hasher's is).
    private static let foldSeed: UInt64 = {
        var hasher = Hasher()
        hasher.combine(0xcbf2_9ce4_8422_2325 as UInt64)
        return UInt64(bitPattern: Int64(hasher.finalize()))
    }()

    /// Folds `text`'s bytes into `state`, then its length (a value no byte has marks a missing
    /// field), so that two fields' bytes cannot run into each other.
    private static func fold(_ text: String?, into state: inout UInt64) {
        guard var text else {
            state = (state ^ 0x1_0000) &* foldPrime
            return
        }
        let count = text.withUTF8 { bytes in
            // Eight bytes at a time, then the rest one by one.
            let raw = UnsafeRawBufferPointer(bytes)
            var offset = 0
            while offset + 8 <= raw.count {
                state = (state ^ raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* foldPrime
                state ^= state >> 29
                offset += 8
            }
            while offset < raw.count {
                state = (state ^ UInt64(raw[offset])) &* foldPrime
                offset += 1
            }
            return raw.count
        }
        state = (state ^ (UInt64(truncatingIfNeeded: count) << 8 | 0xff)) &* foldPrime
    }
}

/// The distinct document identities of one run, each held once: a run keeps thousands of
/// documents for its cross-document rules, of a few kinds in a few namespaces.
package final class DocumentIdentities: Sendable {
    private struct Held {
        var numbering = Numbering<DocumentIdentity, DocumentIdentity>()
        /// The number of each identity held, by the object: a document's identity, once shared
        /// (`shared`), is found again by its address, without hashing its fields a second time.
        /// The objects are held by `numbering`, so no address is reused while it is here.
        var byObject: [ObjectIdentifier: Int32] = [:]

        mutating func number(_ identity: DocumentIdentity) -> Int32 {
            if let number = byObject[ObjectIdentifier(identity)] { return number }
            let number = numbering.number(of: identity, identity)
            if numbering.elements[Int(number)] === identity { byObject[ObjectIdentifier(identity)] = number }
            return number
        }
    }
    private let known = Mutex(Held())

    package init() {}

    /// The identities equal to `batch`'s this run already holds (each new one now held), in
    /// order, under one lock.
    func shared(_ batch: [DocumentIdentity]) -> [DocumentIdentity] {
        known.withLock { known in
            batch.map { identity in
                let number = known.number(identity)  // first: it may add to the elements read next
                return known.numbering.elements[Int(number)]
            }
        }
    }

    /// The numbers of the identities equal to `batch`'s among those held (held now if new), in
    /// order, under one lock.
    package func numbers(_ batch: [DocumentIdentity]) -> [Int32] {
        known.withLock { known in batch.map { known.number($0) } }
    }

    /// Every identity held, by number.
    package var all: [DocumentIdentity] { known.withLock { $0.numbering.elements } }

    /// How many distinct identities are held (for tests).
    package var count: Int { known.withLock { $0.numbering.elements.count } }
}
