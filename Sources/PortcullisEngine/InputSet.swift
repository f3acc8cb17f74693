import PortcullisManifest
import PortcullisSchema
import Synchronization

/// Every resource of a run, by kind and namespace: what cross-document rules
/// (`resources("PodDisruptionBudget", metadata.namespace)`, `workloads()`) look across, and the
/// scopes its CustomResourceDefinitions declare (for the `namespaced`/`cluster-scoped` matchers). The
/// scope is one `check` run (all its files) or one policy example. Lists are built once, so a lookup
/// from each of thousands of documents costs a dictionary access, and a namespace narrows it to the
/// resources that can matter. They hold each resource as its place (`ResourcePlace`: its arena's
/// number and its root's index, 8 bytes), and a lookup hands them out as they are
/// (`Value.resources`), each element made when it is read. Documents that are not resources (`Document.isResource`) are left out.
/// A class: an evaluator hands its set to every built-in it calls, and a value of a dozen lists
/// and tables was copied for each call, a counted reference apiece.
package final class InputSet: Sendable {
    /// The arenas the lists' resources are held in (`ResourcePlace` numbers them).
    private let table: ResourceTable
    private let byKindAndNamespace: [String: [String: [ResourcePlace]]]
    /// For each list of `byKindAndNamespace`, its resources' places in the run (in input order), so
    /// that a kind's resources of every namespace are put back in input order when asked
    /// (`allOfKind`): few rules look a kind up in every namespace, and a list of every kind kept
    /// from the start held each resource twice.
    private let sequenceByKindAndNamespace: [String: [String: [Int32]]]
    /// The lists of `allOfKind`, made on first use.
    private let byKind = KindLists()
    private let allWorkloads: [ResourcePlace]
    private let workloadsByNamespace: [String: [ResourcePlace]]
    private let allCustomResources: [ResourcePlace]
    private let customResourcesByNamespace: [String: [ResourcePlace]]
    /// `spec.scope` of the run's CustomResourceDefinitions, by `Kind.group` (`Widget.example.com`).
    private let declaredScopes: [String: ResourceScope]
    /// Label-selection indexes over these lists, built on first use (`SelectionIndex`).
    private let selectionIndexes = SelectionIndexes()
    /// The schemas the run's CustomResourceDefinitions declare, for the `schema` pack.
    private let customSchemas: CustomResourceSchemas

    /// An empty set: cross-document functions then find nothing.
    package static let empty = InputSet(documents: [Document]())

    /// The documents of `files`.
    package convenience init(files: [ManifestFile]) {
        self.init(documents: files.lazy.flatMap(\.resources))
    }

    /// The documents of `documents`, read twice (to size the lists, then to fill them): a run's are
    /// given as a lazy sequence over its files, so they are never gathered into one more array.
    package convenience init<Documents: Sequence<Document>>(documents: Documents) {
        self.init(documents: documents, listingKinds: nil)
    }

    /// The documents of `documents`, with only the kinds `listingKinds` names listed for
    /// `resources(…)` (`RuleGraph.resourceLookupKinds`; `nil`: every kind): a run keeps documents
    /// that rules are evaluated on as well as those they look up, and only the latter are looked up
    /// by kind.
    /// When the documents' arenas are held in `region`, indexes built over many of them let its
    /// pages go as they read (`ResourceList.forEachLettingPagesGo`).
    package init<Documents: Sequence<Document>>(documents: Documents, listingKinds: Set<String>?, pagesIn region: SpillRegion? = nil) {
        // The run holds the lists to its end: each is made at its size (grown one resource at a
        // time, a list holds up to twice what it needs, and shrinking it afterwards holds both).
        var routes = InputSetRoutes(listingKinds: listingKinds)
        var declaredScopes: [String: ResourceScope] = [:]
        var definitions: [Document] = []
        // Each arena numbered once, as it is first met (a file's documents share one).
        var arenas = Numbering<ObjectIdentifier, ManifestStorage>()
        var lastArena: (identifier: ObjectIdentifier, number: Int32)?
        for filling in [false, true] {
            var sequence: Int32 = 0
            for document in documents {
                let route = routes.route(of: document)
                if filling, route.isDefinition {
                    definitions.append(document)
                    if route.isResource, let declaration = ResourceScopes.declaration(document) {
                        declaredScopes[declaration.kind + "." + declaration.group] = declaration.scope
                    }
                }
                guard route.isResource else { continue }
                // Counting needs no place; filling numbers the arena.
                var storage: Int32 = 0
                if filling {
                    let identifier = ObjectIdentifier(document.root.storage)
                    if let lastArena, lastArena.identifier == identifier {
                        storage = lastArena.number
                    } else {
                        storage = arenas.number(of: identifier, document.root.storage)
                        lastArena = (identifier, storage)
                    }
                }
                routes.add(ResourcePlace(storage: storage, root: document.root.index), along: route, filling: filling, sequence: sequence)
                if filling, route.kindList >= 0 { sequence += 1 }
            }
        }
        table = ResourceTable(storages: arenas.elements, region: region)
        var byKindAndNamespace: [String: [String: [ResourcePlace]]] = [:]
        var sequenceByKindAndNamespace: [String: [String: [Int32]]] = [:]
        let kindLists = routes.kindLists
        for (number, key) in kindLists.keys.enumerated() {
            byKindAndNamespace[key.kind, default: [:]][key.namespace] = kindLists.lists[number]
            sequenceByKindAndNamespace[key.kind, default: [:]][key.namespace] = kindLists.sequences[number]
        }
        self.byKindAndNamespace = byKindAndNamespace
        self.sequenceByKindAndNamespace = sequenceByKindAndNamespace
        allWorkloads = routes.allWorkloads.lists.first ?? []
        workloadsByNamespace = routes.workloadLists.byKey
        allCustomResources = routes.allCustom.lists.first ?? []
        customResourcesByNamespace = routes.customLists.byKey
        self.declaredScopes = declaredScopes
        customSchemas = CustomResourceSchemas(documents: definitions)
    }

    /// The scope a CustomResourceDefinition of the set declares for `kind` of API `group`.
    func declaredScope(kind: String, group: String) -> ResourceScope? {
        declaredScopes.isEmpty ? nil : declaredScopes[kind + "." + group]
    }

    /// The schema a CustomResourceDefinition of the set declares for `kind` at `apiVersion`.
    func customResourceSchema(kind: String, apiVersion: String, using schema: KubernetesSchema) -> SchemaType? {
        customSchemas.isEmpty ? nil : customSchemas.type(kind: kind, apiVersion: apiVersion, using: schema)
    }

    /// The resources of these kinds (in input order within each kind), in one namespace when given
    /// (`""` for resources without one).
    func resources(ofKinds kinds: [String], namespace: String?) -> Value {
        .resources(resourceList(ofKinds: kinds, namespace: namespace))
    }

    private func resourceList(ofKinds kinds: [String], namespace: String?) -> ResourceList {
        if kinds.count == 1 {
            guard let namespace else { return list(allOfKind(kinds[0])) }
            return list(byKindAndNamespace[kinds[0]]?[namespace] ?? [])
        }
        return list(kinds.flatMap { kind in namespace.map { byKindAndNamespace[kind]?[$0] ?? [] } ?? allOfKind(kind) })
    }

    private func list(_ places: [ResourcePlace]) -> ResourceList {
        ResourceList(table: table, places: places)
    }

    /// The resources of `kind` in every namespace, in input order: the namespaces' lists merged by
    /// their places in the run, once per kind.
    private func allOfKind(_ kind: String) -> [ResourcePlace] {
        guard let namespaces = byKindAndNamespace[kind] else { return [] }
        if namespaces.count == 1 { return namespaces.first!.value }
        return byKind.list(of: kind) {
            let sequences = sequenceByKindAndNamespace[kind] ?? [:]
            var placed: [(sequence: Int32, value: ResourcePlace)] = []
            placed.reserveCapacity(namespaces.values.reduce(0) { $0 + $1.count })
            for (namespace, values) in namespaces {
                for (sequence, value) in zip(sequences[namespace] ?? [], values) { placed.append((sequence, value)) }
            }
            placed.sort { $0.sequence < $1.sequence }
            return placed.map(\.value)
        }
    }

    /// Every workload (a kind with a pod template), or those of one namespace.
    func workloads(namespace: String?) -> Value {
        .resources(workloadList(namespace: namespace))
    }

    private func workloadList(namespace: String?) -> ResourceList {
        guard let namespace else { return list(allWorkloads) }
        return list(workloadsByNamespace[namespace] ?? [])
    }

    /// The workloads of `workloads(namespace)` indexed by their pods' labels (built once per run).
    func podIndex(namespace: String?) -> SelectionIndex {
        selectionIndexes.index(.pods(namespace: namespace)) { SelectionIndex.pods(workloadList(namespace: namespace)) }
    }

    /// The resources of `resources(kinds, namespace)` indexed by their selector at `path` (built once per run).
    func selectorIndex(kinds: [String], namespace: String?, path: [String], orDefault: Bool = false) -> SelectionIndex {
        selectionIndexes.index(.selectors(kinds: kinds, namespace: namespace, path: path, orDefault: orDefault)) {
            SelectionIndex.selectors(resourceList(ofKinds: kinds, namespace: namespace), path: path, orDefault: orDefault)
        }
    }

    /// The resources of `resources(kinds, namespace)` indexed by the values of their fields at `paths`
    /// (built once per run).
    func equalityIndex(kinds: [String], namespace: String?, paths: [[String]]) -> EqualityIndex {
        selectionIndexes.equalityIndex(.init(kinds: kinds, namespace: namespace, paths: paths)) {
            EqualityIndex(resourceList(ofKinds: kinds, namespace: namespace), paths: paths)
        }
    }

    /// Resources of API groups outside Kubernetes' own (operators' custom resources), all or of one namespace.
    func customResources(namespace: String?) -> Value {
        guard let namespace else { return .resources(list(allCustomResources)) }
        return .resources(list(customResourcesByNamespace[namespace] ?? []))
    }

    /// Whether an apiVersion names a group outside Kubernetes' built-in ones (`v1`, `apps/v1`,
    /// `*.k8s.io/…` are Kubernetes').
    static func isCustom(apiVersion: String) -> Bool {
        // Read as bytes where they are: `hasSuffix` on a `Substring` compares `Character`s, from the end.
        ResourceScopes.withDottedGroup(of: apiVersion) { group in
            let kubernetes = "k8s.io".utf8  // what the API groups of Kubernetes' own resources end with
            return !group.suffix(kubernetes.count).elementsEqual(kubernetes)
        }
    }
}

/// A kind's resources of every namespace (`InputSet.allOfKind`), each list made once, on first use.
private final class KindLists: Sendable {
    private let lists = Mutex<[String: [ResourcePlace]]>([:])

    func list(of kind: String, making make: () -> [ResourcePlace]) -> [ResourcePlace] {
        lists.withLock { lists in
            if let list = lists[kind] { return list }
            let list = make()
            lists[kind] = list
            return list
        }
    }
}
