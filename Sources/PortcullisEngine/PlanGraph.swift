import PortcullisDiagnostics
import PortcullisLanguage
import PortcullisManifest

/// A literal, hashable so that equal literals are one constant.
package indirect enum Literal: Hashable, Sendable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case list([Literal])
    /// A mapping (structured parameters such as `[{min: 1, max: 1000}]`), keys in source order.
    case mapping([LiteralEntry])

    /// The literal's value; a mapping's is document data, parsed into an arena of its own that
    /// `arenas` is given to hold (a `Node` does not hold its arena).
    func value(keeping arenas: inout [ManifestStorage]) -> Value {
        switch self {
        case .null: return .null
        case .bool(let b): return .bool(b)
        case .number(let n): return .number(n)
        case .string(let s): return .string(s)
        case .list(let items): return .list(items.map { $0.value(keeping: &arenas) })
        case .mapping:
            // A mapping becomes document data, so field access, `in`, keys() and the rest work on it
            // as on any manifest mapping.
            let file = ManifestLoader().load(SourceFile(path: "<parameter>", bytes: Array(json.utf8)))
            if let storage = file.storage { arenas.append(storage) }
            return file.resources.first.map { .node($0.root) } ?? .null
        }
    }

    /// The values of `literals`, each as `value(keeping:)` gives it, with their mappings (document
    /// data) parsed together, a thousand documents to a stream, instead of one stream each: loading
    /// a stored graph makes every constant's value. `arenas` holds the mappings' arenas: whoever
    /// keeps the values keeps them.
    static func values(_ literals: [Literal]) -> (values: [Value], arenas: [ManifestStorage]) {
        var mappings: [Literal] = []
        for literal in literals { literal.collectMappings(into: &mappings) }
        var arenas: [ManifestStorage] = []
        guard !mappings.isEmpty else { return (literals.map { $0.value(keeping: &arenas) }, arenas) }
        var parsed: [Value] = []
        parsed.reserveCapacity(mappings.count)
        for start in stride(from: 0, to: mappings.count, by: 1_000) {
            parsed += documentValues(mappings[start..<min(start + 1_000, mappings.count)], keeping: &arenas)
        }
        var next = parsed.makeIterator()
        return (literals.map { $0.value(parsedMappings: &next, keeping: &arenas) }, arenas)
    }

    private func collectMappings(into mappings: inout [Literal]) {
        switch self {
        case .mapping: mappings.append(self)
        case .list(let items): for item in items { item.collectMappings(into: &mappings) }
        default: break
        }
    }

    /// `value(keeping:)`, with the mappings taken in turn from `parsedMappings` (as `collectMappings` lists them).
    private func value(parsedMappings: inout IndexingIterator<[Value]>, keeping arenas: inout [ManifestStorage]) -> Value {
        switch self {
        case .list(let items): return .list(items.map { $0.value(parsedMappings: &parsedMappings, keeping: &arenas) })
        case .mapping: return parsedMappings.next() ?? .null
        default: return value(keeping: &arenas)
        }
    }

    /// Each mapping's value as `value(keeping:)` makes it (its document's first resource, else
    /// null), from one stream holding them all; when the stream reports an error (text libyaml
    /// refuses stops the whole stream, documents before it included), each mapping alone. Warnings
    /// are the same either way: a mapping without `apiVersion` and `kind` (most parameters) is
    /// warned about as not a resource, one stream or many. The values are equal; their nodes'
    /// positions are the stream's, which no finding shows (`Evaluator.locate` places nothing at a
    /// node of another arena).
    private static func documentValues(_ mappings: ArraySlice<Literal>, keeping arenas: inout [ManifestStorage]) -> [Value] {
        let text = mappings.map { "--- " + $0.json + "\n" }.joined()
        let file = ManifestLoader().load(SourceFile(path: "<parameter>", bytes: Array(text.utf8)))
        guard !file.hasErrors else { return mappings.map { $0.value(keeping: &arenas) } }
        if let storage = file.storage { arenas.append(storage) }
        var first: [Int: Value] = [:]
        for resource in file.resources where first[resource.streamIndex] == nil { first[resource.streamIndex] = .node(resource.root) }
        return (0..<mappings.count).map { first[$0] ?? .null }
    }

    /// The literal as JSON text.
    var json: String {
        switch self {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .number(let n): return Value.format(n)
        case .string(let s):
            var writer = JSONWriter()
            writer.append(string: s)
            return String(decoding: writer.bytes, as: UTF8.self)
        case .list(let items): return "[" + items.map(\.json).joined(separator: ",") + "]"
        case .mapping(let entries):
            return "{" + entries.map { Literal.string($0.key).json + ":" + $0.value.json }.joined(separator: ",") + "}"
        }
    }

    /// The literal holding a document node's data (a `--param name=[…]` override given as YAML or
    /// JSON, a configuration file's parameter). Built bottom-up with an explicit stack, so the
    /// node's depth costs no call stack.
    package init(_ node: PortcullisManifest.Node) {
        func leaf(_ node: PortcullisManifest.Node) -> Literal {
            switch node.scalarType {
            case .null: return .null
            case .bool: return .bool(node.bool ?? false)
            case .int, .float: return node.double.map(Literal.number) ?? .string(node.scalarText ?? "")
            case .string: return .string(node.scalarText ?? "")
            }
        }
        struct Frame {
            let node: PortcullisManifest.Node
            let children: [(key: String?, node: PortcullisManifest.Node)]
            var built: [Literal] = []
        }
        func frame(_ node: PortcullisManifest.Node) -> Frame {
            node.kind == .mapping
                ? Frame(node: node, children: node.entries.map { (key: $0.key.scalarText ?? "", node: $0.value) })
                : Frame(node: node, children: node.elements.map { (key: nil, node: $0) })
        }
        guard node.kind != .scalar else { self = leaf(node); return }
        var stack = [frame(node)]
        while true {
            let top = stack.count - 1
            if stack[top].built.count == stack[top].children.count {
                let done = stack.removeLast()
                let literal: Literal = done.node.kind == .mapping
                    ? .mapping(zip(done.children, done.built).map { LiteralEntry(key: $0.0.key ?? "", value: $0.1) })
                    : .list(done.built)
                if stack.isEmpty { self = literal; return }
                stack[stack.count - 1].built.append(literal)
                continue
            }
            let child = stack[top].children[stack[top].built.count].node
            if child.kind == .scalar { stack[top].built.append(leaf(child)) } else { stack.append(frame(child)) }
        }
    }
}

