@testable import PortcullisEngine
import Testing

/// A missing field's name is kept as a number (`MissingKey`): the same name gets the same number
/// wherever it is asked for, from any thread, and reads back as itself.
@Suite struct MissingKeyTests {
    @Test func namesReadBackAsThemselves() {
        let names = ["allowPrivilegeEscalation", "labels", "é", "", "a.b", "x-\(UInt64.random(in: 0...UInt64.max))"]
        for name in names {
            #expect(MissingKey(name).name == name)
            #expect(MissingKey(name) == MissingKey(name))
        }
        #expect(MissingKey("readOnlyRootFilesystem") != MissingKey("runAsNonRoot"))
        #expect(MissingKey.labels.name == "labels")
    }

    @Test func concurrentCallersAgreeOnEachNumber() async {
        let names = (0..<200).map { "field-\($0)-\(UInt32.random(in: 0...UInt32.max))" }
        let keys = await withTaskGroup(of: [MissingKey].self) { group in
            for _ in 0..<8 { group.addTask { names.shuffled().sorted { $0 < $1 }.map(MissingKey.init) } }
            return await group.reduce(into: [[MissingKey]]()) { $0.append($1) }
        }
        for other in keys.dropFirst() { #expect(other == keys[0]) }
        #expect(Set(keys[0]).count == names.count)
        #expect(zip(keys[0], names.sorted()).allSatisfy { $0.name == $1 })
    }
}
