import PortcullisDiagnostics
import PortcullisManifest
import PortcullisRegex

/// All loaded policies compiled into one graph: shared plan nodes, compiled patterns, and a kind
/// index that sends each document only to the rules that can match it.
public struct RuleGraph: Sendable {
    public let rules: [CompiledRule]
    public let nodes: [PlanNode]
    let constants: [Value?]
    let instructions: [Instruction]
    let names: [String]
    let operands: [Int32]
    let regexes: [RegexPattern]
    let slotCount: Int
    /// For each slot, the nodes to forget when its element changes.
    let dependents: [[Int]]
    /// Kind → indexes of rules that can match it (wildcard rules included), in rule order.
    let kindIndex: [String: [Int]]
    /// Rules that match any kind.
    let wildcardRules: [Int]
    /// Per kind, the candidate rules grouped by the collection they iterate (nil: no iteration), in
    /// rule order: computed once, so evaluating a document allocates nothing to plan its work.
    let groupsByKind: [String: [RuleGroup]]
    let wildcardGroups: [RuleGroup]

    init(rules: [CompiledRule], nodes: [PlanNode], regexes: [RegexPattern], slotCount: Int) {
        self.rules = rules
        self.nodes = nodes
        self.regexes = regexes
        self.slotCount = slotCount
        constants = nodes.map { node in
            if case .constant(let literal) = node.op { return literal.value }
            return nil
        }
        (instructions, names, operands) = Instruction.assemble(nodes)
        var dependents = [[Int]](repeating: [], count: slotCount)
        for (id, node) in nodes.enumerated() {
            for slot in node.slots { dependents[slot].append(id) }
        }
        self.dependents = dependents
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
        groupsByKind = index.mapValues(group)
        wildcardGroups = group(wildcard)
    }

    func groups(forKind kind: String?) -> [RuleGroup] {
        guard let kind, let groups = groupsByKind[kind] else { return wildcardGroups }
        return groups
    }

    /// The rules a document of `kind` can reach.
    public func candidateRules(forKind kind: String?) -> [Int] {
        guard let kind, let rules = kindIndex[kind] else { return wildcardRules }
        return rules
    }

    /// The rule with `id`, if loaded.
    public func rule(id: String) -> CompiledRule? { rules.first { $0.info.id == id } }
}

/// Rules that iterate the same collection (or none), evaluated in one pass over its elements.
struct RuleGroup: Sendable {
    var collection: Int?
    var slot: Int?
    var rules: [Int]
}
