import Synchronization

/// One copy of each distinct finding text (message and path) of a run.
///
/// A run holds every finding until it is reported, and many say the same thing at the same place
/// in different documents (`container 'main' does not define every required probe` at
/// `$.spec.containers[0].name`): on the generated corpus, two findings in five have a text of
/// their own. A run's checker makes one interner, shared by its workers; findings whose texts are
/// equal then share one allocation (`FindingText` is a value: sharing it changes nothing else).
package final class FindingTextInterner: Sendable {
    private let texts = Mutex<Set<FindingText>>([])

    package init() {}

    /// The run's copy of `text`: the first equal one seen, else `text` itself, kept from now on.
    package func intern(_ text: FindingText) -> FindingText {
        texts.withLock { $0.insert(text).memberAfterInsert }
    }

    /// How many distinct texts the run has seen.
    package var count: Int { texts.withLock { $0.count } }
}
