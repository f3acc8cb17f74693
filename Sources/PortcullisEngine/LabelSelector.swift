import PortcullisManifest

/// Kubernetes label selection, as the API server applies it.
enum LabelSelector {
    /// Whether `selector` selects an object with `labels`.
    ///
    /// A selector with `matchLabels` or `matchExpressions` is a LabelSelector (PodDisruptionBudget,
    /// Deployment, NetworkPolicy): every pair must be present and every expression hold; an empty one
    /// selects everything. Otherwise it is a Service's plain map, whose pairs must all be present. An
    /// empty mapping selects everything, as an empty LabelSelector does (a Service without a selector
    /// manages its endpoints by hand: policies test `len(spec.selector) > 0` for it). Label keys
    /// and values are compared byte for byte, as the API server compares them, in place (no
    /// `String` is made of them).
    static func selects(_ selector: Value, _ labels: Value) -> Bool {
        guard case .node(let selectorNode) = selector, selectorNode.kind == .mapping else { return false }
        let labelNode: PortcullisManifest.Node?
        if case .node(let node) = labels, node.kind == .mapping { labelNode = node } else { labelNode = nil }
        /// The label under the text of `key` (a scalar), whatever its value.
        func label(_ key: PortcullisManifest.Node) -> PortcullisManifest.Node? { labelNode?.value(underKeyTextOf: key) }

        let matchLabels = selectorNode[known: .matchLabels], matchExpressions = selectorNode[known: .matchExpressions]
        guard matchLabels != nil || matchExpressions != nil else {
            guard selectorNode.count > 0 else { return true }
            return selectorNode.entries.allSatisfy { entry in
                guard entry.key.kind == .scalar else { return false }
                return isControllerLabel(entry.key) || PortcullisManifest.Node.sameScalarTextOrNone(label(entry.key), entry.value)
            }
        }
        if let matchLabels, matchLabels.kind == .mapping {
            for entry in matchLabels.entries where !PortcullisManifest.Node.sameScalarTextOrNone(label(entry.key), entry.value) { return false }
        }
        if let matchExpressions, matchExpressions.kind == .sequence {
            for expression in matchExpressions.elements {
                guard let key = expression[known: .key], key.kind == .scalar, let op = expression[known: .operator]?.scalarText else {
                    return false
                }
                let values = expression[known: .values].map { $0.elements.filter { $0.kind == .scalar } } ?? []
                let actual = label(key).flatMap { $0.kind == .scalar ? $0 : nil }
                let isAmongValues = actual.map { actual in values.contains { $0.hasSameScalarText(as: actual) } } ?? false
                switch op {
                case "In": if !isAmongValues { return false }
                case "NotIn": if isAmongValues { return false }
                case "Exists": if actual == nil { return false }
                case "DoesNotExist": if actual != nil { return false }
                default: return false
                }
            }
        }
        return true
    }

    /// Labels controllers add to the pods they create, so no pod template carries them: a selector on
    /// them (a Service per StatefulSet replica) is judged by its other labels.
    static let controllerLabels: [String] = [
        "statefulset.kubernetes.io/pod-name", "apps.kubernetes.io/pod-index", "controller-revision-hash", "pod-template-hash",
        "batch.kubernetes.io/job-completion-index",
    ]

    /// Whether `key` (a scalar) is one of `controllerLabels`.
    static func isControllerLabel(_ key: PortcullisManifest.Node) -> Bool {
        controllerLabels.contains { key.scalarTextEquals($0) }
    }

    /// The labels of the pods a resource makes: its pod template's (a Pod's own).
    static func podLabels(_ resource: Value) -> Value {
        guard case .node(let root) = resource, root.kind == .mapping, let kind = root[known: .kind]?.scalarText,
              let metadata = WorkloadKinds.pod(.metadata, of: root, kind: kind) else { return .absent }
        return metadata[known: .labels].map(Value.node) ?? .missing(parent: metadata, key: MissingKey.labels)
    }
}
