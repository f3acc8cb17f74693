import PortcullisDiagnostics
import PortcullisEngine

/// What a report shows of one file: its problems, and its findings as runs of indices into the
/// report (`RunReport.findingRuns`), not one entry per finding.
struct FileEntries {
    /// One thing a file shows: a problem, or a finding.
    enum Entry {
        case diagnostic(Diagnostic)
        case finding(Finding)
    }

    var diagnostics: [Diagnostic] = []
    var findings: [Range<Int>] = []

    /// The findings noted, suppressed ones included.
    var findingCount: Int { findings.reduce(0) { $0 + $1.count } }

    /// Problems and active findings in line order (a problem first at the same place, then the
    /// order they were noted in). The positions are sorted, not the entries: a finding's copy costs
    /// a reference count for each of its shared parts, and the entries are usually in order already.
    func inLineOrder(of report: RunReport) -> [Entry] {
        var entries: [Entry] = diagnostics.map(Entry.diagnostic)
        var locations = diagnostics.map { $0.span?.start ?? SourceLocation(line: 0, column: 0) }
        for range in findings {
            // Read once per run of indices: a packed file's findings are unpacked once.
            for finding in report.findings.elements(in: range) where !finding.isSuppressed {
                locations.append(finding.span.start)
                entries.append(.finding(finding))
            }
        }
        let order = locations.indices.sorted { (locations[$0], $0) < (locations[$1], $1) }
        if order.elementsEqual(locations.indices) { return entries }
        return order.map { entries[$0] }
    }
}

extension RunReport {
    /// The findings in runs of one file each, in report order: a run's findings come file by file.
    var findingRuns: [(path: String, indices: Range<Int>)] { findings.pathRuns }
}
