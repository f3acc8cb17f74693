import PortcullisManifest

extension RuleGraph {
    /// The top-level fields the rules can read, by kind: what the loader must build (the rest it
    /// parses but leaves unbuilt). Derived from the plan: `field(root, key)` reads `key`; the pod spec
    /// and containers read `spec`; the resource used whole reads everything. Computed once, when
    /// the graph is built (`projection`): a validator asks for it on every validation.
    func computeProjection() -> ManifestProjection {
        var perRule: [Set<String>?] = []
        for rule in rules {
            var keys: Set<String>? = []
            var seen = Set<Int>()
            for root in rule.planRoots { collectKeys(root, into: &keys, seen: &seen) }
            perRule.append(keys)
        }
        func union(_ indexes: [Int]) -> Set<String>? {
            var result: Set<String> = []
            for index in indexes {
                guard let keys = perRule[index] else { return nil }
                result.formUnion(keys)
            }
            return result
        }
        // Resources other rules look at across documents are built whole; when any kind may be
        // looked at, nothing is projected away.
        guard let crossDocumentKinds else { return ManifestProjection(keysByKind: [:], otherKinds: nil) }
        var keysByKind: [String: Set<String>] = [:]
        var wholeKinds: Set<String> = crossDocumentKinds
        for (kind, indexes) in kindIndex {
            guard !wholeKinds.contains(kind) else { continue }
            if let keys = union(indexes) { keysByKind[kind] = keys } else { wholeKinds.insert(kind) }
        }
        return ManifestProjection(keysByKind: keysByKind, wholeKinds: wholeKinds, otherKinds: union(wildcardRules))
    }

    private func collectKeys(_ id: Int, into keys: inout Set<String>?, seen: inout Set<Int>) {
        guard keys != nil, seen.insert(id).inserted else { return }
        let op = nodes[id].op
        switch op {
        case .root: keys = nil
        case .podSpec, .podMetadata, .allContainers: keys?.insert("spec")
        case .field(let base, let name) where nodes[base].op == .root: keys?.insert(name)
        default: op.forEachOperand { collectKeys($0, into: &keys, seen: &seen) }
        }
    }
}
