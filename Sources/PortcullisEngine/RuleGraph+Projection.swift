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
        // What rules read through `customResources()` they read of resources of any kind (the
        // loader cannot tell a custom resource by its kind): those top-level keys are built for all.
        var customKeys: Set<String> = []
        if readsCustomResources {
            guard let keys = customResourceKeys() else { return ManifestProjection(keysByKind: [:], otherKinds: nil) }
            customKeys = keys
        }
        var keysByKind: [String: Set<String>] = [:]
        var wholeKinds: Set<String> = crossDocumentKinds
        for (kind, indexes) in kindIndex {
            guard !wholeKinds.contains(kind) else { continue }
            if let keys = union(indexes) { keysByKind[kind] = keys.union(customKeys) } else { wholeKinds.insert(kind) }
        }
        return ManifestProjection(keysByKind: keysByKind, wholeKinds: wholeKinds,
                                  otherKinds: union(wildcardRules).map { $0.union(customKeys) })
    }

    /// The top-level keys the rules read of the custom resources `customResources()` returns (a
    /// pod template's: `spec`); `nil` when a rule reads them whole or what it reads cannot be told.
    private func customResourceKeys() -> Set<String>? {
        var analysis = CrossDocumentProjection.Analysis(graph: self)
        var keys: Set<String> = []
        for (index, rule) in rules.enumerated() where lookupRules[index] {
            guard let reads = analysis.reads(of: rule) else { return nil }
            for read in reads where read.origin == .customResources {
                switch read.steps.first {
                case .key(let name): keys.insert(name)
                case .podSpec, .podMetadata: keys.insert("spec")
                case .elements, nil:
                    // The resource itself: read whole, or only walked through (to its fields).
                    if read.whole { return nil }
                }
            }
        }
        return keys
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
