import PortcullisManifest

/// Where a resource of a run is held: the number of its arena in the run's `ResourceTable` and
/// its root node there. Eight bytes, where a `Value` holding the root takes forty: the run's
/// lookup lists hold every resource they name this way.
struct ResourcePlace: Sendable, Hashable {
    let storage: Int32
    let root: Int32
}

/// The arenas a run's resources are held in, numbered in the order they were met.
final class ResourceTable: Sendable {
    private let storages: [ManifestStorage]
    /// Where the run's copies are held when they are spilled (`SpillRegion`): reading many of them
    /// at once lets its pages go now and then (`ResourceList.forEachLettingPagesGo`).
    let region: SpillRegion?
    /// How many resources a whole-list read reads between two let-gos of their pages.
    static let resourcesPerRelease = 64

    init(storages: [ManifestStorage], region: SpillRegion? = nil) {
        self.storages = storages
        self.region = region
    }

    /// The root node at `place`.
    @inline(__always)
    func node(_ place: ResourcePlace) -> Node {
        Node(storage: storages[Int(place.storage)], index: place.root)
    }

    /// Lets go the spilled pages of these arenas (`ManifestStorage.placedSpan`), neighbours together.
    func releasePages(ofStorages numbers: [Int32]) {
        guard let region else { return }
        region.releasePages(spanning: numbers.compactMap { storages[Int($0)].placedSpan })
    }
}

/// Resources of a run, in input order, as `resources(…)`, `workloads(…)` and `customResources(…)`
/// give them (`Value.resources`): each element is its root node, made when it is read.
package struct ResourceList: RandomAccessCollection, Sendable {
    let table: ResourceTable
    let places: [ResourcePlace]

    init(table: ResourceTable, places: [ResourcePlace]) {
        self.table = table
        self.places = places
    }

    package var startIndex: Int { 0 }
    package var endIndex: Int { places.count }

    /// The resource at `position`: its root node.
    package subscript(position: Int) -> Value {
        .node(table.node(places[position]))
    }

    /// `body` on each resource with its position, in order: what building an index over the whole
    /// list does. Reading every copy of a long list brings the spill region's pages for all of them
    /// back into memory, so the pages of the copies read are let go every
    /// `ResourceTable.resourcesPerRelease` resources and at the end: the pages around them
    /// (`SpillRegion.releasePages(spanning:)`), not the whole region's, which held those of the
    /// document being evaluated and of the other workers' files.
    func forEachLettingPagesGo(_ body: (Int, Value) -> Void) {
        guard table.region != nil else {
            for position in indices { body(position, self[position]) }
            return
        }
        var read: [Int32] = []  // the arenas read since the last let-go, each once in a row
        for position in indices {
            if position > 0, position % ResourceTable.resourcesPerRelease == 0 {
                table.releasePages(ofStorages: read)
                read.removeAll(keepingCapacity: true)
            }
            let storage = places[position].storage
            if read.last != storage { read.append(storage) }
            body(position, self[position])
        }
        table.releasePages(ofStorages: read)
    }
}
