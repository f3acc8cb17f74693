import PortcullisDiagnostics
import PortcullisEngine
import PortcullisReport

/// What a validation found: findings (suppressed ones included, marked), problems with the inputs
/// and with suppressions, and counts. Plain values; render them with `Report`.
public struct ValidationResult: Sendable {
    let report: RunReport
    /// Active findings before the baseline held some back: what a new baseline records.
    let findingsBeforeBaseline: FindingList
    /// Display names of standard input in this run.
    let standardInputNames: [String]
    /// What the kustomize support did.
    var kustomize = KustomizeSummary()

    /// Files left out because a kustomization reads them as patches (partial objects, not resources).
    public var kustomizePatchFiles: [String] { kustomize.patchFiles }
    /// The kustomization roots rendered and checked (`KustomizeOptions.render`), as shown.
    public var renderedKustomizations: [String] { kustomize.renderedRoots }

    /// Findings in report order (file, line, column, policy), suppressed ones included.
    public var findings: [Finding] { report.findings.map(Finding.init) }
    /// Findings that count: not suppressed (and not held back by the baseline).
    public var activeFindings: [Finding] { report.findings.lazy.filter { !$0.isSuppressed }.map(Finding.init) }
    /// Input problems (a file that does not parse), evaluation problems, unused or malformed suppressions.
    public var diagnostics: [Diagnostic] { report.diagnostics.wrapped(sources: report.sources + report.supportingSources) }
    /// Files read.
    public var fileCount: Int { report.sources.count }
    /// Kubernetes resources checked (documents with an apiVersion and a kind; `kind: List` items each count).
    public var resourceCount: Int { report.resourceCount }
    /// Findings left out because the baseline holds them.
    public var baselineMatches: Int { report.baselineMatches }
    /// Suppressed findings.
    public var suppressedCount: Int { report.suppressedCount }
    /// How long the validation took.
    public var duration: Duration? { report.duration }

    /// Active findings of a severity.
    public func count(_ severity: Severity) -> Int { report.count(severity.layer) }

    /// Whether some input or suppression problem is an error (a file that does not parse): a run with
    /// one exits 2.
    public var hasErrors: Bool { report.diagnostics.contains { $0.severity == .error } }

    /// Whether an active finding is at `threshold` or above: a run with one exits 1.
    public func hasFindings(atOrAbove threshold: Severity) -> Bool {
        PortcullisDiagnostics.Severity.allCases.contains { $0 >= threshold.layer && report.count($0) > 0 }
    }

    /// The baseline that accepts every active finding of this run.
    public var baseline: Baseline { Baseline(findings: findingsBeforeBaseline) }
}

/// What the kustomize support did in a run: for the summary line and the result's API.
struct KustomizeSummary: Sendable {
    var patchFiles: [String] = []
    var renderedRoots: [String] = []
    var renderedResources = 0

    /// `3 kustomize patch files not checked as resources; 3 kustomizations rendered`, or `nil`.
    var summary: String? {
        var parts: [String] = []
        if !patchFiles.isEmpty {
            parts.append("\(patchFiles.count) kustomize patch file\(patchFiles.count == 1 ? "" : "s") not checked as whole resources")
        }
        if !renderedRoots.isEmpty {
            parts.append("\(renderedRoots.count) kustomization\(renderedRoots.count == 1 ? "" : "s") rendered")
        }
        return parts.isEmpty ? nil : parts.joined(separator: "; ")
    }
}
