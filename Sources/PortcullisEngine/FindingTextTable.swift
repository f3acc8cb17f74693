/// A set of finding texts that keeps a tag of each text's hash beside it, for `FindingTextInterner`.
///
/// `Set<FindingText>` compares a text with every element its probe passes, and each comparison
/// reads that element's bytes elsewhere in memory; it also hashes every text again when it grows.
/// Here a probe compares tags (32 bits mixed from each text's hash), laid out together, and reads a text's
/// bytes only when the tags are equal; growing places each text again by its tag,
/// without hashing it. The hash is `FindingText.seededHash` (SipHash with the process's random
/// seed), so texts crafted to collide cannot be told in advance. A run keeps every distinct text
/// here to its end: 12 bytes a slot, at most three quarters full.
struct FindingTextTable: Sendable {
    /// Per slot, the tag of its text (`tag(of:)`), 0 for an empty slot.
    private var tags: [UInt32]
    /// Per slot, its text.
    private var texts: [FindingText?]
    /// How many texts the table holds.
    private(set) var count = 0

    init() {
        tags = Array(repeating: 0, count: Self.initialCapacity)
        texts = Array(repeating: nil, count: Self.initialCapacity)
    }

    private static let initialCapacity = 64

    /// The table's text equal to `text`, else `text` itself, kept from now on. `hash` is
    /// `text.seededHash`.
    mutating func intern(_ text: FindingText, hash: Int) -> FindingText {
        let tag = Self.tag(of: hash)
        let mask = tags.count - 1
        var slot = Self.home(of: tag) & mask
        while tags[slot] != 0 {
            if tags[slot] == tag, let kept = texts[slot], kept == text { return kept }
            slot = (slot + 1) & mask
        }
        // At most three quarters full: probes stay short.
        if (count + 1) * 4 > tags.count * 3 {
            grow()
            return intern(text, hash: hash)
        }
        tags[slot] = tag
        texts[slot] = text
        count += 1
        return text
    }

    /// 32 bits of a hash, mixed by multiplication so that every bit counts (the interner chooses
    /// its shard by the low bits; `Int` may be 32 bits wide); never 0, which marks an empty slot.
    private static func tag(of hash: Int) -> UInt32 {
        let mixed = UInt64(truncatingIfNeeded: hash) &* 0x9E37_79B9_7F4A_7C15
        let high = UInt32(truncatingIfNeeded: mixed >> 32)
        return high == 0 ? 1 : high
    }

    /// Where a text's probe starts, mixed from its tag alone (growing has only the tags).
    private static func home(of tag: UInt32) -> Int {
        Int(truncatingIfNeeded: (UInt64(tag) &* 0x9E37_79B9_7F4A_7C15) >> 16)
    }

    /// Twice the slots, each text placed again by its tag.
    private mutating func grow() {
        let oldTags = tags
        var oldTexts = texts
        let capacity = tags.count * 2
        tags = Array(repeating: 0, count: capacity)
        texts = Array(repeating: nil, count: capacity)
        let mask = capacity - 1
        for index in oldTags.indices where oldTags[index] != 0 {
            var slot = Self.home(of: oldTags[index]) & mask
            while tags[slot] != 0 { slot = (slot + 1) & mask }
            tags[slot] = oldTags[index]
            texts[slot] = oldTexts[index].take()
        }
    }
}
