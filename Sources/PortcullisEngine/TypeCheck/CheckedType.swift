import PortcullisSchema

/// A type the policy checker gives an expression. Types from the Kubernetes schema are the ones it
/// checks; `plain` types (literals, built-in results) are the lowering's own to check, and
/// `dynamic` is anything not known (custom resources, computed indexes, constructs it does not
/// know), never an error.
indirect enum CheckedType {
    case dynamic
    /// A literal's or built-in's type, not from the schema.
    case plain(ValueType)
    /// One of these object types (several for `match kind [Deployment, StatefulSet]`).
    case object([ObjectSchema])
    /// A list with elements of a type.
    case list(CheckedType)
    /// A mapping from text to a type (labels, resource limits).
    case map(CheckedType)
    /// A scalar field of the schema: `.bool`, `.number` or `.string` (with its enumeration).
    case scalar(ValueType, allowed: [String])

    /// The type of values of `type`.
    init(_ type: SchemaType, in schema: KubernetesSchema) {
        switch type {
        case .string(let allowed): self = .scalar(.string, allowed: allowed)
        case .integer, .number: self = .scalar(.number, allowed: [])
        case .boolean: self = .scalar(.bool, allowed: [])
        case .intOrString, .quantity, .any: self = .dynamic
        case .object(let reference): self = .object([schema.object(reference)])
        case .list(let element, _): self = .list(CheckedType(element, in: schema))
        case .map(let value): self = .map(CheckedType(value, in: schema))
        }
    }

    /// The scalar type the schema declares, if this is a schema scalar.
    var schemaScalar: ValueType? {
        if case .scalar(let type, _) = self { return type }
        return nil
    }

    /// The scalar type, from the schema or a literal.
    var knownScalar: ValueType? {
        switch self {
        case .scalar(let type, _): return type
        case .plain(let type) where [.bool, .number, .string].contains(type): return type
        default: return nil
        }
    }

    /// Whether the value can serve as a condition (a boolean, or not known).
    var isConditionLike: Bool {
        switch self {
        case .dynamic: return true
        case .plain(let type): return type == .bool || type == .any
        case .scalar(let type, _): return type == .bool
        case .object, .list, .map: return false
        }
    }

    /// How messages name it: "text", "a number", "a Container", "a list".
    var noun: String {
        switch self {
        case .dynamic: return "a value"
        case .plain(let type), .scalar(let type, _):
            switch type {
            case .string: return "text"
            case .number: return "a number"
            case .bool: return "a boolean"
            default: return "a \(type.rawValue)"
            }
        case .object(let objects): return "a " + objects.map(\.displayName).uniqued().joined(separator: " or ")
        case .list(let element):
            if case .object(let objects) = element { return "a list of " + objects.map(\.displayName).uniqued().joined(separator: " or ") }
            return "a list"
        case .map: return "a mapping"
        }
    }

    /// One type for values that may be any of `types`: objects join, equal scalars stay, anything
    /// else is dynamic.
    static func union(_ types: [CheckedType]) -> CheckedType {
        guard let first = types.first else { return .dynamic }
        if types.count == 1 { return first }
        var objects: [ObjectSchema] = []
        var elements: [CheckedType] = []
        var values: [CheckedType] = []
        var scalar: ValueType?
        var allowed: Set<String> = []
        for type in types {
            switch type {
            case .object(let more): objects += more
            case .list(let element): elements.append(element)
            case .map(let value): values.append(value)
            case .scalar(let kind, let values):
                if scalar != nil && scalar != kind { return .dynamic }
                scalar = kind
                allowed.formUnion(values)
                if values.isEmpty { allowed = ["*"] }
            default: return .dynamic
            }
        }
        let kinds = [!objects.isEmpty, !elements.isEmpty, !values.isEmpty, scalar != nil].filter { $0 }.count
        guard kinds == 1 else { return .dynamic }
        if !objects.isEmpty { return .object(Array(Set(objects)).sorted { $0.name < $1.name }) }
        if !elements.isEmpty { return .list(union(elements)) }
        if !values.isEmpty { return .map(union(values)) }
        return .scalar(scalar!, allowed: allowed.contains("*") ? [] : allowed.sorted())
    }
}

extension Array where Element == String {
    func uniqued() -> [String] {
        var seen = Set<String>()
        return filter { seen.insert($0).inserted }
    }
}
