import PortcullisManifest

/// The walk over the plan that tells what cross-document rules read (`CrossDocumentProjection`):
/// which document paths each plan node can denote, what each iteration slot can be bound to, and
/// which of those paths a rule reads whole or only walks through.
extension CrossDocumentProjection {
    /// Whose document a path starts from.
    enum Origin: Hashable {
        /// The document the rule is evaluated on.
        case subject
        /// Documents of these kinds, looked up.
        case lookup(Set<String>)
        /// Custom resources of any kind, looked up (`customResources()`).
        case customResources
    }

    /// One step of a path, before a kind says where a pod spec is.
    enum Step: Hashable {
        case key(String)
        case elements
        case podSpec
        case podMetadata
    }

    /// `steps` resolved for a document of `kind`: a pod spec's or pod metadata's step as the keys
    /// the kind keeps it under (`WorkloadKinds`), with how many of the path's first steps run to the
    /// last of them (0: none); `nil` when `kind` has no pod template for such a step.
    static func resolved(_ steps: [Step], kind: String) -> (path: [FieldTree.Step], podSteps: Int)? {
        var path: [FieldTree.Step] = []
        var podSteps = 0
        for step in steps {
            switch step {
            case .key(let name): path.append(.key(name))
            case .elements: path.append(.elements)
            case .podSpec, .podMetadata:
                guard let pod = step == .podSpec ? WorkloadKinds.podSpecPaths[kind] : WorkloadKinds.podMetadataPath(kind) else { return nil }
                for component in pod {
                    guard case .key(let name) = component else { return nil }
                    path.append(.key(name))
                }
                podSteps = path.count
            }
        }
        return (path, podSteps)
    }

    /// A path a plan node's value can come from: a document and the steps from its root. `roots`:
    /// the value is a list of whole documents (a lookup), not a node inside one.
    struct Reference: Hashable {
        var origin: Origin
        var steps: [Step] = []
        var roots = false
    }

    /// A path read: whole, or only walked through.
    struct Read: Hashable {
        var origin: Origin
        var steps: [Step]
        var whole: Bool
    }

    /// The walk over the plan: which paths each node can denote, which each slot can be bound to,
    /// and what each rule reads.
    struct Analysis {
        let graph: RuleGraph
        /// Per slot, what its variable can be bound to (elements of the collections it iterates).
        var slots: [Set<Reference>]
        /// Whether the slots did not settle (iterations nested past any policy's depth): no
        /// projection then.
        var unknown = false

        init(graph: RuleGraph) {
            self.graph = graph
            slots = Array(repeating: [], count: graph.slotCount)
            settleSlots()
        }

        /// What `node` can denote.
        func references(_ id: Int, memo: inout [Int: Set<Reference>]) -> Set<Reference> {
            if let known = memo[id] { return known }
            var result: Set<Reference> = []
            switch graph.nodes[id].op {
            case .root: result = [Reference(origin: .subject)]
            case .podSpec: result = [Reference(origin: .subject, steps: [.podSpec])]
            case .podMetadata: result = [Reference(origin: .subject, steps: [.podMetadata])]
            case .allContainers:
                result = Set(["containers", "initContainers", "ephemeralContainers"].map {
                    Reference(origin: .subject, steps: [.podSpec, .key($0)])
                })
            case .binding(let slot): result = slots[slot]
            case .field(let base, let name):
                for reference in references(base, memo: &memo) where !reference.roots {
                    var keyed = reference
                    keyed.steps.append(.key(name))
                    result.insert(keyed)
                }
            case .index(let base, _):
                for reference in references(base, memo: &memo) where !reference.roots {
                    var element = reference
                    element.steps.append(.elements)
                    result.insert(element)
                }
            case .call(let builtin, let operands):
                switch builtin.function.lookup {
                case .kinds(let kinds): result = [Reference(origin: .lookup(kinds), roots: true)]
                case .kindsInFirstArgument:
                    if let kinds = constantKinds(operands.first) { result = [Reference(origin: .lookup(kinds), roots: true)] }
                case .customResources: result = [Reference(origin: .customResources, roots: true)]
                case .definitions:
                    break  // records made of the definitions, not documents
                case nil:
                    if builtin == .podLabels {
                        for reference in references(operands[0], memo: &memo) {
                            result.insert(Reference(origin: reference.origin, steps: reference.steps + [.podMetadata, .key("labels")]))
                        }
                    } else if Self.passesThrough.contains(builtin) {
                        // What these return is (part of) an argument: `default(a, b)`, `values(m)`.
                        for operand in operands { result.formUnion(references(operand, memo: &memo)) }
                    }
                }
            case .constant, .filePath, .not, .exists, .missing, .and, .or, .compare, .member, .regex, .regexDynamic, .quantifier:
                break
            }
            memo[id] = result
            return result
        }

