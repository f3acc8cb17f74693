import PortcullisDiagnostics

/// Where each node of a file stands in its document: the container holding it and its slot there,
/// so a finding's path is read by walking up from its node (O(depth)) rather than searched for from
/// the document's root (O(document) per finding: quadratic in the findings of one resource).
///
/// Filled one document at a time, on that document's first path request, by one pre-order walk
/// (explicit stack) that does not enter a node twice: a node reached through several aliases keeps
/// its first place, which is what a depth-first search from the root finds. Documents of a file are
/// disjoint in the arena, so one table serves the whole file. One per evaluator (not `Sendable`).
package struct NodePlaces {
    private var storage: ManifestStorage?
    /// Per arena index: the container's index, or -1 when not reached from a filled root.
    private var parent: [Int32] = []
    /// Per arena index: the slot in that container (a pair's index in a mapping).
    private var slot: [Int32] = []
    private var filledRoots: Set<Int32> = []
    /// The containers and slots walked up from a finding's node, kept between requests (a path
    /// request made and grew an array of its own, most of its cost).
    private var steps: [(parent: Int32, slot: Int32)] = []

    package init() {}

    /// How many documents' places were recorded in the table (the way down by index needs none).
    var filledDocumentCount: Int { filledRoots.count }

    /// How to reach `target` from `ancestor` in the document whose root is `root`: the path
    /// components, and the key node `target` is held under (`nil` when it is a sequence element or
    /// `ancestor` itself). `nil` when `target`'s place in that document is not below `ancestor`.
    package mutating func path(to target: Node, from ancestor: Node, root: Node) -> (components: [PathComponent], key: Node?)? {
        let arena = root.storage
        guard target.storage === arena, ancestor.storage === arena else { return nil }
        if target.index == ancestor.index { return ([], nil) }
        // In document order a node below the ancestor is found going down, and one the way down
        // misses is not below it (a key, a node before the ancestor or after its subtree).
        if arena.isInDocumentOrder {
            return target.index > ancestor.index ? Self.descend(to: target.index, from: ancestor.index, in: arena) : nil
        }
        fill(root)
        steps.removeAll(keepingCapacity: true)
        var current = target.index
        while current != ancestor.index {
            let up = parent[Int(current)]
            guard up >= 0 else { return nil }
            steps.append((up, slot[Int(current)]))
            current = up
        }
        var components: [PathComponent] = []
        components.reserveCapacity(steps.count)
        var key: Node?
        for (offset, step) in steps.reversed().enumerated() {
            let container = arena.nodes[Int(step.parent)]
            if container.kind == .mapping {
                let keyIndex = arena.children[Int(container.first) + Int(step.slot) * 2]
                components.append(.key(arena.string(of: keyIndex)))
                if offset == steps.count - 1 { key = Node(storage: arena, index: keyIndex) }
            } else {
                components.append(.index(Int(step.slot)))
            }
        }
        return (components, key)
    }

    /// The path from `ancestor` down to `target` in an arena in document order
    /// (`ManifestStorage.isInDocumentOrder`): in each container, the child holding `target` is the
    /// last one made at or before it (children are made one after another, each followed by its
    /// subtree), found by halving; `nil` when the way down does not end at `target` (a key node, or
    /// a node outside `ancestor`). Costs the depth times the logarithm of the widths, where filling
    /// the table of places costs the whole document.
    private static func descend(to target: Int32, from ancestor: Int32, in arena: ManifestStorage)
        -> (components: [PathComponent], key: Node?)? {
        var components: [PathComponent] = []
        components.reserveCapacity(8)  // deeper than most paths a finding has
        var key: Node?
        var current = ancestor
        while current != target {
            let record = arena.nodes[Int(current)]
            let width: Int32
            switch record.kind {
            case .scalar: return nil
            case .sequence: width = 1
            case .mapping: width = 2
            }
            // The last child (a mapping's value) whose index is at most `target`.
            var low: Int32 = 0, high = record.count
            while low < high {
                let middle = (low + high) / 2
                if arena.children[Int(record.first + middle * width + width - 1)] <= target { low = middle + 1 } else { high = middle }
            }
            guard low > 0 else { return nil }
            let slot = low - 1
            let child = arena.children[Int(record.first + slot * width + width - 1)]
            guard child > current else { return nil }
            if width == 2 {
                let keyIndex = arena.children[Int(record.first + slot * 2)]
                components.append(.key(arena.string(of: keyIndex)))
                key = Node(storage: arena, index: keyIndex)
            } else {
                components.append(.index(Int(slot)))
                key = nil
            }
            current = child
        }
        return (components, key)
    }

    /// Records the place of every node of `root`'s document, once.
    private mutating func fill(_ root: Node) {
        let arena = root.storage
        if storage !== arena {
            storage = arena
            parent = Array(repeating: -1, count: arena.nodes.count)
            slot = Array(repeating: 0, count: arena.nodes.count)
            filledRoots = []
        }
        guard filledRoots.insert(root.index).inserted else { return }
        struct Frame { let node: Int32; var next: Int32; let count: Int32; let first: Int32; let width: Int32 }
        func frame(_ index: Int32) -> Frame? {
            let record = arena.nodes[Int(index)]
            switch record.kind {
            case .scalar: return nil
            case .sequence: return Frame(node: index, next: 0, count: record.count, first: record.first, width: 1)
            case .mapping: return Frame(node: index, next: 0, count: record.count, first: record.first, width: 2)
            }
        }
        guard let top = frame(root.index) else { return }
        var stack = [top]
        while !stack.isEmpty {
            let last = stack.count - 1
            let current = stack[last]
            guard current.next < current.count else { stack.removeLast(); continue }
            stack[last].next += 1
            // A mapping's value is the second of its pair.
            let child = arena.children[Int(current.first + current.next * current.width + (current.width - 1))]
            // Reached before (an alias, or the root itself): keep the first place, and do not enter it again.
            if child == root.index || parent[Int(child)] >= 0 { continue }
            parent[Int(child)] = current.node
            slot[Int(child)] = current.next
            if let inner = frame(child) { stack.append(inner) }
        }
    }
}
