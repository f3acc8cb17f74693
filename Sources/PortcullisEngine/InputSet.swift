import PortcullisManifest

/// Every resource of a run, by kind: what cross-document rules (`resources("PodDisruptionBudget")`,
/// `workloads()`) look across. The scope is one `check` run (all its files) or one policy example.
public struct InputSet: Sendable {
    private let byKind: [String: [PortcullisManifest.Node]]

    /// An empty set: cross-document functions then find nothing.
    public static let empty = InputSet(documents: [])

    /// The documents of `files`.
    public init(files: [ManifestFile]) {
        self.init(documents: files.flatMap(\.resources))
    }

    public init(documents: [Document]) {
        var byKind: [String: [PortcullisManifest.Node]] = [:]
        for document in documents {
            guard let kind = document.kind else { continue }
            byKind[kind, default: []].append(document.root)
        }
        self.byKind = byKind
    }

    /// The resources of these kinds, in input order within each kind.
    func resources(ofKinds kinds: [String]) -> Value {
        .list(kinds.flatMap { byKind[$0] ?? [] }.map(Value.node))
    }

    /// Every workload (a kind with a pod template).
    var workloads: Value {
        resources(ofKinds: WorkloadKinds.all.sorted())
    }
}
