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
    }

    /// The rules a document of `kind` can reach.
    public func candidateRules(forKind kind: String?) -> [Int] {
        guard let kind, let rules = kindIndex[kind] else { return wildcardRules }
        return rules
    }

    /// The rule with `id`, if loaded.
    public func rule(id: String) -> CompiledRule? { rules.first { $0.info.id == id } }
}
