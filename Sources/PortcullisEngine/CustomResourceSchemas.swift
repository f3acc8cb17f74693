import PortcullisManifest
import PortcullisSchema
import Synchronization

/// The `openAPIV3Schema`s the run's CustomResourceDefinitions declare, by kind, group and version,
/// turned into schema types on first use (once per run, whichever thread asks first).
package final class CustomResourceSchemas: Sendable {
    /// `Kind.group/version` → the version's `schema.openAPIV3Schema` node.
    private let declared: [String: Node]
    /// The definitions `declared` reads, held for their arenas (a node does not hold its own).
    private let definitions: [Document]
    private let converted = Mutex<[String: SchemaType]>([:])

    init(documents: [Document]) {
        var declared: [String: Node] = [:]
        var definitions: [Document] = []
        for document in documents where document.kind == ResourceScopes.definitionKind {
            guard document.apiVersion?.hasPrefix("apiextensions.k8s.io/") == true, let spec = document.root["spec"],
                  let group = spec["group"]?.scalarText, ResourceScopes.isDeclarable(group: group),
                  let kind = spec["names"]?["kind"]?.scalarText,
                  let versions = spec["versions"], versions.kind == .sequence else { continue }
            for version in versions.elements {
                guard let name = version["name"]?.scalarText, let schema = version["schema"]?["openAPIV3Schema"],
                      schema.kind == .mapping else { continue }
                declared[kind + "." + group + "/" + name] = schema
            }
            definitions.append(document)
        }
        self.declared = declared
        self.definitions = definitions
    }

    var isEmpty: Bool { declared.isEmpty }

    /// The type of a custom resource of `kind` at `apiVersion` (`group/version`); `nil` when no
    /// definition of the run declares a schema for it.
    func type(kind: String, apiVersion: String, using schema: KubernetesSchema) -> SchemaType? {
        let key = kind + "." + apiVersion
        if let known = converted.withLock({ $0[key] }) { return known }
        guard let node = declared[key] else { return nil }
        let type = Self.rootType(node, kind: kind, using: schema)
        converted.withLock { $0[key] = type }
        return type
    }

    /// The root's type: its declared fields, with `apiVersion`, `kind` and `metadata` as every
    /// Kubernetes object has them (a definition rarely declares them, and may not restrict them).
    private static func rootType(_ node: Node, kind: String, using schema: KubernetesSchema) -> SchemaType {
        guard case .object(.inline(let declared)) = convert(node, name: kind, depth: 0) else { return .any }
        var fields = declared.fields.filter { !["apiVersion", "kind", "metadata"].contains($0.name) }
        fields.append(ObjectSchema.Field(name: "apiVersion", type: .string(allowed: []), required: false))
        fields.append(ObjectSchema.Field(name: "kind", type: .string(allowed: []), required: false))
        let objectMeta = schema.kind("ConfigMap", apiVersion: "v1").flatMap { schema.object($0.type).field("metadata")?.type } ?? .any
        fields.append(ObjectSchema.Field(name: "metadata", type: objectMeta, required: false))
        return .object(.inline(ObjectSchema(name: kind, fields: fields, allowsUnknownFields: declared.allowsUnknownFields)))
    }

    /// A structural schema (what `apiextensions.k8s.io/v1` requires) as a schema type. What it
    /// cannot express exactly (`anyOf`, `oneOf`, `not`, a schema deeper than 64 levels) is `any`.
    static func convert(_ node: Node, name: String, depth: Int) -> SchemaType {
        guard node.kind == .mapping, depth < 64 else { return .any }
        if node["x-kubernetes-int-or-string"]?.bool == true { return .intOrString }
        let preserve = node["x-kubernetes-preserve-unknown-fields"]?.bool == true
        if node["anyOf"] != nil || node["oneOf"] != nil || node["not"] != nil { return .any }
        switch node["type"]?.scalarText {
        case "string":
            let allowed = node["enum"]?.elements.compactMap(\.string) ?? []
            return .string(allowed: allowed)
        case "integer": return .integer
        case "number": return .number
        case "boolean": return .boolean
        case "array":
            guard let items = node["items"] else { return .list(.any, mapKeys: []) }
            let keys = node["x-kubernetes-list-map-keys"]?.elements.compactMap(\.string) ?? []
            return .list(convert(items, name: name, depth: depth + 1), mapKeys: keys)
        case "object":
            let properties = node["properties"]
            if properties == nil || properties?.kind != .mapping {
                if let additional = node["additionalProperties"], additional.kind == .mapping {
                    return .map(convert(additional, name: name, depth: depth + 1))
                }
                return .any
            }
            let required = Set(node["required"]?.elements.compactMap(\.string) ?? [])
            var fields: [ObjectSchema.Field] = []
            for (key, value) in properties!.entries {
                guard let field = key.scalarText else { continue }
                fields.append(ObjectSchema.Field(name: field, type: convert(value, name: name + "." + field, depth: depth + 1),
                                                 required: required.contains(field)))
            }
            let open = preserve || node["additionalProperties"].map { $0.kind == .mapping || $0.bool == true } == true
            return .object(.inline(ObjectSchema(name: name, fields: fields, allowsUnknownFields: open)))
        default:
            return .any
        }
    }
}
