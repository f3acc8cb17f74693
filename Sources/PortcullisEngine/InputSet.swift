import PortcullisManifest

/// Every resource of a run, by kind: what cross-document rules (`resources("PodDisruptionBudget")`,
/// `workloads()`) look across. The scope is one `check` run (all its files) or one policy example.
public struct InputSet: Sendable {
    private let byKind: [String: [PortcullisManifest.Node]]
    /// Resources of API groups outside Kubernetes' own (operators' custom resources).
    let customResources: Value

    /// An empty set: cross-document functions then find nothing.
    public static let empty = InputSet(documents: [])

    /// The documents of `files`.
    public init(files: [ManifestFile]) {
        self.init(documents: files.flatMap(\.resources))
    }

    public init(documents: [Document]) {
        var byKind: [String: [PortcullisManifest.Node]] = [:]
        var custom: [Value] = []
        for document in documents {
            guard let kind = document.kind else { continue }
            byKind[kind, default: []].append(document.root)
            if let apiVersion = document.apiVersion, Self.isCustom(apiVersion: apiVersion) { custom.append(.node(document.root)) }
        }
        self.byKind = byKind
        customResources = .list(custom)
    }

    /// The resources of these kinds, in input order within each kind.
    func resources(ofKinds kinds: [String]) -> Value {
        .list(kinds.flatMap { byKind[$0] ?? [] }.map(Value.node))
    }

    /// Whether an apiVersion names a group outside Kubernetes' built-in ones (`v1`, `apps/v1`,
    /// `*.k8s.io/…` are Kubernetes').
    static func isCustom(apiVersion: String) -> Bool {
        guard let slash = apiVersion.firstIndex(of: "/") else { return false }
        let group = apiVersion[..<slash]
        return group.contains(".") && !group.hasSuffix("k8s.io")
    }

    /// Every workload (a kind with a pod template).
    var workloads: Value {
        resources(ofKinds: WorkloadKinds.all.sorted())
    }
}
