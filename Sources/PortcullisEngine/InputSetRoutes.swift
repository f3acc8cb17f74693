import PortcullisManifest

/// Where `InputSet` lists each resource, worked out once per identity object rather than once per
/// resource, and the lists numbered, so listing a resource is a few appends to arrays, not a dozen
/// dictionary lookups hashing its kind and namespace. The copies a large run keeps for its second
/// pass share one identity object per distinct `apiVersion`, kind and namespace
/// (`DocumentIdentities`): thousands of resources, a few hundred routes (the set is built between
/// the passes, on one core). Documents loaded as they are (a run of a few files, `InputSet(files:)`)
/// have an identity each: a route each, about what listing them cost before.
struct InputSetRoutes {
    /// The lists one identity's resources go to (-1: none).
    struct Route {
        /// The identity, held so that its address names no other while the routes are in use.
        let identity: DocumentIdentity
        let isResource: Bool
        let isDefinition: Bool
        /// Its (kind, namespace) list, when `listingKinds` names the kind.
        let kindList: Int32
        /// Its namespace's workload list, when the kind has a pod template.
        let workloadList: Int32
        /// Its namespace's list of custom resources, when its API group is not Kubernetes'.
        let customList: Int32
    }

    private let listingKinds: Set<String>?
    private var routes: [ObjectIdentifier: Route] = [:]
    private var last: Route?
    private(set) var kindLists = NumberedLists<KindAndNamespace>(sequenced: true)
    private(set) var workloadLists = NumberedLists<String>()
    private(set) var customLists = NumberedLists<String>()
    /// Every workload and every custom resource, in input order.
    private(set) var allWorkloads = NumberedLists<String>()
    private(set) var allCustom = NumberedLists<String>()

    struct KindAndNamespace: Hashable {
        let kind: String
        let namespace: String
    }

    init(listingKinds: Set<String>?) {
        self.listingKinds = listingKinds
        // Each holds one list, number 0.
        _ = allWorkloads.number(of: "")
        _ = allCustom.number(of: "")
    }

    /// The route of `document`'s identity.
    mutating func route(of document: Document) -> Route {
        let identity = document.identity
        if let last, last.identity === identity { return last }
        let key = ObjectIdentifier(identity)
        if let known = routes[key] {
            last = known
            return known
        }
        let route = makeRoute(document)
        routes[key] = route
        last = route
        return route
    }

    private mutating func makeRoute(_ document: Document) -> Route {
        let kind = document.kind
        guard document.isResource, let kind else {
            return Route(identity: document.identity, isResource: false, isDefinition: kind == ResourceScopes.definitionKind,
                         kindList: -1, workloadList: -1, customList: -1)
        }
        let namespace = document.namespace ?? ""
        let listed = listingKinds?.contains(kind) ?? true
        let isCustom = document.apiVersion.map(InputSet.isCustom(apiVersion:)) ?? false
        return Route(identity: document.identity, isResource: true, isDefinition: kind == ResourceScopes.definitionKind,
                     kindList: listed ? kindLists.number(of: KindAndNamespace(kind: kind, namespace: namespace)) : -1,
                     workloadList: WorkloadKinds.podSpecPaths[kind] != nil ? workloadLists.number(of: namespace) : -1,
                     customList: isCustom ? customLists.number(of: namespace) : -1)
    }

    /// Counts (`filling` false) or lists `place` in the lists of `route`; `sequence` is its place
    /// among the resources of listed kinds.
    mutating func add(_ place: ResourcePlace, along route: Route, filling: Bool, sequence: Int32) {
        if route.kindList >= 0 { kindLists.add(place, to: route.kindList, filling: filling, sequence: sequence) }
        if route.workloadList >= 0 {
            workloadLists.add(place, to: route.workloadList, filling: filling)
            allWorkloads.add(place, to: 0, filling: filling)
        }
        if route.customList >= 0 {
            customLists.add(place, to: route.customList, filling: filling)
            allCustom.add(place, to: 0, filling: filling)
        }
    }
}

/// Lists of resources' places numbered by key, each made at its size: every resource is added
/// twice, first counted (`filling` false), then appended; when `sequenced`, with its place in the
/// run beside it.
struct NumberedLists<Key: Hashable> {
    private var numbers: [Key: Int32] = [:]
    private(set) var keys: [Key] = []
    private var counts: [Int] = []
    private(set) var lists: [[ResourcePlace]] = []
    private(set) var sequences: [[Int32]] = []
    private let sequenced: Bool

    init(sequenced: Bool = false) {
        self.sequenced = sequenced
    }

    /// The number of `key`'s list (a new, empty one the first time).
    mutating func number(of key: Key) -> Int32 {
        if let number = numbers[key] { return number }
        let number = Int32(keys.count)
        numbers[key] = number
        keys.append(key)
        counts.append(0)
        lists.append([])
        sequences.append([])
        return number
    }

    mutating func add(_ place: ResourcePlace, to number: Int32, filling: Bool, sequence: Int32 = 0) {
        let index = Int(number)
        guard filling else {
            counts[index] += 1
            return
        }
        if lists[index].capacity == 0 {
            lists[index].reserveCapacity(counts[index])
            if sequenced { sequences[index].reserveCapacity(counts[index]) }
        }
        lists[index].append(place)
        if sequenced { sequences[index].append(sequence) }
    }

    /// The lists by key.
    var byKey: [Key: [ResourcePlace]] {
        Dictionary(uniqueKeysWithValues: zip(keys, lists))
    }
}
