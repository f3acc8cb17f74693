import PortcullisManifest

/// The functions the language provides, each declared once: its case names it, and its arm of
/// `function` states everything else (a new case does not compile until it has that arm). Calls are
/// resolved when a policy is compiled; an unknown name or a wrong number of arguments is a
/// diagnostic of the policy file.
package enum Builtin: String, CaseIterable, Sendable, Hashable {
    case image, semver, quantity, base64decode
    case len, count, lower, upper, trim, startsWith, endsWith, contains, split, keys, values
    case `default`, string, number
    case glob, concat, ratio, flatten
    /// Cross-document: other resources of the run, and how selectors pick pods.
    case resources, workloads, customResources, podLabels, selects
    /// The resource's departures from its schema (the `schema` pack).
    case schemaViolations

    /// The function's declaration: arity, result type, documentation line, what it looks up, and its
    /// evaluation.
    package var function: BuiltinFunction {
        switch self {
        case .image:
            BuiltinFunction(self, arity: 1...1, .image, firstArgument: .text,
                            "image(ref) → image reference (.registry .repository .name .tag .digest .untagged .pinned)") { a, _ in
                a.first.stringValue.map { .image(ImageReference($0)) } ?? .absent
            }
        case .semver:
            BuiltinFunction(self, arity: 1...1, .semver, firstArgument: .text,
                            "semver(text) → version (.valid .strict .major .minor .patch .prerelease .build)") { a, _ in
                a.first.stringValue.map { .semver(SemanticVersion($0)) } ?? .absent
            }
        case .quantity:
            BuiltinFunction(self, arity: 1...1, .number, firstArgument: .textOrNumber,
                            "quantity(text) → number (500m → 0.5, 1Gi → 1073741824)") { a, _ in
                a.first.stringValue.flatMap(Quantity.parse).map(Value.number) ?? .absent
            }
        case .base64decode:
            BuiltinFunction(self, arity: 1...1, .string, firstArgument: .text, "base64decode(text) → text") { a, _ in
                guard let text = a.first.stringValue, let bytes = Base64.decode(text) else { return .absent }
                return .string(String(repairingUTF8: bytes))
            }
        case .len:
            BuiltinFunction(self, arity: 1...1, .number, "len(list | mapping | text) → number") { a, _ in Builtin.size(a.first) }
        case .count:
            BuiltinFunction(self, arity: 1...1, .number, "count(list | mapping | text) → number") { a, _ in Builtin.size(a.first) }
        case .lower:
            BuiltinFunction(self, arity: 1...1, .string, firstArgument: .text, "lower(text) → text") { a, _ in
                a.first.stringValue.map { .string($0.lowercased()) } ?? .absent
            }
        case .upper:
            BuiltinFunction(self, arity: 1...1, .string, firstArgument: .text, "upper(text) → text") { a, _ in
                a.first.stringValue.map { .string($0.uppercased()) } ?? .absent
            }
        case .trim:
            BuiltinFunction(self, arity: 1...1, .string, firstArgument: .text, "trim(text) → text without leading and trailing white space") { a, _ in
                a.first.stringValue.map { .string($0.trimmingWhiteSpace) } ?? .absent
            }
        case .startsWith:
            BuiltinFunction(self, arity: 2...2, .bool, firstArgument: .text, "startsWith(text, prefix) → bool") { a, _ in
                guard let text = a.first.stringValue, let prefix = a.second.stringValue else { return .bool(false) }
                return .bool(text.hasPrefix(prefix))
            }
        case .endsWith:
            BuiltinFunction(self, arity: 2...2, .bool, firstArgument: .text, "endsWith(text, prefix) → bool") { a, _ in
                guard let text = a.first.stringValue, let suffix = a.second.stringValue else { return .bool(false) }
                return .bool(text.hasSuffix(suffix))
            }
        case .contains:
            BuiltinFunction(self, arity: 2...2, .bool, "contains(text | list, item) → bool") { a, _ in
                .bool(Evaluator.contains(a.first, a.second))
            }
        case .split:
            BuiltinFunction(self, arity: 2...2, .list, firstArgument: .text, "split(text, separator) → list") { a, _ in
                guard let text = a.first.stringValue, let separator = a.second.stringValue, !separator.isEmpty else { return .absent }
                return .list(text.split(separator: separator, omittingEmptySubsequences: false).map { .string(String($0)) })
            }
        case .keys:
            BuiltinFunction(self, arity: 1...1, .list, "keys(mapping) → list") { a, _ in
                guard case .node(let node) = a.first, node.kind == .mapping else { return .list([]) }
                return .list(node.entries.map { .string($0.key.scalarText ?? "") })
            }
        case .values:
            BuiltinFunction(self, arity: 1...1, .list, "values(mapping) → list") { a, _ in
                guard case .node(let node) = a.first, node.kind == .mapping else { return .list([]) }
                return .list(node.entries.map { .node($0.value) })
            }
        case .default:
            BuiltinFunction(self, arity: 2...2, .any, "default(value, fallback) → value, or fallback when missing or null") { a, _ in
                a.first.exists ? a.first : a.second
            }
        case .string:
            BuiltinFunction(self, arity: 1...1, .string, "string(value) → text") { a, _ in
                // A text scalar of a document is its own text: it stays the node, which `matches`,
                // comparisons and messages read where the arena keeps it (a `String` made of it
                // copied every byte, a ConfigMap's large data too, and counted its references).
                if case .node(let node) = a.first, node.kind == .scalar, node.scalarType == .string { return a.first }
                return a.first.stringValue.map(Value.string) ?? (a.first.exists ? .string(a.first.display) : .absent)
            }
        case .number:
            BuiltinFunction(self, arity: 1...1, .number, "number(value) → number") { a, _ in
                let resolved = a.first.resolved
                if case .number = resolved { return resolved }
                return a.first.stringValue.flatMap { Double($0) }.map(Value.number) ?? .absent
            }
        case .glob:
            BuiltinFunction(self, arity: 2...2, .bool,
                            "glob(text, pattern) → bool ('*' any run of characters, '?' one: glob(c.image, \"ghcr.io/org/*\"))") { a, _ in
                guard let text = a.first.stringValue, let pattern = a.second.stringValue else { return .bool(false) }
                return .bool(GlobPattern.textMatches(text, pattern: pattern))
            }
        case .concat:
            BuiltinFunction(self, arity: 2...2, .string,
                            "concat(a, b) → text: the two as text, one after the other (missing counts as empty)") { a, _ in
                .string((a.first.stringValue ?? "") + (a.second.stringValue ?? ""))
            }
        case .ratio:
            BuiltinFunction(self, arity: 2...2, .number, "ratio(a, b) → number a / b (missing when b is 0 or either is not a number)") { a, _ in
                guard case .number(let x) = a.first.resolved, case .number(let y) = a.second.resolved, y != 0 else { return .absent }
                return .number(x / y)
            }
        case .flatten:
            BuiltinFunction(self, arity: 2...2, .list,
                            "flatten(list, field) → the elements of every element's field, in order: flatten(containers, \"env\")") { a, _ in
                guard let elements = a.first.elements, let name = a.second.stringValue else { return .list([]) }
                return .list(elements.flatMap { Evaluator.field($0, name).elements ?? [] })
            }
        case .resources:
            BuiltinFunction(self, arity: 1...2, .list, lookup: .kindsInFirstArgument,
                            "resources(kind | [kinds] [, namespace]) → list of the run's resources of those kinds (in that namespace)") { a, run in
                let kinds = a.first.elements?.compactMap(\.stringValue) ?? a.first.stringValue.map { [$0] } ?? []
                return run.resources(ofKinds: kinds, namespace: a.namespace(at: 1))
            }
        case .workloads:
            BuiltinFunction(self, arity: 0...1, .list, lookup: .kinds(WorkloadKinds.all),
                            "workloads([namespace]) → list of the run's workloads (kinds with a pod template), in that namespace when given") { a, run in
                run.workloads(namespace: a.namespace(at: 0))
            }
        case .customResources:
            BuiltinFunction(self, arity: 0...1, .list, lookup: .customResources,
                            "customResources([namespace]) → list of the run's custom resources (an apiVersion group outside Kubernetes' own: monitoring.coreos.com/v1 …)") { a, run in
                run.customResources(namespace: a.namespace(at: 0))
            }
        case .podLabels:
            BuiltinFunction(self, arity: 1...1, .any, "podLabels(resource) → the labels of a workload's pods (its pod template's)") { a, _ in
                LabelSelector.podLabels(a.first)
            }
        case .selects:
            BuiltinFunction(self, arity: 2...2, .bool,
                            "selects(selector, labels) → bool (a label selector with matchLabels/matchExpressions, or a Service's plain map)") { a, _ in
                .bool(LabelSelector.selects(a.first, a.second))
            }
        case .schemaViolations:
            BuiltinFunction(self, arity: 1...1, .list, lookup: .definitions,
                            "schemaViolations(resource) → list of the resource's departures from its Kubernetes schema, or its CustomResourceDefinition's (.kind .message .path .at)") { a, run in
                guard case .node(let root) = a.first else { return .list([]) }
                return .list(SchemaValidator().violations(of: root, in: run).map(\.record))
            }
        }
    }

    /// `len` and `count`: elements of a list, pairs of a mapping, characters of text; 0 otherwise.
    private static func size(_ value: Value) -> Value {
        if case .resources(let list) = value { return .number(Double(list.count)) }
        if let elements = value.elements { return .number(Double(elements.count)) }
        if case .node(let node) = value, node.kind == .mapping { return .number(Double(node.count)) }
        if let text = value.stringValue { return .number(Double(text.count)) }
        return .number(0)
    }
}
