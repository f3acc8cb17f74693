import Synchronization

/// How far a run has got, counted as it goes: files loaded and evaluated, documents read. Written
/// by the workers with relaxed atomic adds (one per file: nothing on the per-document path) and
/// read by whoever shows progress, on another thread.
package final class CheckProgress: Sendable {
    /// Inputs of the run (known once discovery is done).
    package let files = Atomic<Int>(0)
    package let filesLoaded = Atomic<Int>(0)
    package let filesEvaluated = Atomic<Int>(0)
    /// Documents of the files loaded so far (`kind: List` items each count).
    package let documentsLoaded = Atomic<Int>(0)
    package let documentsEvaluated = Atomic<Int>(0)
    /// Every file is loaded before any is evaluated (a cross-document rule is in the graph).
    package let loadsFirst = Atomic<Bool>(false)

    package init() {}

    func loaded(_ documents: Int) {
        filesLoaded.add(1, ordering: .relaxed)
        documentsLoaded.add(documents, ordering: .relaxed)
    }

    func evaluated(_ documents: Int) {
        filesEvaluated.add(1, ordering: .relaxed)
        documentsEvaluated.add(documents, ordering: .relaxed)
    }
}
