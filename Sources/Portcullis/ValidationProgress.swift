import PortcullisEngine

/// Live counts of a validation under way, for a progress display: put one in
/// ``ValidationOptions/progress`` and read ``snapshot`` from another thread while
/// ``Validator/validate(paths:)`` runs. Counting costs a few atomic adds per file.
public final class ValidationProgress: Sendable {
    /// The counts at one moment.
    public struct Snapshot: Sendable, Equatable {
        /// Input files of the run (0 until discovery is done).
        public var files: Int
        /// Files read and parsed.
        public var filesLoaded: Int
        /// Files whose documents the policies have been evaluated on.
        public var filesChecked: Int
        /// Documents in the files loaded so far.
        public var documentsLoaded: Int
        /// Documents evaluated so far.
        public var documentsChecked: Int
        /// Every file is loaded before any is checked (a policy looks across documents): the run
        /// first loads, then checks.
        public var loadsFirst: Bool
    }

    let counters = CheckProgress()

    /// Counts starting at zero.
    public init() {}

    /// The counts now.
    public var snapshot: Snapshot {
        Snapshot(files: counters.files.load(ordering: .relaxed), filesLoaded: counters.filesLoaded.load(ordering: .relaxed),
                 filesChecked: counters.filesEvaluated.load(ordering: .relaxed),
                 documentsLoaded: counters.documentsLoaded.load(ordering: .relaxed),
                 documentsChecked: counters.documentsEvaluated.load(ordering: .relaxed),
                 loadsFirst: counters.loadsFirst.load(ordering: .relaxed))
    }
}
