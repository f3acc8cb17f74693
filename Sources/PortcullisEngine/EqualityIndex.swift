import PortcullisManifest

/// A field's value as `==` compares scalars (`Evaluator.compare`): missing and null are one key
/// (they compare equal), numbers by value, strings by text, booleans. Collections, images, versions
/// and records have no key: they are compared deeply or by their own rules.
enum EqualityKey: Hashable, Sendable {
    case nullish
    case bool(Bool)
    case number(Double)
    case string(String)

    /// The key of `value`, or nil when `==` may decide it otherwise than by a key.
    init?(_ value: Value) {
        switch value.resolved {
        case .missing, .null: self = .nullish
        case .bool(let b): self = .bool(b)
        case .number(let n): self = .number(n)
        case .string(let s): self = .string(s)
        default: return nil
        }
    }
}

/// The resources of one lookup (`resources(kinds, namespace)`, in input order) indexed by the value
/// of each field path a quantifier's body compares for equality (`h.spec.scaleTargetRef.name ==
/// metadata.name`): a lookup costs the resources whose field has the value asked for, not all of them.
/// The body still decides each candidate, so a candidate set that is too large is harmless; one
/// that is too small is not, hence: a resource whose field has no key (a mapping, a list) is a
/// candidate for every value.
final class EqualityIndex: Sendable {
    let elements: ResourceList
    /// Per field path (in the order the lookup gave them): positions by key.
    private let byKey: [[EqualityKey: [Int32]]]
    /// Per field path: positions of the resources whose field has no key (always candidates).
    private let unkeyed: [[Int32]]

    init(_ resources: ResourceList, paths: [[String]]) {
        elements = resources
        var byKey = [[EqualityKey: [Int32]]](repeating: [:], count: paths.count)
        var unkeyed = [[Int32]](repeating: [], count: paths.count)
        for (number, path) in paths.enumerated() {
            resources.forEachLettingPagesGo { position, resource in
                let field = Evaluator.field(resource, path: path)
                if let key = EqualityKey(field) {
                    byKey[number][key, default: []].append(Int32(position))
                } else {
                    unkeyed[number].append(Int32(position))
                }
            }
        }
        self.byKey = byKey
        self.unkeyed = unkeyed
    }

    /// Positions (ascending: input order) of the resources whose field at path `number` may equal a
    /// value of key `key`.
    func candidates(path number: Int, equalTo key: EqualityKey) -> [Int32] {
        let keyed = byKey[number][key] ?? []
        let always = unkeyed[number]
        if always.isEmpty { return keyed }
        if keyed.isEmpty { return always }
        return (keyed + always).sorted()
    }
}
