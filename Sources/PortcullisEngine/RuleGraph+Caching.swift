/// How the evaluator keeps a plan node's result between the reads of it.
enum NodeCaching: UInt8, Sendable {
    /// A condition (`Instruction.isCondition`): decided and kept as a byte (`Evaluator.truth`).
    case condition
    /// A value kept until the document, or an iteration slot it reads, changes.
    case cached
    /// A value computed where it is read and never kept: an iteration's current element, the
    /// document's root or its path (computing them costs what reading a kept copy does), or a node
    /// whose one reader reads the same iteration slots, so the reader is computed again exactly when
    /// this node would be. Keeping such a value would cost a copy into the cache (a reference
    /// count), its release at the next document, and its stamp, for no read that saves work.
    case transient
}

extension RuleGraph {
    /// How each plan node's result is kept (`NodeCaching`). Bindings, the root and the file path are
    /// transient. Any other value is transient when one operand of one other node reads it, that
    /// reader has the same iteration slots, and nothing else reads it directly: no rule (a condition,
    /// a location, a collection, a message value) and no indexed selection. Nodes of rules not
    /// selected count as readers too, which only keeps more cached.
    static func caching(nodes: [PlanNode], instructions: [Instruction], rules: [CompiledRule],
                        selections: [IndexedSelection?]) -> [NodeCaching] {
        var reads = [Int32](repeating: 0, count: nodes.count)
        var reader = [Int32](repeating: -1, count: nodes.count)
        for id in nodes.indices {
            nodes[id].op.forEachOperand { operand in
                reads[operand] &+= 1
                reader[operand] = Int32(id)
            }
        }
        var pinned = [Bool](repeating: false, count: nodes.count)
        for rule in rules {
            for root in rule.planRoots { pinned[root] = true }
        }
        for selection in selections.lazy.compactMap({ $0 }) {
            for id in selection.readNodes where id >= 0 { pinned[Int(id)] = true }
        }
        return nodes.indices.map { id in
            if instructions[id].isCondition { return .condition }
            switch instructions[id] {
            case .constant: return .cached
            // Computing these costs what reading a kept copy does (a copy of the binding, the
            // root or the path): kept, they would cost a second copy and a release besides.
            case .binding, .root, .filePath: return .transient
            default: break
            }
            guard !pinned[id], reads[id] == 1 else { return .cached }
            return nodes[Int(reader[id])].slots == nodes[id].slots ? .transient : .cached
        }
    }
}

extension IndexedSelection {
    /// The plan nodes the evaluator reads for the selection itself, apart from the quantifier's
    /// operands (`-1`: an argument not given).
    var readNodes: [Int32] {
        switch shape {
        case .podsSelectedBy(let selector, let namespace): return [selector, namespace]
        case .selectorsMatching(let labels, let kinds, let namespace, _, _): return [labels, kinds, namespace]
        case .equalTo(let kinds, let namespace, let fields): return [kinds, namespace] + fields.map(\.value)
        }
    }
}
