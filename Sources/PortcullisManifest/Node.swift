import PortcullisDiagnostics

/// A read-only view of one node in a `ManifestStorage` arena: cheap to copy, safe to share.
///
/// A node does not hold its arena: making, copying and dropping one counts no reference (an
/// atomic operation each, which the evaluator's values made millions of times a run). Whatever
/// hands nodes out holds the arena for them: a `Document` (its `root`), a `ManifestFile` (its
/// `storage`), the run's `ResourceTable`, a `RuleGraph` (its constants' arenas). A node must not
/// be used once every holder of its arena is gone: keep the document or file it came from, not
/// the node alone (`ManifestLoader().load(…).resources[0].root` outlives its arena).
package struct Node: Sendable {
    package unowned(unsafe) let storage: ManifestStorage
    /// The node's index in the arena; equal indexes in the same storage are the same node
    /// (an alias shares the node of its anchor).
    package let index: Int32

    package init(storage: ManifestStorage, index: Int32) {
        self.storage = storage
        self.index = index
    }

    @inline(__always)
    var record: NodeRecord { storage.nodes[Int(index)] }

    /// Calls `body` with the arena as a reference the call may rely on without counting one (its
    /// holder keeps it alive): made strong for the call, `storage` would be retained and released.
    @inline(__always)
    func withStorage<R>(_ body: (ManifestStorage) -> R) -> R {
        Unmanaged.passUnretained(storage)._withUnsafeGuaranteedRef(body)
    }

    package var kind: NodeKind { record.kind }
    /// For a scalar, its resolved type; `.null` for containers.
    package var scalarType: ScalarType { record.scalarType }
    package var style: ScalarStyle { record.style }

    /// Where the node stands in its file: start and end, 1-based.
    package var span: SourceSpan {
        let r = record
        return SourceSpan(
            start: SourceLocation(line: Int(r.startLine), column: Int(r.startColumn)),
            end: SourceLocation(line: Int(r.endLine), column: Int(r.endColumn)))
    }

    /// Number of elements of a sequence, pairs of a mapping, 0 for a scalar.
    package var count: Int { kind == .scalar ? 0 : Int(record.count) }

    /// The text of a scalar, whatever its type; `nil` for containers.
    package var scalarText: String? { kind == .scalar ? withStorage { $0.string(of: index) } : nil }

    /// The value of a string scalar; `nil` for other types and containers.
    package var string: String? { kind == .scalar && scalarType == .string ? withStorage { $0.string(of: index) } : nil }

    /// Whether the node is a null scalar (`null`, `~`, or nothing).
    package var isNull: Bool { kind == .scalar && scalarType == .null }

    /// The value of a boolean scalar.
    package var bool: Bool? {
        guard kind == .scalar, scalarType == .bool else { return nil }
        return withScalarBytes { ScalarResolver.boolValue($0) }
    }

    /// The value of an integer scalar that fits in `Int64`.
    package var int: Int64? {
        guard kind == .scalar, scalarType == .int else { return nil }
        return withScalarBytes { ScalarResolver.parseGoInteger($0)?.int64 }
    }

    /// The value of a number scalar (integer or float) as `Double`.
    package var double: Double? {
        guard kind == .scalar else { return nil }
        switch scalarType {
        case .int:
            return withScalarBytes { bytes in
                ScalarResolver.parseGoInteger(bytes).map { Double($0.magnitude) * ($0.negative ? -1 : 1) }
            }
        case .float: return withScalarBytes { ScalarResolver.doubleValue($0) }
        default: return nil
        }
    }

    /// Calls `body` with a scalar's bytes in place (no `String` made).
    package func withScalarBytes<R>(_ body: (UnsafeRawBufferPointer) -> R) -> R {
        let r = record
        // Read through the arena's base address: the buffer's `withUnsafeBytes` retained the
        // buffer's owner for the call.
        let base = withStorage { UnsafeRawPointer($0.text.base) }
        return body(UnsafeRawBufferPointer(start: base + Int(r.first), count: Int(r.count)))
    }

    /// The value under `key` in a mapping (the last one if the key is repeated).
    package subscript(key: String) -> Node? {
        guard kind == .mapping else { return nil }
        return value(underAtom: withStorage { $0.findKey(key) })
    }

    /// The key and the value of the pair a lookup by `key` finds in a mapping (`self[key]`), or
    /// `nil`: where a finding on that value (or on a field missing under it) is placed.
    package func entry(_ key: String) -> (key: Node, value: Node)? {
        guard let value = self[key] else { return nil }
        return pair(holding: value)
    }

    /// The key and the value of this mapping's pair whose value is `value` (one of its values).
    func pair(holding value: Node) -> (key: Node, value: Node)? {
        let r = record
        let first = Int(r.first), end = Int(r.first) + Int(r.count) * 2
        // The key is the child just before its value; the children read where they are (through
        // the arena's buffer, each read counted a reference to its owner).
        let key: Int32? = withStorage { storage in
            let children = storage.children.base
            var slot = first + 1
            while slot < end {
                if children[slot] == value.index { return children[slot - 1] }
                slot += 2
            }
            return nil
        }
        return key.map { (Node(storage: storage, index: $0), value) }
    }

    /// The value under `key`, a key spelt in the program (`"metadata"`): found by its bytes, with
    /// no `String` copied for the lookup.
    package subscript(literal key: StaticString) -> Node? {
        guard kind == .mapping else { return nil }
        return value(underAtom: withStorage { $0.findKey(UnsafeRawBufferPointer(start: key.utf8Start, count: key.utf8CodeUnitCount)) })
    }

    /// The value under `key`, one of the keys nearly every document is asked for: its atom was
    /// found when the arena was made (`KnownAtoms`), so its bytes are not hashed again.
    package subscript(known key: KnownKey) -> Node? {
        guard kind == .mapping else { return nil }
        return value(underAtom: withStorage { $0.findKey(key) })
    }

    /// The value under the key whose atom in this file is `atom` (`nil`: no mapping of the file has
    /// that key), for a node known to be a mapping: what every lookup by key ends with.
    @inline(__always)
    func value(underAtom atom: Int32?) -> Node? {
        guard let atom, let value = withStorage({ $0.lookup(mapping: index, atom: atom) }) else { return nil }
        return Node(storage: storage, index: value)
    }

    /// The element at `position` of a sequence.
    package subscript(position: Int) -> Node? {
        let r = record
        guard r.kind == .sequence, position >= 0, position < Int(r.count) else { return nil }
        return Node(storage: storage, index: storage.children[Int(r.first) + position])
    }

    /// The elements of a sequence (empty for other kinds).
    package var elements: [Node] {
        let r = record
        guard r.kind == .sequence else { return [] }
        return (Int(r.first)..<Int(r.first + r.count)).map { Node(storage: storage, index: storage.children[$0]) }
    }

    /// The key, value pairs of a mapping in source order (empty for other kinds).
    package var entries: [(key: Node, value: Node)] {
        let r = record
        guard r.kind == .mapping else { return [] }
        return stride(from: Int(r.first), to: Int(r.first + r.count * 2), by: 2).map {
            (Node(storage: storage, index: storage.children[$0]), Node(storage: storage, index: storage.children[$0 + 1]))
        }
    }

    /// Calls `body` with each key and value of a mapping in source order, building no array.
    @inline(__always)
    package func forEachEntry(_ body: (_ key: Node, _ value: Node) -> Void) {
        let r = record
        guard r.kind == .mapping else { return }
        var slot = Int(r.first)
        let end = slot + Int(r.count) * 2
        while slot < end {
            body(Node(storage: storage, index: storage.children[slot]), Node(storage: storage, index: storage.children[slot + 1]))
            slot += 2
        }
    }

    /// The node at a path of keys and indexes, e.g. `["spec", "template", "spec"]`.
    package func node(at path: [PathComponent]) -> Node? {
        var current = self
        for component in path {
            switch component {
            case .key(let key): guard let next = current[key] else { return nil }; current = next
            case .index(let i): guard let next = current[i] else { return nil }; current = next
            }
        }
        return current
    }
}

/// One step of a path into a document.
package enum PathComponent: Hashable, Sendable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral {
    case key(String)
    case index(Int)

    package init(stringLiteral value: String) { self = .key(value) }
    package init(integerLiteral value: Int) { self = .index(value) }
}
