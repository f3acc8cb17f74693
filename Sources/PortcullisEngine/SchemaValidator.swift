import PortcullisManifest
import PortcullisSchema

/// Validates a resource against its schema: Kubernetes' own kinds against the embedded table, a
/// custom resource against the `openAPIV3Schema` of its CustomResourceDefinition when the run has
/// it. Walks the document once with an explicit stack (documents may be deep), builds a path text
/// only for a violation, and stops at `limit` violations.
package struct SchemaValidator {
    package let schema: KubernetesSchema
    package var limit = 100

    package init(schema: KubernetesSchema = .embedded) {
        self.schema = schema
    }

    /// The violations of the resource whose root is `root`; none for a kind neither the table nor a
    /// CustomResourceDefinition of `inputSet` describes.
    package func violations(of root: Node, in inputSet: InputSet = .empty) -> [SchemaViolation] {
        guard root.kind == .mapping, let kind = root["kind"]?.string, let apiVersion = root["apiVersion"]?.string else { return [] }
        if let known = schema.kind(kind, apiVersion: apiVersion) {
            return validate(root, as: .object(known.type))
        }
        let versions = schema.versions(of: kind)
        if !versions.isEmpty, !InputSet.isCustom(apiVersion: apiVersion) {
            let group = ResourceScopes.group(ofAPIVersion: apiVersion)
            // Same group, another version; or a group that is Kubernetes' own (a removed API).
            if versions.contains(where: { $0.group == group }) || schema.groups.contains(group) || group == "extensions" {
                let served = versions.map(\.apiVersion).joined(separator: ", ")
                return [SchemaViolation(kind: .apiVersion,
                                        message: "Kubernetes \(schema.kubernetesVersion) does not serve \(kind) at \(apiVersion) (it does at \(served))",
                                        path: "apiVersion", target: .node(root["apiVersion"]!))]
            }
        }
        guard let custom = inputSet.customResourceSchema(kind: kind, apiVersion: apiVersion, using: schema) else { return [] }
        return validate(root, as: custom)
    }

    /// One step of the path to a node: its parent step, and the key node's index (a mapping's
    /// field) or the position (a list's element, `key` -1). Text is made only for a violation.
    private struct Step {
        let parent: Int32
        let key: Int32
        let position: Int32
    }

    private struct Frame {
        let node: Node
        let type: SchemaType
        /// Index into `steps` of the path to `node` (-1: the root).
        let step: Int
    }

    private func validate(_ root: Node, as rootType: SchemaType) -> [SchemaViolation] {
        var found: [SchemaViolation] = []
        var steps: [Step] = []
        var stack = [Frame(node: root, type: rootType, step: -1)]
        let storage = root.storage
        func path(_ step: Int, then last: PathComponent? = nil) -> String {
            var components: [PathComponent] = last.map { [$0] } ?? []
            var index = step
            while index >= 0 {
                let s = steps[index]
                components.append(s.key >= 0 ? .key(Node(storage: storage, index: s.key).scalarText ?? "") : .index(Int(s.position)))
                index = Int(s.parent)
            }
            var text = ""
            for component in components.reversed() {
                switch component {
                case .key(let key): text += text.isEmpty ? key : "." + key
                case .index(let i): text += "[\(i)]"
                }
            }
            return text.isEmpty ? "(the resource)" : text
        }
        func report(_ kind: SchemaViolation.Kind, _ message: String, _ step: Int, _ last: PathComponent?, _ target: Value) {
            found.append(SchemaViolation(kind: kind, message: message, path: path(step, then: last), target: target))
        }
        while let frame = stack.popLast(), found.count < limit {
            let node = frame.node
            if node.isNull { continue }
            switch frame.type {
            case .any:
                continue
            case .object(let reference):
                guard node.kind == .mapping else {
                    report(.type, "\(path(frame.step)) must be a mapping, not \(Self.describe(node))", frame.step, nil, .node(node))
                    continue
                }
                let object = schema.object(reference)
                node.forEachEntry { key, value in
                    guard let index = key.withScalarBytes({ object.fieldIndex(utf8: $0) }) else {
                        let name = key.scalarText ?? ""
                        // SOPS keeps its metadata beside the fields of the resource it encrypts.
                        if object.allowsUnknownFields || (frame.step == -1 && name == "sops") { return }
                        let suggestion = NameSuggestion.nearest(to: name, among: object.fields.lazy.map(\.name))
                        report(.unknownField, "\(path(frame.step, then: .key(name))): \(object.displayName) has no field '\(name)'"
                               + (suggestion.map { "; did you mean '\($0)'?" } ?? ""), frame.step, .key(name), .node(key))
                        return
                    }
                    steps.append(Step(parent: Int32(frame.step), key: key.index, position: 0))
                    stack.append(Frame(node: value, type: object.fields[index].type, step: steps.count - 1))
                }
                for index in object.requiredIndexes {
                    let field = object.fields[index]
                    if node[field.name].map({ !$0.isNull }) == true { continue }
                    report(.required, "\(path(frame.step, then: .key(field.name))) is required (\(object.displayName) needs \(field.name))",
                           frame.step, .key(field.name), .missing(parent: node, key: MissingKey(field.name)))
                }
            case .list(let element, _):
                guard node.kind == .sequence else {
                    report(.type, "\(path(frame.step)) must be a list, not \(Self.describe(node))", frame.step, nil, .node(node))
                    continue
                }
                var position = node.count - 1
                while position >= 0, let item = node[position] {
                    steps.append(Step(parent: Int32(frame.step), key: -1, position: Int32(position)))
                    stack.append(Frame(node: item, type: element, step: steps.count - 1))
                    position -= 1
                }
            case .map(let valueType):
                guard node.kind == .mapping else {
                    report(.type, "\(path(frame.step)) must be a mapping, not \(Self.describe(node))", frame.step, nil, .node(node))
                    continue
                }
                if case .any = valueType { continue }
                node.forEachEntry { key, value in
                    steps.append(Step(parent: Int32(frame.step), key: key.index, position: 0))
                    stack.append(Frame(node: value, type: valueType, step: steps.count - 1))
                }
            case .string(let allowed):
                guard node.kind == .scalar, node.scalarType == .string else {
                    report(.type, "\(path(frame.step)) must be text, not \(Self.describe(node))" + Self.quoteHint(node), frame.step, nil, .node(node))
                    continue
                }
                if !allowed.isEmpty, let text = node.scalarText, !text.isEmpty, !allowed.contains(text) {
                    let suggestion = NameSuggestion.nearest(to: text, among: allowed)
                    report(.enumValue, "\(path(frame.step)) is '\(text)', not one of \(allowed.joined(separator: ", "))"
                           + (suggestion.map { "; did you mean '\($0)'?" } ?? ""), frame.step, nil, .node(node))
                }
            case .integer:
                if !(node.kind == .scalar && node.scalarType == .int) {
                    report(.type, "\(path(frame.step)) must be an integer, not \(Self.describe(node))", frame.step, nil, .node(node))
                }
            case .number:
                if !(node.kind == .scalar && (node.scalarType == .int || node.scalarType == .float)) {
                    report(.type, "\(path(frame.step)) must be a number, not \(Self.describe(node))", frame.step, nil, .node(node))
                }
            case .boolean:
                if !(node.kind == .scalar && node.scalarType == .bool) {
                    report(.type, "\(path(frame.step)) must be true or false, not \(Self.describe(node))", frame.step, nil, .node(node))
                }
            case .intOrString:
                if !(node.kind == .scalar && (node.scalarType == .int || node.scalarType == .string)) {
                    report(.type, "\(path(frame.step)) must be an integer or text, not \(Self.describe(node))", frame.step, nil, .node(node))
                }
            case .quantity:
                guard node.kind == .scalar, node.scalarType != .bool else {
                    report(.type, "\(path(frame.step)) must be a quantity (500m, 1Gi, 2), not \(Self.describe(node))", frame.step, nil, .node(node))
                    continue
                }
                if node.scalarType == .string, let text = node.scalarText, Quantity.parse(text) == nil {
                    report(.type, "\(path(frame.step)) is '\(text)', not a quantity (500m, 1Gi, 2)", frame.step, nil, .node(node))
                }
            }
        }
        return found
    }

    /// "text '3'", "an integer", "a mapping", … for messages.
    static func describe(_ node: Node) -> String {
        switch node.kind {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .scalar:
            switch node.scalarType {
            case .null: return "null"
            case .bool: return "a boolean (\(node.scalarText ?? ""))"
            case .int: return "an integer (\(node.scalarText ?? ""))"
            case .float: return "a number (\(node.scalarText ?? ""))"
            case .string: return "text ('\(node.scalarText ?? "")')"
            }
        }
    }

    /// A hint for the common case of a number or boolean where text belongs (a label value).
    private static func quoteHint(_ node: Node) -> String {
        guard node.kind == .scalar, [.int, .float, .bool].contains(node.scalarType) else { return "" }
        return "; quote it: \"\(node.scalarText ?? "")\""
    }
}
