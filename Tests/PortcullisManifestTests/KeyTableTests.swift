import PortcullisDiagnostics
@testable import PortcullisManifest
import Testing

/// A key table compacted once complete (`KeyTable.compacted`: an arena copied for the
/// cross-document rules) finds every key it holds and none it does not, by a scan when small and
/// through its hash slots when not, and still takes new keys; alike when its arrays went to a
/// spill region.
@Suite struct KeyTableTests {
    static func table(_ count: Int) -> KeyTable {
        var table = KeyTable(capacity: 4)
        for number in 0..<count { _ = table.intern("key-\(number)") }
        return table
    }

    /// A region of a temporary folder of its own, and that folder (to remove).
    static func region() throws -> (SpillRegion, TemporaryDirectory) {
        let folder = try TemporaryDirectory()
        return (SpillRegion(directory: folder.path, threshold: 0), folder)
    }

    @Test(arguments: [0, 1, KeyTable.scanLimit, KeyTable.scanLimit + 1, 200], [false, true])
    func aCompactedTableFindsWhatItHolds(_ count: Int, spilled: Bool) throws {
        guard !spilled || Platform.mapsSpillFiles else { return }
        let (region, folder) = try Self.region()
        defer { folder.remove() }
        let full = Self.table(count)
        let compacted = full.compacted(spillingTo: spilled ? region : nil)
        #expect(compacted.isSpilled == spilled)
        if spilled { region.releaseResidentPages() }
        #expect(compacted.count == count)
        for number in 0..<count {
            #expect(compacted.find("key-\(number)") == full.find("key-\(number)"))
            #expect(compacted.find("key-\(number)") == Int32(number))
            #expect(compacted.string(Int32(number)) == "key-\(number)")
        }
        #expect(compacted.find("key-\(count)") == nil)
        #expect(compacted.find("") == nil)
        #expect(compacted.find("key-") == nil)
    }

    @Test(arguments: [0, 3, KeyTable.scanLimit, 40], [false, true])
    func aCompactedTableTakesNewKeys(_ count: Int, spilled: Bool) throws {
        guard !spilled || Platform.mapsSpillFiles else { return }
        let (region, folder) = try Self.region()
        defer { folder.remove() }
        var table = Self.table(count).compacted(spillingTo: spilled ? region : nil)
        #expect(table.intern("key-0") == (count > 0 ? 0 : Int32(count)))
        let added = count > 0 ? count : 1
        for number in added..<(added + 30) { #expect(table.intern("key-\(number)") == Int32(number)) }
        for number in 0..<(added + 30) { #expect(table.find("key-\(number)") == Int32(number)) }
        #expect(table.find("absent") == nil)
        #expect(!table.isSpilled)
    }
}
