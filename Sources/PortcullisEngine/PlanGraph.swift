import PortcullisLanguage

/// A literal, hashable so that equal literals are one constant.
public indirect enum Literal: Hashable, Sendable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case list([Literal])

    var value: Value {
        switch self {
        case .null: .null
        case .bool(let b): .bool(b)
        case .number(let n): .number(n)
        case .string(let s): .string(s)
        case .list(let items): .list(items.map(\.value))
        }
    }
}

/// One operation of the rule graph. Operands are indexes of other plan nodes; identical operations
/// over identical operands are one node (hash-consing), which is how rules share work.
public enum PlanOp: Hashable, Sendable {
    case constant(Literal)
    /// The document's root mapping.
    case root
    /// The pod spec of a workload (`spec`, `spec.template.spec`, `spec.jobTemplate.spec.template.spec`).
    case podSpec
    /// The pod template's metadata (the resource's own for a Pod).
    case podMetadata
    /// containers + initContainers + ephemeralContainers of the pod spec.
    case allContainers
    /// The current element of an iteration slot.
    case binding(Int)
    case field(Int, String)
    case index(Int, Int)
    case call(Builtin, [Int])
    case not(Int)
    case exists(Int)
    case missing(Int)
    case and([Int])
    case or([Int])
    case compare(BinaryOperator, Int, Int)
    case member(Int, Int, negated: Bool)
    /// Subject and the index of a pattern compiled with the plan.
    case regex(Int, pattern: Int)
    /// Subject and pattern both computed: compiled when evaluated (and cached by pattern text).
    case regexDynamic(Int, Int)
    case quantifier(Quantifier, slot: Int, collection: Int, body: Int)
}

/// A node of the rule graph with what the evaluator needs to cache it correctly.
public struct PlanNode: Sendable {
    public var op: PlanOp
    /// Iteration slots whose current element this node's value depends on.
    public var slots: Set<Int>
    /// How many policies use this node (directly or through others): > 1 means shared work.
    public var users: Set<String>
    /// A readable form, for `--explain-plan`.
    public var text: String
}
