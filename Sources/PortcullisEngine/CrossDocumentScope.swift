import PortcullisManifest

/// The documents a run must keep until every file is read: those cross-document rules are
/// evaluated on (their subjects) and those they look up (`resources(…)`, `workloads()`, custom
/// resources, CustomResourceDefinitions for scopes and schemas). A file holding none of them is
/// evaluated as soon as it is loaded and let go: no cross-document rule can match its documents,
/// and nothing in it can change another document's verdict.
package struct CrossDocumentScope: Sendable {
    /// Kinds kept; `nil`: every resource (a rule matching any kind, or a lookup of computed kinds).
    let kinds: Set<String>?
    /// `kinds` for `contains`, asked of every document.
    private let kindTable: FixedStringMap<Void>?
    /// Whether custom resources (API groups outside Kubernetes' own) are kept whatever their kind.
    let customResources: Bool
    /// Whether resources of a group a CustomResourceDefinition may declare are kept whatever their
    /// kind: a rule reads scopes or schemas the run's definitions declare for them.
    let declarableResources: Bool

    /// The scope of `graph`'s cross-document rules; empty when it has none.
    package init(_ graph: RuleGraph) {
        guard graph.isCrossDocument else {
            kinds = []
            kindTable = FixedStringMap<Void>([String]())
            customResources = false
            declarableResources = false
            return
        }
        var kinds: Set<String>? = graph.crossDocumentKinds
        var declarableResources = false
        for (index, rule) in graph.rules.enumerated() where graph.crossDocumentRules[index] {
            // A rule that reads only what definitions declare for a resource's own kind gives the
            // same verdict alone as in the run unless the resource's group is one they may declare.
            guard graph.lookupRules[index] else { declarableResources = true; continue }
            guard let subjects = rule.kinds else { kinds = nil; break }
            kinds?.formUnion(subjects)
        }
        self.declarableResources = declarableResources
        if graph.readsResourceScopes { kinds?.insert(ResourceScopes.definitionKind) }
        self.kinds = kinds
        kindTable = kinds.map { FixedStringMap<Void>($0) }
        customResources = graph.readsCustomResources
    }

    /// Whether no document needs keeping.
    package var isEmpty: Bool { kinds?.isEmpty == true && !customResources && !declarableResources }

    /// Whether `document` must stay loaded until the run has read every file.
    package func contains(_ document: Document) -> Bool {
        guard document.isResource, let kind = document.kind else { return false }
        guard let kindTable else { return true }
        if kindTable.contains(kind) { return true }
        return (customResources && document.apiVersion.map(InputSet.isCustom(apiVersion:)) == true)
            || (declarableResources && ResourceScopes.isDeclarable(document))
    }

    /// Whether some document of `file` must stay loaded.
    package func needs(_ file: ManifestFile) -> Bool {
        !isEmpty && file.resources.contains(where: contains)
    }
}
