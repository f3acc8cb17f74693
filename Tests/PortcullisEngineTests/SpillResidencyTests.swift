import Foundation
import PortcullisDiagnostics
@testable import PortcullisEngine
@testable import PortcullisManifest
import Testing

/// What a run keeps in a spill region stays out of its resident memory: written bytes are let go
/// every `residentLimit` bytes, and an index built over a long list of spilled copies lets their
/// pages go as it reads them. Residency is read from `/proc/self/smaps` (the region's mapping).
@Suite(.enabled(if: Platform.mapsSpillFiles, "spill files are mapped on Linux only"))
struct SpillResidencyTests {
    /// A Deployment of about two kilobytes, with pod labels an index reads.
    static let deployment: ManifestFile = {
        let env = (0..<40).map { "            - {name: VARIABLE_\($0), value: \"value number \($0)\"}" }.joined(separator: "\n")
        let text = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web, namespace: shop}
            spec:
              template:
                metadata: {labels: {app: web, tier: front}}
                spec:
                  containers:
                  - name: web
                    image: nginx:1.25
                    env:
            \(env)

            """
        return ManifestLoader().load(SourceFile(path: "web.yaml", bytes: Array(text.utf8)))
    }()

    /// The resident bytes of the mapping that holds `pointer`, from `/proc/self/smaps`.
    static func residentBytes(ofMappingAt pointer: UnsafeRawPointer) throws -> Int {
        let address = UInt(bitPattern: pointer)
        var inMapping = false
        // Read to its end: a /proc file has no size for a reader to go by.
        guard let smaps = FileHandle(forReadingAtPath: "/proc/self/smaps")?.readDataToEndOfFile() else { throw SpillResidencyError.mappingNotFound }
        for line in String(decoding: smaps, as: UTF8.self).split(separator: "\n") {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            if let range = fields.first, range.contains("-"), !range.hasSuffix(":") {
                let bounds = range.split(separator: "-").compactMap { UInt($0, radix: 16) }
                inMapping = bounds.count == 2 && address >= bounds[0] && address < bounds[1]
            } else if inMapping, fields.first == "Rss:", fields.count >= 2, let kilobytes = Int(fields[1]) {
                return kilobytes * 1024
            }
        }
        throw SpillResidencyError.mappingNotFound
    }

    enum SpillResidencyError: Error { case mappingNotFound }

    static func folder() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("portcullis-residency-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test func bytesPlacedAreLetGoEveryResidentLimit() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let limit = 64 << 10
        let region = SpillRegion(directory: folder, threshold: 0, residentLimit: limit)
        let chunk = [UInt8](repeating: 0xA5, count: 16 << 10)
        var first: UnsafeMutableRawPointer?
        for _ in 0..<256 {
            let placed = try #require(chunk.withUnsafeBytes { region.place($0) })
            if first == nil { first = placed }
        }
        #expect(region.placedBytes == 256 * chunk.count)
        // 4 MiB written; what is resident is what was placed since the last let-go, and the pages at its ends.
        let resident = try Self.residentBytes(ofMappingAt: try #require(first))
        #expect(resident <= limit + chunk.count + 2 * Platform.pageSize, "resident \(resident) bytes")
        // The bytes are all there.
        #expect(UnsafeRawBufferPointer(start: first, count: chunk.count).allSatisfy { $0 == 0xA5 })
    }

    /// Placing writes to the file, not through the mapping: the pages written are not the
    /// process's until something reads them (then they come back, contents intact).
    @Test func placingBringsNoPageIn() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // No let-go while placing: what is resident is what placing itself brought in.
        let region = SpillRegion(directory: folder, threshold: 0, residentLimit: .max)
        let chunk = (0..<(16 << 10)).map { UInt8(truncatingIfNeeded: $0 &* 7) }
        var placed: [UnsafeMutableRawPointer] = []
        for _ in 0..<128 { placed.append(try #require(chunk.withUnsafeBytes { region.place($0) })) }
        let first = UnsafeRawPointer(placed[0])
        let afterPlacing = try Self.residentBytes(ofMappingAt: first)
        #expect(afterPlacing <= 4 * Platform.pageSize, "resident \(afterPlacing) bytes after placing 2 MiB")
        // Read back through the mapping: every byte as placed, and now resident.
        #expect(placed.allSatisfy { UnsafeRawBufferPointer(start: $0, count: chunk.count).elementsEqual(chunk) })
        #expect(try Self.residentBytes(ofMappingAt: first) >= 128 * chunk.count)
    }

    /// A region that holds no more than its `keptBytes` writes through its mapping and keeps its
    /// pages (a let-go would interrupt every core for little memory); once it holds more, it
    /// writes to the file and a let-go lets every page go.
    @Test func aSmallRegionKeepsItsPagesUntilItHoldsMoreThanItKeeps() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let chunk = (0..<(16 << 10)).map { UInt8(truncatingIfNeeded: $0 &* 13) }
        let region = SpillRegion(directory: folder, threshold: 0, residentLimit: 64 << 10, keptBytes: 1 << 20)
        var placed: [UnsafeMutableRawPointer] = []
        for _ in 0..<64 { placed.append(try #require(chunk.withUnsafeBytes { region.place($0) })) }
        #expect(region.placedBytes == 1 << 20)
        let first = UnsafeRawPointer(placed[0])
        // Within what it keeps, placing copies through the mapping: the pages are in at once.
        #expect(try Self.residentBytes(ofMappingAt: first) >= 64 * chunk.count)
        // Read back, then let go: at 1 MiB held, nothing leaves.
        #expect(placed.allSatisfy { UnsafeRawBufferPointer(start: $0, count: chunk.count).elementsEqual(chunk) })
        region.releaseResidentPages()
        #expect(try Self.residentBytes(ofMappingAt: first) >= 64 * chunk.count)
        // One more chunk and the region holds more than it keeps: that one is written to the file,
        // and the pages written through the mapping go at once.
        placed.append(try #require(chunk.withUnsafeBytes { region.place($0) }))
        let resident = try Self.residentBytes(ofMappingAt: first)
        #expect(resident <= 2 * Platform.pageSize, "resident \(resident) bytes")
        // Read back, then let go: now every page leaves.
        #expect(placed.allSatisfy { UnsafeRawBufferPointer(start: $0, count: chunk.count).elementsEqual(chunk) })
        #expect(try Self.residentBytes(ofMappingAt: first) >= 64 * chunk.count)
        region.releaseResidentPages()
        // A read maps its neighbours in the file too (up to 16 pages at once), past the last byte
        // placed where the file has room: those are not the region's to let go.
        let afterLetGo = try Self.residentBytes(ofMappingAt: first)
        #expect(afterLetGo <= 16 * Platform.pageSize, "resident \(afterLetGo) bytes")
    }

    @Test func anIndexOverSpilledCopiesLetsTheirPagesGo() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let region = SpillRegion(directory: folder, threshold: 0)
        let copies = try Self.copies(3_000, of: Self.deployment, in: region)
        let start = try #require(copies.first).storage.nodes.base
        #expect(copies.allSatisfy { region.contains(UnsafeRawPointer($0.storage.nodes.base)) })
        let table = ResourceTable(storages: copies.map(\.storage), region: region)
        let list = ResourceList(table: table, places: copies.indices.map { ResourcePlace(storage: Int32($0), root: copies[$0].roots[0]) })
        let total = region.placedBytes
        #expect(total > 4 << 20)

        region.releaseResidentPages()
        let index = SelectionIndex.pods(list)
        #expect(index.pods(selectedBy: .node(try #require(Self.selector(app: "web")))) == (0..<3_000).map { Int32($0) })
        // Every copy was read; the pages of at most `resourcesPerRelease` of them are still in.
        let perCopy = total / copies.count
        let bound = (ResourceTable.resourcesPerRelease + 1) * (perCopy + Platform.pageSize)
        let resident = try Self.residentBytes(ofMappingAt: UnsafeRawPointer(start))
        #expect(resident <= bound, "resident \(resident) of \(total) bytes")

        // Read the same way without letting go, the copies' pages all come back: the bound above means something.
        region.releaseResidentPages()
        for position in list.indices { _ = LabelSelector.podLabels(list[position]) }
        #expect(try Self.residentBytes(ofMappingAt: UnsafeRawPointer(start)) > bound)
    }

    /// An index build lets go of the pages around the copies it read, not the whole region's: the
    /// pages of copies placed apart from them (the document being evaluated, another file) stay.
    @Test func anIndexLeavesThePagesOfCopiesPlacedApart() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let region = SpillRegion(directory: folder, threshold: 0)
        let indexed = try Self.copies(1_000, of: Self.deployment, in: region)
        // More than `SpillRegion.mergeGap` apart from the indexed copies.
        _ = [UInt8](repeating: 0, count: 2 * Int(SpillRegion.mergeGap)).withUnsafeBytes { region.place($0) }
        let before = region.placedBytes
        let others = try Self.copies(200, of: Self.deployment, in: region)
        let othersBytes = region.placedBytes - before
        let start = UnsafeRawPointer(try #require(indexed.first).storage.nodes.base)
        let table = ResourceTable(storages: indexed.map(\.storage), region: region)
        let list = ResourceList(table: table, places: indexed.indices.map { ResourcePlace(storage: Int32($0), root: indexed[$0].roots[0]) })

        region.releaseResidentPages()
        // Another reader holds the other copies' pages.
        for copy in others { _ = LabelSelector.podLabels(.node(Node(storage: copy.storage, index: copy.roots[0]))) }
        let held = try Self.residentBytes(ofMappingAt: start)
        #expect(held >= othersBytes - 2 * Platform.pageSize, "held \(held) of \(othersBytes) bytes")
        let index = SelectionIndex.pods(list)
        #expect(index.pods(selectedBy: .node(try #require(Self.selector(app: "web"))))?.count == 1_000)
        // The indexed copies' pages are gone (but for what the kernel's fault-around, 64 KiB, mapped
        // past the last of them); the others' are all still in.
        let resident = try Self.residentBytes(ofMappingAt: start)
        #expect(resident >= othersBytes - 2 * Platform.pageSize, "resident \(resident) of \(othersBytes), held before \(held)")
        #expect(resident <= held + (64 << 10), "resident \(resident), held before \(held)")
    }

    /// `count` whole copies of `file`'s first document, each an arena of its own in `region`.
    static func copies(_ count: Int, of file: ManifestFile, in region: SpillRegion) throws -> [(storage: ManifestStorage, roots: [Int32])] {
        let storage = try #require(file.storage)
        let root = try #require(file.resources.first).root.index
        return (0..<count).map { _ in storage.copying([root], keeping: [FieldTree(whole: true)], spillingTo: region) }
    }

    static func selector(app: String) -> Node? {
        KeptFiles.keep(ManifestLoader().load(SourceFile(path: "selector.yaml", bytes: Array("{app: \(app)}\n".utf8)))).resources.first?.root
    }
}
