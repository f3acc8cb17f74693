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

    init(storages: [ManifestStorage]) {
        self.storages = storages
    }

    /// The root node at `place`.
    @inline(__always)
    func node(_ place: ResourcePlace) -> Node {
        Node(storage: storages[Int(place.storage)], index: place.root)
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
}