        /// Functions whose result is an argument or a part of one (the others make new values).
        static let passesThrough: Set<Builtin> = [.default, .values, .flatten]

        func constantKinds(_ id: Int?) -> Set<String>? { RuleGraph.constantKinds(id, nodes: graph.nodes) }

        /// The elements of what `references` denote.
        static func elements(of references: Set<Reference>) -> Set<Reference> {
            Set(references.map { reference in
                reference.roots ? Reference(origin: reference.origin)
                    : Reference(origin: reference.origin, steps: reference.steps + [.elements])
            })
        }

        /// Binds each slot to the elements of the collections it iterates, until nothing changes
        /// (a collection may read another slot).
        mutating func settleSlots() {
            var iterations: [(slot: Int, collection: Int)] = []
            for rule in graph.rules {
                if let collection = rule.collection, let slot = rule.slot { iterations.append((slot, collection)) }
                iterations += rule.nested.map { ($0.slot, $0.collection) }
            }
            for node in graph.nodes {
                if case .quantifier(_, let slot, let collection, _) = node.op { iterations.append((slot, collection)) }
            }
            for _ in 0..<16 {
                var memo: [Int: Set<Reference>] = [:]
                var changed = false
                for (slot, collection) in iterations {
                    let bound = Self.elements(of: references(collection, memo: &memo))
                    if !bound.isSubset(of: slots[slot]) {
                        slots[slot].formUnion(bound)
                        changed = true
                    }
                }
                if !changed { return }
            }
            unknown = true  // deeper than any policy nests: keep documents whole
        }

        /// What `rule` reads; `nil` when it cannot be told (documents are then kept whole).
        mutating func reads(of rule: CompiledRule) -> Set<Read>? {
            guard !unknown else { return nil }
            var memo: [Int: Set<Reference>] = [:]
            var visited = Set<Int>()
            var reads = Set<Read>()
            // Matchers read the identity (kept anyway) and, for `label` and `annotation`, the labels
            // and the annotations.
            if (rule.matches + rule.excludes).contains(where: \.readsLabels) {
                reads.insert(Read(origin: .subject, steps: [.key("metadata"), .key("labels")], whole: true))
            }
            if (rule.matches + rule.excludes).contains(where: \.readsAnnotations) {
                reads.insert(Read(origin: .subject, steps: [.key("metadata"), .key("annotations")], whole: true))
            }
            var known = true
            func mark(_ id: Int, whole: Bool) {
                for reference in references(id, memo: &memo) {
                    // A list of looked-up documents only iterated keeps nothing by itself; used as a
                    // value (compared, handed to a function), its documents are read whole.
                    guard whole || !reference.roots else { continue }
                    reads.insert(Read(origin: reference.origin, steps: reference.steps, whole: whole))
                }
            }
            func visit(_ id: Int, whole: Bool) {
                mark(id, whole: whole)
                guard visited.insert(id * 2 + (whole ? 1 : 0)).inserted else { return }
                switch graph.nodes[id].op {
                case .field(let base, _): visit(base, whole: false)
                case .index(let base, let position):
                    visit(base, whole: false)
                    visit(position, whole: true)
                case .call(let builtin, let operands):
                    if builtin.function.lookup == .kindsInFirstArgument, constantKinds(operands.first) == nil { known = false }
                    if builtin == .podLabels {
                        visit(operands[0], whole: false)
                        for reference in references(operands[0], memo: &memo) {
                            reads.insert(Read(origin: reference.origin, steps: reference.steps + [.key("kind")], whole: true))
                        }
                    } else if (builtin == .len || builtin == .count),
                              references(operands[0], memo: &memo).allSatisfy(\.roots) {
                        visit(operands[0], whole: false)  // how many documents, not what they hold
                    } else {
                        for operand in operands { visit(operand, whole: true) }
                    }
                case .quantifier(_, _, let collection, let body):
                    visit(collection, whole: false)
                    visit(body, whole: true)
                case .not(let a), .exists(let a), .missing(let a), .regex(let a, _): visit(a, whole: true)
                case .and(let operands), .or(let operands): for operand in operands { visit(operand, whole: true) }
                case .compare(_, let a, let b), .member(let a, let b, _), .regexDynamic(let a, let b):
                    visit(a, whole: true)
                    visit(b, whole: true)
                case .constant, .root, .podSpec, .podMetadata, .allContainers, .filePath, .binding: break
                }
            }
            for collection in [rule.collection].compactMap({ $0 }) + rule.nested.map(\.collection) {
                visit(collection, whole: false)
            }
            for check in rule.checks {
                visit(check.condition, whole: true)
                if let at = check.at { visit(at, whole: true) }
                for case .value(let id) in check.message { visit(id, whole: true) }
            }
            return known ? reads : nil
        }
    }
}
