import PortcullisLanguage
import PortcullisManifest

/// A plan node as the evaluator executes it: operands are node ids; names, functions and operand
/// lists are indexes into tables of the graph, so an instruction holds no reference and copying it
/// costs nothing (a `PlanOp` carries strings and arrays, whose reference counts the hot loop would
/// pay).
enum Instruction: Sendable {
    case constant
    case root, podSpec, podMetadata, allContainers, filePath
    case binding(Int32)
    case field(Int32, name: Int32)
    case index(Int32, Int32)
    /// A built-in of the graph's function table on up to two operands (-1 when absent: fewer arguments).
    case call(function: Int32, Int32, Int32)
    case not(Int32), exists(Int32), missing(Int32)
    case and(start: Int32, count: Int32), or(start: Int32, count: Int32)
    case compare(BinaryOperator, Int32, Int32)
    case member(Int32, Int32, negated: Bool)
    case regex(Int32, pattern: Int32)
    case regexDynamic(Int32, Int32)
    case quantifier(Quantifier, slot: Int32, collection: Int32, body: Int32)

    /// Whether the instruction decides a condition (its value is always a boolean): the evaluator
    /// keeps such results as bytes (`Evaluator.truth`).
    var isCondition: Bool {
        switch self {
        case .not, .exists, .missing, .and, .or, .compare, .member, .regex, .regexDynamic, .quantifier: return true
        default: return false
        }
    }

    /// Lowers plan operations into instructions, filling the shared name, function and operand tables.
    static func assemble(_ nodes: [PlanNode])
        -> (instructions: [Instruction], names: [String], functions: [BuiltinFunction], operands: [Int32]) {
        var names = Numbering<String, String>()
        var operands: [Int32] = []
        var functions = Numbering<Builtin, BuiltinFunction>()
        func name(_ text: String) -> Int32 { names.number(of: text, text) }
        func function(_ builtin: Builtin) -> Int32 { functions.number(of: builtin, builtin.function) }
        func list(_ ids: [Int]) -> (Int32, Int32) {
            let start = Int32(operands.count)
            operands += ids.map(Int32.init)
            return (start, Int32(ids.count))
        }
        let instructions: [Instruction] = nodes.map { node in
            switch node.op {
            case .constant: return .constant
            case .root: return .root
            case .podSpec: return .podSpec
            case .podMetadata: return .podMetadata
            case .allContainers: return .allContainers
            case .filePath: return .filePath
            case .binding(let slot): return .binding(Int32(slot))
            case .field(let base, let key): return .field(Int32(base), name: name(key))
            case .index(let base, let i): return .index(Int32(base), Int32(i))
            case .call(let builtin, let arguments):
                return .call(function: function(builtin), arguments.isEmpty ? -1 : Int32(arguments[0]), arguments.count > 1 ? Int32(arguments[1]) : -1)
            case .not(let a): return .not(Int32(a))
            case .exists(let a): return .exists(Int32(a))
            case .missing(let a): return .missing(Int32(a))
            case .and(let ids): let (s, c) = list(ids); return .and(start: s, count: c)
            case .or(let ids): let (s, c) = list(ids); return .or(start: s, count: c)
            case .compare(let op, let l, let r): return .compare(op, Int32(l), Int32(r))
            case .member(let l, let r, let negated): return .member(Int32(l), Int32(r), negated: negated)
            case .regex(let subject, let pattern): return .regex(Int32(subject), pattern: Int32(pattern))
            case .regexDynamic(let subject, let pattern): return .regexDynamic(Int32(subject), Int32(pattern))
            case .quantifier(let q, let slot, let collection, let body):
                return .quantifier(q, slot: Int32(slot), collection: Int32(collection), body: Int32(body))
            }
        }
        return (instructions, names.elements, functions.elements, operands)
    }
}
