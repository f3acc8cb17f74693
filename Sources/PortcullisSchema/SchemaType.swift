/// The type of a field in a Kubernetes object, as the schema declares it.
///
/// Built from the embedded table (Kubernetes' own kinds) or from a CustomResourceDefinition's
/// `openAPIV3Schema`. Objects are referenced, not inlined, so a recursive schema (JSONSchemaProps)
/// stays finite and the table's objects are decoded only when first reached.
package indirect enum SchemaType: Sendable, Hashable {
    /// Text; `allowed` lists an enumeration's values (empty: any text).
    case string(allowed: [String])
    case integer
    case number
    case boolean
    /// `x-kubernetes-int-or-string` (`IntOrString`: a port name or number, `25%` or `3`).
    case intOrString
    /// A resource quantity (`500m`, `1Gi`, `2`): text or a number.
    case quantity
    /// Anything (`x-kubernetes-preserve-unknown-fields`, a raw extension, a schema without a type).
    case any
    /// An object with declared fields.
    case object(ObjectReference)
    /// A list; `mapKeys` are the keys of an `x-kubernetes-list-type: map` (a container's `name`).
    case list(SchemaType, mapKeys: [String])
    /// A map from text to one type of value (labels, `data`, resource limits).
    case map(SchemaType)

    /// A short description for messages: "text", "integer", "list of Container", …
    package func describe(in schema: KubernetesSchema) -> String {
        switch self {
        case .string(let allowed): return allowed.isEmpty ? "text" : "one of " + allowed.joined(separator: ", ")
        case .integer: return "an integer"
        case .number: return "a number"
        case .boolean: return "a boolean"
        case .intOrString: return "an integer or text"
        case .quantity: return "a quantity"
        case .any: return "any value"
        case .object(let reference): return "a mapping (\(schema.object(reference).displayName))"
        case .list(let element, _): return "a list of \(element.describeElement(in: schema))"
        case .map(let value): return "a mapping of \(value.describeElement(in: schema))"
        }
    }

    private func describeElement(in schema: KubernetesSchema) -> String {
        switch self {
        case .object(let reference): return schema.object(reference).displayName
        case .string: return "text"
        case .integer: return "integers"
        case .number: return "numbers"
        case .boolean: return "booleans"
        default: return describe(in: schema)
        }
    }
}

/// Where an object type is: a line of the embedded table, or built at run time (a custom resource's).
package enum ObjectReference: Sendable, Hashable {
    case table(Int)
    case inline(ObjectSchema)
}