/// One key and value of a mapping literal.
package struct LiteralEntry: Hashable, Sendable {
    package var key: String
    package var value: Literal
}

/// One operation of the rule graph. Operands are indexes of other plan nodes; identical operations
/// over identical operands are one node (hash-consing), which is how rules share work.
package enum PlanOp: Hashable, Sendable {
    case constant(Literal)
    /// The document's root mapping.
    case root
    /// The pod spec of a workload (`spec`, `spec.template.spec`, `spec.jobTemplate.spec.template.spec`).
    case podSpec
    /// The pod template's metadata (the resource's own for a Pod).
    case podMetadata
    /// containers + initContainers + ephemeralContainers of the pod spec.
    case allContainers
    /// The path of the file the resource came from.
    case filePath
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

    /// Calls `body` with each operand (the plan nodes this one reads), in order: the one walk over
    /// operands that hash-consing, reachability and projection share.
    func forEachOperand(_ body: (Int) throws -> Void) rethrows {
        switch self {
        case .constant, .root, .podSpec, .podMetadata, .allContainers, .filePath, .binding: return
        case .field(let a, _), .not(let a), .exists(let a), .missing(let a), .regex(let a, _): try body(a)
        case .index(let a, let b), .compare(_, let a, let b), .member(let a, let b, _), .regexDynamic(let a, let b):
            try body(a)
            try body(b)
        case .call(_, let operands), .and(let operands), .or(let operands):
            for operand in operands { try body(operand) }
        case .quantifier(_, _, let collection, let condition):
            try body(collection)
            try body(condition)
        }
    }
}

/// A node of the rule graph with what the evaluator needs to cache it correctly.
package struct PlanNode: Sendable {
    package var op: PlanOp
    /// Iteration slots whose current element this node's value depends on.
    package var slots: Set<Int>
    /// How many policies use this node (directly or through others): > 1 means shared work.
    package var users: Set<String>
    /// A readable form, for `--explain-plan`.
    package var text: String
}
