@testable import PortcullisManifest
import Testing

/// A key table compacted once complete (`KeyTable.compacted`: an arena copied for the
/// cross-document rules) finds every key it holds and none it does not, by a scan when small and
/// through its hash slots when not, and still takes new keys.
@Suite struct KeyTableTests {
    static func table(_ count: Int) -> KeyTable {
        var table = KeyTable(capacity: 4)
        for number in 0..<count { _ = table.intern("key-\(number)") }
        return table
    }

    @Test(arguments: [0, 1, KeyTable.scanLimit, KeyTable.scanLimit + 1, 200])
    func aCompactedTableFindsWhatItHolds(_ count: Int) {
        let full = Self.table(count)
        let compacted = full.compacted()
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

    @Test(arguments: [0, 3, KeyTable.scanLimit, 40])
    func aCompactedTableTakesNewKeys(_ count: Int) {
        var table = Self.table(count).compacted()
        #expect(table.intern("key-0") == (count > 0 ? 0 : Int32(count)))
        let added = count > 0 ? count : 1
        for number in added..<(added + 30) { #expect(table.intern("key-\(number)") == Int32(number)) }
        for number in 0..<(added + 30) { #expect(table.find("key-\(number)") == Int32(number)) }
        #expect(table.find("absent") == nil)
    }
}
