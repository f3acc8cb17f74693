import PortcullisDiagnostics
import PortcullisManifest
import PortcullisRegex

/// All loaded policies compiled into one graph: shared plan nodes, compiled patterns, and a kind
/// index that sends each document only to the rules that can match it.
package struct RuleGraph: Sendable {
    package let rules: [CompiledRule]
    package let nodes: [PlanNode]
    let constants: [Value?]
    /// The arenas of the constants' document data (mappings given as parameters), held for them.
    private let constantArenas: [ManifestStorage]
    let instructions: [Instruction]
    let names: [String]
    /// `names` as the keys a missing field is remembered by (`MissingKey`), numbered once here.
    let missingKeys: [MissingKey]
    /// The built-ins the plan calls, resolved once: `Instruction.call` holds an index here.
    let functions: [BuiltinFunction]
    let operands: [Int32]
    /// Per plan node: an `any` quantifier answered from a selection index (`IndexedSelection`), else nil.
    let selections: [IndexedSelection?]
    /// Per plan node: an `any` quantifier over a constant list decided as one test (`ConstantQuantifier`), else nil.
    let constantQuantifiers: [ConstantQuantifier?]
    let regexes: [RegexPattern]
    let slotCount: Int
    /// For each slot, the nodes to forget when its element changes, laid out flat: slot `s`'s are
    /// `dependentNodes[dependentOffsets[s]..<dependentOffsets[s + 1]]` (one array read in place by
    /// the evaluator's binds, where an array per slot was retained and released at every bind).
    /// Transient nodes (`NodeCaching.transient`) are left out: they are never kept, so never forgotten.
    let dependentOffsets: [Int32]
    let dependentNodes: [Int32]
    /// Per plan node: how the evaluator keeps its result (`RuleGraph.caching`).
    let caching: [NodeCaching]
    /// Kind → indexes of rules that can match it (wildcard rules included), in rule order.
    let kindIndex: [String: [Int]]
    /// Rules that match any kind.
    let wildcardRules: [Int]
    /// Per kind, the candidate rules grouped by the collection they iterate (nil: no iteration), in
    /// rule order: computed once, so evaluating a document allocates nothing to plan its work.
    /// Asked for every document: a `FixedStringMap`, which hashes a kind far more cheaply.
    let groupsByKind: FixedStringMap<[RuleGroup]>
    let wildcardGroups: [RuleGroup]
    /// The kinds cross-document rules look up (`resources(…)`, `workloads()`); `nil` when a lookup's
    /// kinds are computed, so any kind may be needed. Empty: every document is checked on its own.
    package let crossDocumentKinds: Set<String>?
    /// Whether a rule reads the run's custom resources (their identity and metadata, always built).
    package let readsCustomResources: Bool
    /// Whether a rule's matchers ask for resource scopes (`namespaced`, `cluster-scoped`), which the
    /// run's CustomResourceDefinitions declare for their kinds. The loader always builds what a
    /// definition says of scope (`ManifestProjection.alwaysKeptNested`), never its schemas.
    package let readsResourceScopes: Bool
    /// Per rule, in `rules` order: whether its verdict on a resource depends on other resources of the
    /// run — it reaches a lookup built-in (`resources`, `workloads`, `customResources`) or asks for
    /// resource scopes, which a CustomResourceDefinition elsewhere may declare. One resource seen
    /// alone (an admission request) cannot give such a rule what it needs.
    package let crossDocumentRules: [Bool]
    /// Per rule, in `rules` order: whether it reaches a lookup of other resources (`resources`,
    /// `workloads`, `customResources`), not only what CustomResourceDefinitions declare for a
    /// resource's own kind (scopes, schemas). A cross-document rule that does not can only give a
    /// resource of a group a definition may declare (`ResourceScopes.isDeclarable`) another verdict.
    package let lookupRules: [Bool]
    /// The top-level fields the rules can read, by kind (`computeProjection`).
    package private(set) var projection = ManifestProjection(keysByKind: [:], otherKinds: nil)
    /// The id of every policy compiled, selected or not (a waiver may name a policy that is off).
    package var declaredPolicyIDs: Set<String> = []
    /// For a graph loaded from its stored form, each node's users and readable text as stored
    /// (`describedNodes` reads them): only `--explain-plan` shows them, so loading leaves them unread.
    var storedNodeDetails: [UInt8]?
    /// The plan nodes with the policies using each and its readable form, for `--explain-plan`
    /// (`nodes` lacks them when the graph was loaded from its stored form).
    package var describedNodes: [PlanNode] {
        guard let storedNodeDetails else { return nodes }
        var described = nodes
        storedNodeDetails.withUnsafeBufferPointer { buffer in
            var reader = CompactReader(buffer)
            for index in described.indices {
                guard let users = try? reader.read(Set<String>.self), let text = try? reader.string() else { return }
                described[index].users = users
                described[index].text = text
            }
        }
        return described
    }
    /// PCRE2's match and depth limits, for patterns compiled at run time too.
    var regexLimits: (match: UInt32, depth: UInt32) = (1_000_000, 10_000)
    /// Whether some rule looks across documents, so a run must load every file before evaluating.
    package var isCrossDocument: Bool {
        readsCustomResources || readsResourceScopes || (crossDocumentKinds.map { !$0.isEmpty } ?? true)
    }

    init(rules: [CompiledRule], nodes: [PlanNode], regexes: [RegexPattern], slotCount: Int) {
        self.rules = rules
        self.nodes = nodes
        self.regexes = regexes
        self.slotCount = slotCount
        var literals: [Literal] = []
        for id in nodes.indices { if case .constant(let literal) = nodes[id].op { literals.append(literal) } }
        let made = Literal.values(literals)
        constantArenas = made.arenas
        var values = made.values.makeIterator()
        constants = nodes.indices.map { id in
            if case .constant = nodes[id].op { return values.next() }
            return nil
        }
        (instructions, names, functions, operands) = Instruction.assemble(nodes)
        missingKeys = names.map(MissingKey.init)
        var dependents = [[Int]](repeating: [], count: slotCount)
        // By index, reading the one field: a node copied whole costs its sets' and text's counts.
        for id in nodes.indices {
            for slot in nodes[id].slots { dependents[slot].append(id) }
        }
        selections = IndexedSelection.find(instructions, functions: functions, names: names, operands: operands, dependents: dependents)
        constantQuantifiers = ConstantQuantifier.find(instructions, functions: functions, constants: constants, dependents: dependents)
        let caching = Self.caching(nodes: nodes, instructions: instructions, rules: rules, selections: selections,
                                   constantQuantifiers: constantQuantifiers)
        self.caching = caching
        let kept = dependents.map { $0.filter { caching[$0] != .transient } }
        dependentOffsets = kept.reduce(into: [Int32(0)]) { offsets, nodes in offsets.append(offsets.last! + Int32(nodes.count)) }
        dependentNodes = kept.flatMap { $0.map { Int32(truncatingIfNeeded: $0) } }
        var index: [String: [Int]] = [:]
        var wildcard: [Int] = []
        for (offset, rule) in rules.enumerated() {
            if let kinds = rule.kinds {
                for kind in kinds { index[kind, default: []].append(offset) }
            } else {
                wildcard.append(offset)
            }
        }
        for kind in index.keys {
            index[kind] = (index[kind]! + wildcard).sorted()
        }
        kindIndex = index
        wildcardRules = wildcard
        func group(_ indexes: [Int]) -> [RuleGroup] {
            var groups: [RuleGroup] = []
            for i in indexes {
                let rule = rules[i]
                if let g = groups.firstIndex(where: { $0.collection == rule.collection }) {
                    groups[g].rules.append(i)
                } else {
                    groups.append(RuleGroup(collection: rule.collection, slot: rule.slot, rules: [i]))
                }
            }
            return groups
        }
        groupsByKind = FixedStringMap(index.mapValues(group))
        wildcardGroups = group(wildcard)
        let reachable = Self.reachable(rules: rules, nodes: nodes)
        crossDocumentKinds = Self.crossDocumentKinds(reachable, nodes: nodes)
        readsResourceScopes = rules.contains { $0.readsScope }
        crossDocumentRules = Self.crossDocumentRules(rules, nodes: nodes, counting: { _ in true })
        lookupRules = Self.crossDocumentRules(rules, nodes: nodes, counting: { $0 != .definitions })
        readsCustomResources = reachable.contains { id in
            if case .call(let builtin, _) = nodes[id].op { builtin.function.lookup == .customResources } else { false }
        }
        projection = computeProjection()
    }

    /// The plan nodes the rules use (their conditions, locations, collections and messages), in
    /// id order.
    private static func reachable(rules: [CompiledRule], nodes: [PlanNode]) -> [Int] {
        var used = [Bool](repeating: false, count: nodes.count)
        var stack = rules.flatMap(\.planRoots)
        while let id = stack.popLast() {
            guard !used[id] else { continue }
            used[id] = true
            nodes[id].op.forEachOperand { stack.append($0) }
        }
        return used.indices.filter { used[$0] }
    }

    /// For each rule, whether a node it reaches calls a lookup built-in `counting` accepts, or (when
    /// `counting` accepts `.definitions`) a matcher reads scopes.
    private static func crossDocumentRules(_ rules: [CompiledRule], nodes: [PlanNode],
                                           counting: (BuiltinFunction.Lookup) -> Bool) -> [Bool] {
        // Per node, whether it or an operand calls a lookup.
        let looksUp = reaching(nodes) { node in
            if case .call(let builtin, _) = node.op, let lookup = builtin.function.lookup { counting(lookup) } else { false }
        }
        let scopesCount = counting(.definitions)
        return rules.map { rule in (scopesCount && rule.readsScope) || rule.planRoots.contains { looksUp[$0] } }
    }

    /// Per node, whether `seed` holds for it or for a node it reads, directly or through others.
    /// Operands have smaller ids than their users (nodes are hash-consed bottom-up, `Lowering`
    /// makes them first), so one forward pass settles every node.
    static func reaching(_ nodes: [PlanNode], _ seed: (PlanNode) -> Bool) -> [Bool] {
        var reached = [Bool](repeating: false, count: nodes.count)
        for id in nodes.indices {
            var holds = seed(nodes[id])
            nodes[id].op.forEachOperand { operand in
                precondition(operand < id, "plan node \(id) reads node \(operand), made after it")
                if reached[operand] { holds = true }
            }
            reached[id] = holds
        }
        return reached
    }

    /// The kinds a `resources(…)` call's first argument names when it is a constant (a kind, or a
    /// list whose strings are kinds, as the call reads it); `nil` when it is computed.
    static func constantKinds(_ id: Int?, nodes: [PlanNode]) -> Set<String>? {
        guard let id, case .constant(let literal) = nodes[id].op else { return nil }
        switch literal {
        case .string(let kind): return [kind]
        case .list(let items): return Set(items.compactMap { if case .string(let kind) = $0 { kind } else { nil } })
        default: return []
        }
    }

    /// The kinds the reachable cross-document calls (`resources(…)`, `workloads()`) look up.
    private static func crossDocumentKinds(_ used: [Int], nodes: [PlanNode],
                                           of lookups: (BuiltinFunction.Lookup) -> Bool = { _ in true }) -> Set<String>? {
        var kinds = Set<String>()
        for id in used {
            guard case .call(let builtin, let operands) = nodes[id].op, let lookup = builtin.function.lookup, lookups(lookup) else { continue }
            switch lookup {
            case .kinds(let looked): kinds.formUnion(looked)
            case .kindsInFirstArgument:
                guard let looked = constantKinds(operands.first, nodes: nodes) else { return nil }
                kinds.formUnion(looked)
            case .definitions: kinds.insert(ResourceScopes.definitionKind)
            case .customResources: break
            }
        }
        return kinds
    }

    /// The kinds `resources(…)` calls look up (what `InputSet` lists by kind and namespace); `nil`
    /// when a call's kinds are computed. Worked out when asked (once per run), not stored: the
    /// evaluator copies the graph's fields about, and a debug build's deepest evaluation must fit a
    /// small thread stack (`HardeningEngineTests`).
    package var resourceLookupKinds: Set<String>? {
        Self.crossDocumentKinds(Self.reachable(rules: rules, nodes: nodes), nodes: nodes) { $0 == .kindsInFirstArgument }
    }

    /// The rule groups a document of `kind` reaches; none without a kind (not a resource).
    func groups(forKind kind: String?) -> [RuleGroup] {
        guard let kind else { return [] }
        return groupsByKind[kind] ?? wildcardGroups
    }

    /// The rules a document of `kind` can reach; none without a kind (not a resource).
    package func candidateRules(forKind kind: String?) -> [Int] {
        guard let kind else { return [] }
        return kindIndex[kind] ?? wildcardRules
    }

    /// The rules `document` can reach: none when it is not a resource (`Document.isResource`).
    package func candidateRules(for document: Document) -> [Int] {
        document.isResource ? candidateRules(forKind: document.kind) : []
    }

    /// The rule with `id`, if loaded.
    package func rule(id: String) -> CompiledRule? { rules.first { $0.info.id == id } }
}

/// Rules that iterate the same collection (or none), evaluated in one pass over its elements.
struct RuleGroup: Sendable {
    var collection: Int?
    var slot: Int?
    var rules: [Int]
}
