import Foundation
import Testing
import PortcullisDiagnostics
@testable import PortcullisManifest

/// `SpillRegion`: copies kept for the cross-document pass placed in a temporary file mapped into
/// memory read exactly as copies on the heap; when the file cannot be made or is full, copies
/// stay on the heap.
@Suite(.enabled(if: Platform.mapsSpillFiles, "spill files are mapped on Linux only"))
struct SpillRegionTests {
    static let file = ManifestLoader().load(SourceFile(path: "web.yaml", bytes: Array(CopyingTests.text.utf8)))

    /// A copy of both documents of `CopyingTests.text`, kept whole, in `region` when it takes it.
    static func copy(spillingTo region: SpillRegion?) throws -> ManifestStorage {
        try copyWithRoots(spillingTo: region).storage
    }

    static func copyWithRoots(spillingTo region: SpillRegion?) throws -> (storage: ManifestStorage, roots: [Int32]) {
        let storage = try #require(file.storage)
        let roots = file.resources.map(\.root.index)
        return storage.copying(roots, keeping: roots.map { _ in FieldTree(whole: true) }, spillingTo: region)
    }

    /// The arena's nodes, children and text, byte for byte.
    static func bytes(_ storage: ManifestStorage) -> [[UInt8]] {
        [storage.nodes.withUnsafeBytes { Array($0) }, storage.children.withUnsafeBytes { Array($0) },
         storage.text.withUnsafeBytes { Array($0) }]
    }

    /// Whether the arena's nodes are held inside the region's mapping (not on the heap).
    static func isPlaced(_ storage: ManifestStorage, in region: SpillRegion) -> Bool {
        region.contains(UnsafeRawPointer(storage.nodes.base))
    }

    @Test func aCopyInTheRegionReadsAsOnTheHeap() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let region = SpillRegion(directory: folder.path, threshold: 0)
        let onHeap = try Self.copy(spillingTo: nil)
        let (spilled, roots) = try Self.copyWithRoots(spillingTo: region)
        #expect(region.isMapped)
        #expect(region.placedBytes >= Self.bytes(onHeap).map(\.count).reduce(0, +))
        #expect(Self.isPlaced(spilled, in: region))
        #expect(!Self.isPlaced(onHeap, in: region))
        #expect(Self.bytes(spilled) == Self.bytes(onHeap))
        // Pages let go come back intact, with what they hold.
        region.releaseResidentPages()
        #expect(Self.bytes(spilled) == Self.bytes(onHeap))
        let web = Node(storage: spilled, index: roots[0])
        #expect(web["spec"]?["template"]?["spec"]?["containers"]?[1]?["image"]?.string == "busybox")
        #expect(web["spec"]?["replicas"]?.span.start.description == "8:13")
        // The file has no name: nothing is left in the folder.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    /// Below its threshold a region makes no file; in a folder the file cannot be made in, it
    /// makes none either: copies stay on the heap, the same.
    @Test(arguments: [(subfolder: "", threshold: 1 << 20), (subfolder: "/missing", threshold: 0)])
    func copiesStayOnTheHeapWhenNoFileIsMade(subfolder: String, threshold: Int) throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let region = SpillRegion(directory: folder.path + subfolder, threshold: threshold)
        let spilled = try Self.copy(spillingTo: region)
        #expect(!region.isMapped && region.placedBytes == 0)
        #expect(Self.bytes(spilled) == Self.bytes(try Self.copy(spillingTo: nil)))
    }

    @Test func aFullRegionLeavesLaterCopiesOnTheHeap() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let region = SpillRegion(directory: folder.path, threshold: 0, capacity: 8 << 10)
        let onHeap = Self.bytes(try Self.copy(spillingTo: nil))
        let copies = try (0..<20).map { _ in try Self.copy(spillingTo: region) }
        #expect(region.isMapped)
        #expect(region.placedBytes > 0 && region.placedBytes <= 8 << 10)
        let placed = copies.filter { Self.isPlaced($0, in: region) }
        #expect(!placed.isEmpty && placed.count < copies.count)
        for copy in copies { #expect(Self.bytes(copy) == onHeap) }
    }
}
