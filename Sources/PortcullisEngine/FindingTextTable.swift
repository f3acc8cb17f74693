/// A set of finding texts that keeps each text's hash beside it, for `FindingTextInterner`.
///
/// `Set<FindingText>` compares a text with every element its probe passes, and each comparison
/// reads that element's bytes elsewhere in memory; it also hashes every text again when it grows.
/// Here a probe compares hashes, laid out together, and reads a text's bytes only when the hashes
/// are equal; growing moves the kept hashes. The hash is `FindingText.seededHash` (SipHash with the
/// process's random seed), so texts crafted to collide cannot be told in advance.
struct FindingTextTable: Sendable {
    /// Per slot, the hash of its text, 0 for an empty slot (a hash of 0 is kept as 1).
    private var hashes: [Int]
    private var texts: [FindingText?]
    /// How many texts the table holds.
    private(set) var count = 0

    init() {
        hashes = Array(repeating: 0, count: Self.initialCapacity)
        texts = Array(repeating: nil, count: Self.initialCapacity)
    }

    private static let initialCapacity = 64

    /// The table's text equal to `text`, else `text` itself, kept from now on. `hash` is
    /// `text.seededHash`.
    mutating func intern(_ text: FindingText, hash: Int) -> FindingText {
        let stored = hash == 0 ? 1 : hash
        let mask = hashes.count - 1
        var slot = stored & mask
        while hashes[slot] != 0 {
            if hashes[slot] == stored, let kept = texts[slot], kept == text { return kept }
            slot = (slot + 1) & mask
        }
        // At most half full: probes stay short.
        if (count + 1) * 2 > hashes.count {
            grow()
            return intern(text, hash: hash)
        }
        hashes[slot] = stored
        texts[slot] = text
        count += 1
        return text
    }

    /// Twice the slots, each text placed again by its kept hash.
    private mutating func grow() {
        let oldHashes = hashes
        var oldTexts = texts
        let capacity = hashes.count * 2
        hashes = Array(repeating: 0, count: capacity)
        texts = Array(repeating: nil, count: capacity)
        let mask = capacity - 1
        for index in oldHashes.indices where oldHashes[index] != 0 {
            var slot = oldHashes[index] & mask
            while hashes[slot] != 0 { slot = (slot + 1) & mask }
            hashes[slot] = oldHashes[index]
            texts[slot] = oldTexts[index].take()
        }
    }
}
