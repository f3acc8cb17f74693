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
    /// A value that depends on the file's path and constants only (no field of the document, no
    /// iteration element, no lookup, no pattern match): kept while the documents come from one
    /// file (`any g in params.prod_paths: glob(file, g)` is decided once a file, not once a document).
    case perFile
    /// A condition that depends on the file's path and constants only, as `perFile`: decided once a file.
    case perFileCondition
}

extension RuleGraph {
    /// How each plan node's result is kept (`NodeCaching`). Bindings, the root and the file path are
    /// transient. Any other value is transient when one operand of one other node reads it, that
    /// reader has the same iteration slots, and nothing else reads it directly: no rule (a condition,
    /// a location, a collection, a message value), no indexed selection and no quantifier over a
    /// constant list. Nodes of rules not selected count as readers too, which only keeps more cached.
    static func caching(nodes: [PlanNode], instructions: [Instruction], rules: [CompiledRule],
                        selections: [IndexedSelection?], constantQuantifiers: [ConstantQuantifier?]) -> [NodeCaching] {
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
        // The node a constant-list quantifier reads is read by the evaluator directly, as the
        // selections' nodes are, so it is kept between reads like them.
        for quantifier in constantQuantifiers.lazy.compactMap({ $0 }) { pinned[Int(quantifier.readNode)] = true }
        let fileInvariant = fileInvariantNodes(nodes)
        return nodes.indices.map { id in
            if instructions[id].isCondition { return fileInvariant[id] ? .perFileCondition : .condition }
            switch instructions[id] {
            case .constant: return .cached
            // Computing these costs what reading a kept copy does (a copy of the binding, the
            // root or the path): kept, they would cost a second copy and a release besides.
            case .binding, .root, .filePath: return .transient
            default: break
            }
            if fileInvariant[id] { return .perFile }
            guard !pinned[id], reads[id] == 1 else { return .cached }
            return nodes[Int(reader[id])].slots == nodes[id].slots ? .transient : .cached
        }
    }
}

extension RuleGraph {
    /// Per plan node: whether its result depends on nothing but the file's path and constants. Not
    /// so a node that reads an iteration element from outside it (`slots`), or that reads, itself or
    /// through its operands, the document (its root, pod spec, pod metadata, containers), the run's
    /// other resources (a lookup), or a pattern match (a match at its limit is reported at the
    /// document). A quantifier's own element does not count: it is bound within the node.
    static func fileInvariantNodes(_ nodes: [PlanNode]) -> [Bool] {
        let readsDocument = reaching(nodes) { node in
            switch node.op {
            case .root, .podSpec, .podMetadata, .allContainers, .regex, .regexDynamic: true
            case .call(let builtin, _): builtin.function.lookup != nil
            default: false
            }
        }
        return nodes.indices.map { id in
            switch nodes[id].op {
            case .constant, .filePath, .binding: false  // kept (constants) or read as they are
            default: !readsDocument[id] && nodes[id].slots.isEmpty
            }
        }
    }
}

extension IndexedSelection {
    /// The plan nodes the evaluator reads for the selection itself, apart from the quantifier's
    /// operands (`-1`: an argument not given).
    var readNodes: [Int32] {
        switch shape {
        case .podsSelectedBy(let selector, let namespace, _): return [selector, namespace]
        case .selectorsMatching(let labels, let kinds, let namespace, _, _, _): return [labels, kinds, namespace]
        case .equalTo(let kinds, let namespace, let fields): return [kinds, namespace] + fields.map(\.value)
        }
    }
}
