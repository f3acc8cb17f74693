import Synchronization

/// One copy of each distinct finding text (message and path) of a run.
///
/// A run holds every finding until it is reported, and many say the same thing at the same place
/// in different documents (`container 'main' does not define every required probe` at
/// `$.spec.containers[0].name`): two findings in five have a text of their own on the generated
/// corpus, about one in two on `../shared/corpus`. A run's checker makes one interner, shared by
/// its workers; findings whose texts are equal then share one allocation (`FindingText` is a
/// value: sharing it changes nothing else). The texts are spread over several tables, each behind
/// its own lock, chosen by the text's hash, so that workers on many cores seldom wait for one another.
package final class FindingTextInterner: Sendable {
    private static let shardCount = 16
    private let shards = (0..<FindingTextInterner.shardCount).map { _ in Shard() }

    /// One table of texts and its lock.
    private final class Shard: Sendable {
        let texts = Mutex(FindingTextTable())
    }

    package init() {}

    /// The run's copy of `text`: the first equal one seen, else `text` itself, kept from now on.
    package func intern(_ text: FindingText) -> FindingText {
        let hash = text.seededHash
        // The low bits choose the shard; the table keeps a tag mixed from the whole hash.
        let shard = Int(UInt(bitPattern: hash) % UInt(Self.shardCount))
        return shards[shard].texts.withLock { $0.intern(text, hash: hash) }
    }

    /// How many distinct texts the run has seen.
    package var count: Int { shards.reduce(0) { total, shard in total + shard.texts.withLock { $0.count } } }
}
