import PortcullisManifest

/// Kubernetes label selection, as the API server applies it.
enum LabelSelector {
    /// Whether `selector` selects an object with `labels`.
    ///
    /// A selector with `matchLabels` or `matchExpressions` is a LabelSelector (PodDisruptionBudget,
    /// Deployment, NetworkPolicy): every pair must be present and every expression hold; an empty one
    /// selects everything. Otherwise it is a Service's plain map, whose pairs must all be present. An
    /// empty mapping selects everything, as an empty LabelSelector does (a Service without a selector
    /// manages its endpoints by hand: policies test `len(spec.selector) > 0` for it).
    static func selects(_ selector: Value, _ labels: Value) -> Bool {
        guard case .node(let selectorNode) = selector, selectorNode.kind == .mapping else { return false }
        let labelNode: PortcullisManifest.Node?
        if case .node(let node) = labels, node.kind == .mapping { labelNode = node } else { labelNode = nil }
        func label(_ key: String) -> String? { labelNode?[key]?.scalarText }

        let matchLabels = selectorNode["matchLabels"], matchExpressions = selectorNode["matchExpressions"]
        guard matchLabels != nil || matchExpressions != nil else {
            guard selectorNode.count > 0 else { return true }
            return selectorNode.entries.allSatisfy { entry in
                guard let key = entry.key.scalarText else { return false }
                return controllerLabels.contains(key) || label(key) == entry.value.scalarText
            }
        }
        if let matchLabels, matchLabels.kind == .mapping {
            for entry in matchLabels.entries where entry.key.scalarText.flatMap(label) != entry.value.scalarText { return false }
        }
        if let matchExpressions, matchExpressions.kind == .sequence {
            for expression in matchExpressions.elements {
                guard let key = expression["key"]?.scalarText, let op = expression["operator"]?.scalarText else { return false }
                let values = expression["values"].map { $0.elements.compactMap(\.scalarText) } ?? []
                let actual = label(key)
                switch op {
                case "In": if !(actual.map(values.contains) ?? false) { return false }
                case "NotIn": if actual.map(values.contains) ?? false { return false }
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
    static let controllerLabels: Set<String> = [
        "statefulset.kubernetes.io/pod-name", "apps.kubernetes.io/pod-index", "controller-revision-hash", "pod-template-hash",
        "batch.kubernetes.io/job-completion-index",
    ]

    /// The labels of the pods a resource makes: its pod template's (a Pod's own).
    static func podLabels(_ resource: Value) -> Value {
        guard case .node(let root) = resource, root.kind == .mapping, let kind = root[literal: "kind"]?.scalarText,
              let metadata = WorkloadKinds.pod(.metadata, of: root, kind: kind) else { return .absent }
        return metadata[literal: "labels"].map(Value.node) ?? .missing(parent: metadata, key: "labels")
    }
}
