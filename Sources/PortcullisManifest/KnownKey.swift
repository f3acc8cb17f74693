/// Keys the loader and the engine look up by name in nearly every document: the identity fields
/// (`apiVersion`, `kind`, `metadata.namespace`, `metadata.name`), a workload's pod template
/// (`spec.template`, a CronJob's `spec.jobTemplate`) and a label selector's parts. Each arena finds
/// their atoms once, when it is made (`KnownAtoms`); a lookup by one of them (`Node[known:]`) then
/// hashes no bytes, unless the file named a dozen other keys before it.
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

/// The atoms of the `KnownKey`s in one arena's key table, four bits each in one word held in the
/// arena itself (no allocation: a run keeps an arena per file waiting for the cross-document
/// rules). The keys are among the first a file's documents name, so most atoms are small; one of
/// `large` or more is found by its bytes when asked (`atom(of:in:)`).
struct KnownAtoms: Sendable {
    /// Bits `4 * key.rawValue` to `4 * key.rawValue + 3`: the atom, `absent`, or `large`.
    private let nibbles: UInt64
    private static let absent: UInt64 = 0xF
    private static let large: UInt64 = 0xE

    init(_ keys: KeyTable) {
        assert(KnownKey.allCases.count <= 16, "four bits per known key, sixteen keys at most")
        var nibbles: UInt64 = 0
        for key in KnownKey.allCases {
            let value = keys.find(key.bytes).map { UInt64($0) < Self.large ? UInt64($0) : Self.large } ?? Self.absent
            nibbles |= value << UInt64(4 * key.rawValue)
        }
        self.nibbles = nibbles
    }

    /// The atom of `key` in the arena whose key table is `keys`; `nil` when no mapping of it has the key.
    @inline(__always)
    func atom(of key: KnownKey, in keys: KeyTable) -> Int32? {
        switch (nibbles >> UInt64(4 * key.rawValue)) & 0xF {
        case Self.absent: return nil
        case Self.large: return keys.find(key.bytes)
        case let atom: return Int32(atom)
        }
    }
}

extension KnownKey {
    /// The key's UTF-8 bytes.
    var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount) }
}
