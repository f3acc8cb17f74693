import PortcullisManifest

extension RuleGraph {
    /// The top-level fields the rules can read, by kind: what the loader must build (the rest it
    /// parses but leaves unbuilt). Derived from the plan: `field(root, key)` reads `key`; the pod spec
    /// and containers read `spec`; the resource used whole reads everything.
    package var projection: ManifestProjection {
        var perRule: [Set<String>?] = []
        for rule in rules {
            var keys: Set<String>? = []
            var seen = Set<Int>()
            var roots = [rule.condition] + (rule.at.map { [$0] } ?? []) + (rule.collection.map { [$0] } ?? [])
            for piece in rule.message { if case .value(let id) = piece { roots.append(id) } }
            for root in roots { collectKeys(root, into: &keys, seen: &seen) }
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
        switch nodes[id].op {
        case .constant, .binding, .filePath: return
        case .root: keys = nil
        case .podSpec, .podMetadata, .allContainers: keys?.insert("spec")
        case .field(let base, let name):
            if case .root = nodes[base].op { keys?.insert(name) } else { collectKeys(base, into: &keys, seen: &seen) }
        case .index(let a, let b), .compare(_, let a, let b), .member(let a, let b, _), .regexDynamic(let a, let b):
            collectKeys(a, into: &keys, seen: &seen)
            collectKeys(b, into: &keys, seen: &seen)
        case .call(_, let operands), .and(let operands), .or(let operands):
            for operand in operands { collectKeys(operand, into: &keys, seen: &seen) }
        case .not(let a), .exists(let a), .missing(let a), .regex(let a, _):
            collectKeys(a, into: &keys, seen: &seen)
        case .quantifier(_, _, let collection, let body):
            collectKeys(collection, into: &keys, seen: &seen)
            collectKeys(body, into: &keys, seen: &seen)
        }
    }
}
