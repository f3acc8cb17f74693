import PortcullisDiagnostics

extension Node {
    /// How to reach `target` from this node: the path components, and the key node `target` is held
    /// under (`nil` when it is a sequence element or this node itself). `nil` when `target` is not
    /// below this node. Walks the arena by index, creating nothing until the target is found.
    package func path(to target: Node) -> (components: [PathComponent], key: Node?)? {
        guard target.storage === storage else { return nil }
        if target.index == index { return ([], nil) }
        var trail: [(parent: Int32, slot: Int32)] = []
        guard Node.search(storage, from: index, for: target.index, trail: &trail) else { return nil }
        var components: [PathComponent] = []
        components.reserveCapacity(trail.count)
        var key: Node?
        for (offset, step) in trail.enumerated() {
            let parent = storage.nodes[Int(step.parent)]
            if parent.kind == .mapping {
                let keyIndex = storage.children[Int(parent.first) + Int(step.slot) * 2]
                components.append(.key(storage.string(of: keyIndex)))
                if offset == trail.count - 1 { key = Node(storage: storage, index: keyIndex) }
            } else {
                components.append(.index(Int(step.slot)))
            }
        }
        return (components, key)
    }

    /// Depth-first search with an explicit stack (a document may be as deep as a raised `maxDepth`
    /// allows): on success `trail` holds each (container, slot) on the way to `target`.
    private static func search(_ storage: ManifestStorage, from node: Int32, for target: Int32,
                               trail: inout [(parent: Int32, slot: Int32)]) -> Bool {
        struct Frame { var node: Int32; var slot: Int32; var next: Int32; let count: Int32; let first: Int32; let width: Int32 }
        func frame(_ index: Int32) -> Frame? {
            let record = storage.nodes[Int(index)]
            switch record.kind {
            case .scalar: return nil
            case .sequence: return Frame(node: index, slot: -1, next: 0, count: record.count, first: record.first, width: 1)
            case .mapping: return Frame(node: index, slot: -1, next: 0, count: record.count, first: record.first, width: 2)
            }
        }
        guard let root = frame(node) else { return false }
        var stack = [root]
        while !stack.isEmpty {
            let top = stack.count - 1
            let current = stack[top]
            guard current.next < current.count else { stack.removeLast(); continue }
            stack[top].slot = current.next
            stack[top].next += 1
            // A mapping's value is the second of its pair.
            let child = storage.children[Int(current.first + current.next * current.width + (current.width - 1))]
            if child == target {
                trail = stack.map { ($0.node, $0.slot) }
                return true
            }
            if let inner = frame(child) { stack.append(inner) }
        }
        return false
    }

    /// A JSON path (`$.spec.containers[0].image`) for components.
    package static func jsonPath(_ components: [PathComponent]) -> String {
        var path: [UInt8] = [UInt8(ascii: "$")]
        for component in components {
            switch component {
            case .key(var key): key.withUTF8 { appendPathStep(keyUTF8: $0, to: &path) }
            case .index(let i): appendIndexStep(i, to: &path)
            }
        }
        return String(decoding: path, as: UTF8.self)
    }
}

/// A mapping key resolved once for one file: lookups with it compare integers only.
package struct KeyID: Hashable, Sendable {
    let atom: Int32
    /// The file's arena (`ManifestStorage.address`).
    let storage: UInt
}

extension ManifestStorage {
    /// The key id of `name` in this file, or `nil` when no mapping of the file has that key.
    package func keyID(_ name: String) -> KeyID? {
        keys.find(name).map { KeyID(atom: $0, storage: address) }
    }

    /// The arena's address, the bits of its `ObjectIdentifier`: an identity to compare that costs
    /// no reference counting. An `ObjectIdentifier` made from the reference does: its initializer
    /// takes the object owned, so every comparison retained and released the arena (two atomic
    /// operations, in the evaluator's hottest path).
    @inline(__always)
    package var address: UInt { UInt(bitPattern: Unmanaged.passUnretained(self).toOpaque()) }
}

extension Node {
    /// The value under a key resolved with `ManifestStorage.keyID`.
    @inline(__always)
    package subscript(key: KeyID) -> Node? {
        guard kind == .mapping, key.storage == storage.address else { return nil }
        return value(underAtom: key.atom)
    }

    /// The key and the value of the pair a lookup by a resolved key finds (`self[key]`), or `nil`,
    /// as `entry(_:)` finds them by the key's text.
    package func entry(_ key: KeyID) -> (key: Node, value: Node)? {
        guard let value = self[key] else { return nil }
        return pair(holding: value)
    }
}

extension Node {
    /// Whether this is a scalar whose text is exactly `text` (bytes compared, no `String` made).
    package func scalarTextEquals(_ text: String) -> Bool {
        guard kind == .scalar else { return false }
        var text = text
        return text.withUTF8 { wanted in
            withScalarBytes { have in
                have.count == wanted.count && (have.count == 0 || bytesEqual(have.baseAddress!, wanted.baseAddress!, count: have.count))
            }
        }
    }
}
