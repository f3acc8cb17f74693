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
    /// order they were noted in).
    func inLineOrder(of report: RunReport) -> [Entry] {
        var located = diagnostics.map { (location: $0.span?.start ?? SourceLocation(line: 0, column: 0), entry: Entry.diagnostic($0)) }
        for range in findings {
            // Read once per run of indices: a packed file's findings are unpacked once.
            for finding in report.findings.elements(in: range) where !finding.isSuppressed {
                located.append((finding.span.start, .finding(finding)))
            }
        }
        return located.enumerated().sorted { ($0.element.location, $0.offset) < ($1.element.location, $1.offset) }.map(\.element.entry)
    }
}

extension RunReport {
    /// The findings in runs of one file each, in report order: a run's findings come file by file.
    var findingRuns: [(path: String, indices: Range<Int>)] { findings.pathRuns }
}
