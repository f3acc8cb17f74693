import PortcullisDiagnostics
import PortcullisEngine

/// What a report shows of one file: its problems, and its findings as runs of indices into the
/// report (`RunReport.findingRuns`), not one entry per finding.
struct FileEntries {
    /// One thing a file shows: a problem, or a finding (by its index in the report).
    enum Entry {
        case diagnostic(Diagnostic)
        case finding(Int)
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
            for index in range where !report.findings[index].isSuppressed {
                located.append((report.findings[index].span.start, .finding(index)))
            }
        }
        return located.enumerated().sorted { ($0.element.location, $0.offset) < ($1.element.location, $1.offset) }.map(\.element.entry)
    }
}

extension RunReport {
    /// The findings in runs of one file each, in report order: a run's findings come file by file.
    var findingRuns: [(path: String, indices: Range<Int>)] {
        var runs: [(path: String, indices: Range<Int>)] = []
        var current: (path: String, start: Int)?
        for (index, finding) in findings.enumerated() where current?.path != finding.path {
            if let current { runs.append((current.path, current.start..<index)) }
            current = (finding.path, index)
        }
        if let current { runs.append((current.path, current.start..<findings.count)) }
        return runs
    }
}
