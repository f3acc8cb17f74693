/// Keys the loader and the engine look up by name in nearly every document: the identity fields
/// (`apiVersion`, `kind`, `metadata.namespace`, `metadata.name`), a workload's pod template
/// (`spec.template`, a CronJob's `spec.jobTemplate`) and a label selector's parts. Each arena finds
/// their atoms once, when it is made (`KnownAtoms`); a lookup by one of them (`Node[known:]`) then
/// hashes no bytes.
package enum KnownKey: Int, CaseIterable, Sendable {
    case apiVersion, kind, metadata, namespace, name, spec, template, jobTemplate, labels
    case matchLabels, matchExpressions, key, `operator`, values

    /// The key's text, as documents spell it.
    var text: StaticString {
        switch self {
        case .apiVersion: "apiVersion"
        case .kind: "kind"
        case .metadata: "metadata"
        case .namespace: "namespace"
        case .name: "name"
        case .spec: "spec"
        case .template: "template"
        case .jobTemplate: "jobTemplate"
        case .labels: "labels"
        case .matchLabels: "matchLabels"
        case .matchExpressions: "matchExpressions"
        case .key: "key"
        case .operator: "operator"
        case .values: "values"
        }
    }
}

/// The atoms of the `KnownKey`s in one arena's key table (-1: no mapping of the arena has the key),
/// by the key's raw value.
struct KnownAtoms: Sendable {
    private let atoms: [Int32]

    init(_ keys: KeyTable) {
        atoms = KnownKey.allCases.map { key in
            keys.find(UnsafeRawBufferPointer(start: key.text.utf8Start, count: key.text.utf8CodeUnitCount)) ?? -1
        }
    }

    /// The atom of `key`; `nil` when no mapping of the arena has it.
    @inline(__always)
    subscript(key: KnownKey) -> Int32? {
        let atom = atoms.withUnsafeBufferPointer { $0[key.rawValue] }
        return atom < 0 ? nil : atom
    }
}
