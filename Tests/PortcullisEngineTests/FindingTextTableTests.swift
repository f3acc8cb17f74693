@testable import PortcullisEngine
import PortcullisManifest
import Testing

/// The interner's table: an equal text comes back as the one first kept (the same bytes, not a
/// copy), distinct texts stay distinct when their hashes collide, and nothing is lost as it grows.
@Suite struct FindingTextTableTests {
    /// The address of a text's bytes: equal for a text and the one the table kept for it.
    private static func address(_ text: FindingText) -> UnsafeRawPointer? {
        text.encoded.withUnsafeBytes { $0.baseAddress }
    }

    private static func text(_ number: Int) -> FindingText {
        FindingText(message: "container 'c\(number)' has no memory limit", path: ["spec", "containers", .index(number), "name"])
    }

    @Test func anEqualTextComesBackAsTheOneKept() {
        var table = FindingTextTable()
        let first = Self.text(1)
        #expect(Self.address(table.intern(first, hash: first.seededHash)) == Self.address(first))
        let again = Self.text(1)
        #expect(Self.address(again) != Self.address(first))
        let interned = table.intern(again, hash: again.seededHash)
        #expect(Self.address(interned) == Self.address(first))
        #expect(table.count == 1)
    }

    /// Every text given the same hash (0 among them, which marks an empty slot): each is kept apart
    /// and found again, through growth past the first capacity.
    @Test(arguments: [0, 42, -1])
    func collidingHashesKeepTextsApart(hash: Int) {
        var table = FindingTextTable()
        let texts = (0..<300).map(Self.text)
        for text in texts { #expect(Self.address(table.intern(text, hash: hash)) == Self.address(text)) }
        #expect(table.count == 300)
        for (number, text) in texts.enumerated() {
            let again = Self.text(number)
            #expect(Self.address(table.intern(again, hash: hash)) == Self.address(text))
        }
        #expect(table.count == 300)
    }

    /// Ten thousand texts by their real hashes, each interned twice, and through the interner's
    /// shards: one kept of each.
    @Test func growthKeepsEveryText() {
        var table = FindingTextTable()
        let interner = FindingTextInterner()
        for number in 0..<10_000 {
            let text = Self.text(number)
            _ = table.intern(text, hash: text.seededHash)
            _ = interner.intern(text)
        }
        for number in 0..<10_000 {
            let text = Self.text(number)
            #expect(table.intern(text, hash: text.seededHash) == text)
            _ = interner.intern(text)
        }
        #expect(table.count == 10_000)
        #expect(interner.count == 10_000)
    }
}
