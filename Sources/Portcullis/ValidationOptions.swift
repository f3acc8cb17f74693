import PortcullisDiagnostics
import PortcullisEngine
import PortcullisManifest

/// How a validation reads its inputs and which exceptions it honours.
public struct ValidationOptions: Sendable {
    /// Path globs not to read (`vendor/**`, `*.json`).
    public var excludes: [String] = []
    /// The name standard input (`-`) is shown as, e.g. the file it was rendered from.
    public var standardInputName = "<stdin>"
    /// Files larger than this are not read (an error names them).
    public var maxFileBytes = ManifestLimits.standard.maxFileBytes
    /// Documents nested deeper than this are rejected.
    public var maxDepth = ManifestLimits.standard.maxDepth
    /// A file with more YAML documents than this stops there (`yaml.too-many-documents`).
    public var maxDocuments = ManifestLimits.standard.maxDocuments
    /// A document whose aliases expand it past this many nodes is refused (`yaml.alias-expansion`).
    public var maxNodes = ManifestLimits.standard.maxExpandedNodes
    /// Findings kept per resource; past it, an error says how many were left out.
    public var maxFindingsPerResource = 1_000
    /// Load and evaluate files on every core.
    public var parallel = true
    /// Build only the fields some policy reads (faster, less memory; findings are the same).
    public var projection = true
    /// Exceptions with owners and expiry dates (usually from the configuration file).
    public var waivers: [Waiver] = []
    /// Findings accepted as they are: only findings not in it are reported.
    public var baseline: Baseline?
    /// Files never read as inputs, whatever the paths given: the run's own reports and baselines.
    public var ignoredPaths: [String] = []
    /// The configuration in effect: its excludes and waivers apply (relative to its folder), and
    /// reports show its lines.
    public var configuration: Configuration?
    /// Today as `YYYY-MM-DD` (UTC) for waiver expiry; `nil`: the real date.
    public var today: String?
    /// Kustomize repositories: patch files are never checked as resources; `render` checks the
    /// rendered overlays instead, with findings placed in the repository's files.
    public var kustomize = KustomizeOptions()
    /// Check only the files changed since this git ref (a branch, tag or commit: what a pull
    /// request changed), and the kustomization roots whose rendering they feed. Files outside the
    /// paths given are not checked even when changed.
    public var changedSince: String?
    /// Counts files and documents as ``Validator/validate(paths:)`` goes, for a progress display.
    public var progress: ValidationProgress?
    /// Where a large run with cross-document policies keeps the documents those policies read
    /// until every file is read, and a run with many findings its packed findings (for as long as
    /// its result is held): temporary files in this folder (unnamed, gone with what they hold),
    /// mapped into memory, whose pages leave the process as it goes — its resident memory does
    /// not grow with them (on Linux; a RAM-backed tmpfs still holds them in memory). The default
    /// is `TMPDIR`, else `/tmp`; `nil` keeps them on the heap, as does a folder the file cannot be
    /// made in, a full disk, or a system other than Linux.
    public var spillDirectory: String? = Platform.temporaryDirectory
    /// Bytes of those documents held on the heap before the file is made (a small run makes none).
    package var spillThreshold = SpillRegion.defaultThreshold
    /// Bytes of the spill file whose pages stay in memory (8 MiB by default: the documents a run of
    /// about 8,000 resources keeps). While the file holds no more, its pages are never let go, which
    /// spares a flush of every other core's address translations each time; past it, every page
    /// written so far goes at once and later copies are written to the file without coming into
    /// memory, so resident memory stays flat.
    /// 0 lets each page go from the start: the least memory, for a little more time.
    public var spillKeptBytes = SpillRegion.defaultKeptBytes
    /// Runs of at most this many files load every file first and evaluate each once
    /// (`ManifestChecker.wholeRunFileLimit`); larger ones keep copies for a second pass.
    package var wholeRunFileLimit = ManifestChecker.defaultWholeRunFileLimit
    /// Findings a run of paths keeps as they are; past them, each file's findings are packed
    /// (`PackedFindings`), in the spill folder's file once there are enough of them.
    package var findingPackingThreshold = FindingPacker.defaultThreshold
    /// Bytes of source lines a run of paths keeps as each file's bytes go, the lines its findings
    /// and diagnostics point at, so a text report shows them without reading the files again
    /// (`KeptLineBudget`); 0 keeps none (a run whose reports show no source lines).
    package var keptLineBytes = KeptLineBudget.defaultBytes

    /// The defaults: every core, projection on, the standard limits, no exceptions.
    public init() {}

    /// Options carrying a configuration file's excludes, waivers and kustomize setting.
    public init(configuration: Configuration?) {
        self.configuration = configuration
        kustomize.render = configuration?.kustomize ?? false
    }

    var limits: ManifestLimits {
        ManifestLimits(maxFileBytes: maxFileBytes, maxDepth: maxDepth, maxExpandedNodes: maxNodes, maxDocuments: maxDocuments)
    }
}
