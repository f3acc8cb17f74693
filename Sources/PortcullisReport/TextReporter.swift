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
        renderUTF8(report) { emit(String(decoding: $0, as: UTF8.self)) }
    }

    /// The pieces as bytes: each file's block is made as bytes and handed on as it is (every byte
    /// of it comes from a `String` or is printable ASCII, so it is UTF-8 already).
    package func renderUTF8(_ report: RunReport, into emitBytes: (UnsafeRawBufferPointer) -> Void) {
        func emit(_ text: String) {
            var text = text
            text.withUTF8 { emitBytes(UnsafeRawBufferPointer($0)) }
        }
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
        // A file's findings are noted as runs of indices (a report of a million findings would
        // otherwise hold a million entries).
        for run in report.findingRuns {
            if shown[run.path] == nil { order.append(run.path) }
            shown[run.path, default: FileEntries()].findings.append(run.indices)
        }
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
            let blocks = ParallelRendering.map(piece, empty: [UInt8]()) { path -> [UInt8] in
                let source = sources[path]
                let escapedPath = TerminalText.escaped(path)
                // The block is made as bytes, each part appended where it ends up.
                var block: [UInt8] = []
                for entry in gathered[path]!.inLineOrder(of: report) {
                    switch entry {
                    case .diagnostic(let diagnostic): renderer.append(diagnostic, source: source, to: &block)
                    case .finding(let finding): append(finding, source, (path, escapedPath), renderer, to: &block)
                    }
                    block.append(UInt8(ascii: "\n"))
                }
                return block
            }
            // Each file's block is handed on alone: the piece's blocks are not joined into one more buffer.
            for block in blocks where !block.isEmpty {
                block.withUnsafeBytes { emitBytes($0) }
                wroteSomething = true
            }
        }
        if !quiet {
            let table = PolicySummaryTable(color: color).render(PolicySummary(report))
            emit((!wroteSomething || table.isEmpty ? "" : "\n") + table + summary(report) + "\n")
        }
    }

    /// A finding as `renderer` shows a diagnostic (`[policy]`, or `[policy#check]` for a policy with
    /// several `deny` blocks), then its help line under the caret, rustc-style; `file` is the
    /// block's path as it is and as `TerminalText` shows it (its findings share it).
    private func append(_ finding: Finding, _ source: SourceFile?, _ file: (path: String, escaped: String), _ renderer: DiagnosticRenderer,
                        to out: inout [UInt8]) {
        let span = finding.span
        let path = finding.path
        renderer.appendHeader(path: path, escapedPath: path == file.path ? file.escaped : nil, span: span, severity: finding.severity,
                              message: finding.message, id: finding.check.map { finding.policyID + "#" + $0 } ?? finding.policyID,
                              to: &out)
        renderer.appendExcerpt(of: source, at: span.start, to: &out)
        if let help = finding.help {
            out.appendUTF8("\n    = help: ")
            out.appendUTF8(TerminalText.escaped(help, keepingNewlines: true))
        }
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
