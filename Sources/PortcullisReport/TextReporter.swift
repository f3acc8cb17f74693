import PortcullisDiagnostics
import PortcullisEngine

/// Compiler-style text: `file:line:col: severity: message [policy]`, the source line, a caret, the
/// help line; problems and findings of a file together in line order; then the per-policy table and a summary.
package struct TextReporter: StreamingReporter {
    package var color: Bool
    /// Leave out the summary line (`--quiet`).
    package var quiet = false

    package init(color: Bool, quiet: Bool = false) {
        self.color = color
        self.quiet = quiet
    }

    /// Files rendered together (on every core) before their text is handed on, at most: what a
    /// streamed report holds at a time.
    static let filesPerPiece = 256
    /// Findings (suppressed ones included) after which a piece closes, at the end of the file that
    /// reaches them: a piece's blocks are held until they are handed on, so a piece is bounded by
    /// findings, not only by files.
    static let findingsPerPiece = 2_048

    /// The loose problems first, then the files' blocks (rendered a piece of files at a time on
    /// every core, each handed on alone), then the table and the summary line as the last piece.
    package func render(_ report: RunReport, into emit: (String) -> Void) {
        let renderer = DiagnosticRenderer(useColor: color)
        var out = ""
        let sources = Dictionary((report.sources + report.supportingSources).map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        // What each file shows, gathered first and rendered afterwards, file by file on every core
        // (rendering is most of a report's cost); the text is the same whatever the scheduling.
        var order: [String] = []
        var shown: [String: FileEntries] = [:]
        var loose: [String] = []
        for diagnostic in report.diagnostics {
            guard let path = diagnostic.path, sources[path] != nil else {
                loose.append(renderer.render(diagnostic, source: nil))
                continue
            }
            if shown[path] == nil { order.append(path) }
            shown[path, default: FileEntries()].diagnostics.append(diagnostic)
        }
        // A run's findings come file by file: a file's are a run of indices, noted once per run
        // (not one entry per finding: a report of a million findings would hold a million).
        var current: (path: String, start: Int)?
        func flush(upTo end: Int) {
            guard let (path, start) = current else { return }
            if shown[path] == nil { order.append(path) }
            shown[path, default: FileEntries()].add(start..<end)
        }
        for (index, finding) in report.findings.enumerated() where current?.path != finding.path {
            flush(upTo: index)
            current = (finding.path, index)
        }
        flush(upTo: report.findings.count)
        for line in loose { out += line + "\n" }
        let inputOrder = Dictionary(report.sources.enumerated().map { ($0.element.path, $0.offset) }, uniquingKeysWith: { a, _ in a })
        order.sort { (inputOrder[$0] ?? Int.max, $0) < (inputOrder[$1] ?? Int.max, $1) }
        let gathered = shown
        if !out.isEmpty { emit(out) }
        var wroteSomething = !out.isEmpty
        var start = 0
        while start < order.count {
            var end = start, findings = 0
            while end < order.count && end - start < Self.filesPerPiece && findings < Self.findingsPerPiece {
                findings += gathered[order[end]]!.findingCount
                end += 1
            }
            let piece = Array(order[start..<end])
            start = end
            let blocks = ParallelRendering.map(piece) { path -> String in
                let source = sources[path]
                let entries = gathered[path]!
                var located = entries.diagnostics.map { (location: $0.span?.start ?? SourceLocation(line: 0, column: 0), entry: Entry.diagnostic($0)) }
                for range in entries.findings {
                    for index in range where !report.findings[index].isSuppressed {
                        located.append((report.findings[index].span.start, .finding(index)))
                    }
                }
                var block = ""
                for item in located.enumerated().sorted(by: { ($0.element.location, $0.offset) < ($1.element.location, $1.offset) }) {
                    switch item.element.entry {
                    case .diagnostic(let diagnostic): block += renderer.render(diagnostic, source: source)
                    case .finding(let index): block += render(report.findings[index], source, renderer)
                    }
                    block += "\n"
                }
                return block
            }
            // Each file's block is handed on alone: the piece's blocks are not joined into one more string.
            for block in blocks where !block.isEmpty {
                emit(block)
                wroteSomething = true
            }
        }
        if !quiet {
            let table = PolicySummaryTable(color: color).render(PolicySummary(report))
            emit((!wroteSomething || table.isEmpty ? "" : "\n") + table + summary(report) + "\n")
        }
    }

    /// What a file shows: its problems, and its findings as runs of indices into the report.
    private struct FileEntries {
        var diagnostics: [Diagnostic] = []
        var findings: [Range<Int>] = []
        var findingCount = 0

        mutating func add(_ range: Range<Int>) {
            findings.append(range)
            findingCount += range.count
        }
    }

    /// One thing a file shows: a problem, or a finding (by its index in the report).
    private enum Entry {
        case diagnostic(Diagnostic)
        case finding(Int)
    }

    private func render(_ finding: Finding, _ source: SourceFile?, _ renderer: DiagnosticRenderer) -> String {
        // A block of a policy with several `deny` blocks is named after the policy: `[id#check]`.
        let diagnostic = Diagnostic(id: DiagnosticID(finding.check.map { finding.policyID + "#" + $0 } ?? finding.policyID), severity: finding.severity, message: finding.message,
                                    path: finding.path, span: finding.span)
        var out = renderer.render(diagnostic, source: source)
        // The help line goes under the caret, rustc-style.
        if let help = finding.help { out += "\n    = help: " + TerminalText.escaped(help, keepingNewlines: true) }
        return out
    }

    func summary(_ report: RunReport) -> String {
        let files = report.sources.count, resources = report.resourceCount, policies = report.rules.count
        let bySeverity = Severity.allCases.reversed().map { severity in
            let n = report.count(severity)
            return "\(n) \(severity.rawValue)\(n == 1 ? "" : "s")"
        }.joined(separator: ", ")
        let problems = report.diagnostics.filter { $0.severity == .error }.count
        var line = "checked \(files) file\(files == 1 ? "" : "s"), \(resources) resource\(resources == 1 ? "" : "s") against \(policies) polic\(policies == 1 ? "y" : "ies"): \(bySeverity); \(problems) input error\(problems == 1 ? "" : "s")"
        let suppressed = report.suppressedCount
        if suppressed > 0 { line += "; \(suppressed) suppressed" }
        if report.baselineMatches > 0 { line += "; \(report.baselineMatches) in the baseline" }
        if let duration = report.duration {
            let milliseconds = Int(Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15)
            line += " (\(milliseconds) ms)"
        }
        return line
    }
}
