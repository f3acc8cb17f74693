import PortcullisDiagnostics
import PortcullisEngine

/// `--format compact` (`--compact`): one line per finding and problem,
/// `file:line:col: severity: message [policy]`, no excerpt — for editors' problem matchers and
/// `grep`. Control characters in messages are escaped so a line stays one line. Files in input
/// order, lines in order; then the totals line (not with `--quiet`).
package struct CompactReporter: StreamingReporter {
    package var quiet: Bool

    package init(quiet: Bool = false) {
        self.quiet = quiet
    }

    /// The lines in pieces of about 64 KiB, file by file, handed on as they are made: a file's
    /// findings are noted as runs of indices into the report, and only one piece of lines is held.
    package func render(_ report: RunReport, into emit: (String) -> Void) {
        var pieces = ReportPieces()
        func add(_ text: String) { pieces.add(text, emit) }
        var byFile: [String: FileEntries] = [:]
        var order: [String] = []
        for diagnostic in report.diagnostics {
            guard let path = diagnostic.path else {
                add(Self.line(diagnostic))
                continue
            }
            if byFile[path] == nil { order.append(path) }
            byFile[path, default: FileEntries()].diagnostics.append(diagnostic)
        }
        for run in report.findingRuns {
            if byFile[run.path] == nil { order.append(run.path) }
            byFile[run.path, default: FileEntries()].findings.append(run.indices)
        }
        let inputOrder = Dictionary((report.sources + report.supportingSources).enumerated().map { ($0.element.path, $0.offset) },
                                    uniquingKeysWith: { a, _ in a })
        for path in order.sorted(by: { (inputOrder[$0] ?? Int.max, $0) < (inputOrder[$1] ?? Int.max, $1) }) {
            for entry in byFile[path]!.inLineOrder(of: report) {
                switch entry {
                case .diagnostic(let diagnostic): add(Self.line(diagnostic))
                case .finding(let finding):
                    add(Self.line(path: finding.path, location: finding.span.start, severity: finding.severity,
                                  message: finding.message, id: finding.policyID))
                }
            }
        }
        if !quiet { add(TextReporter(color: false).summary(report) + "\n") }
        pieces.finish(emit)
    }

    /// A problem's line.
    static func line(_ diagnostic: Diagnostic) -> String {
        line(path: diagnostic.path, location: diagnostic.span?.start, severity: diagnostic.severity, message: diagnostic.message,
             id: diagnostic.id.rawValue)
    }

    static func line(path: String?, location: SourceLocation?, severity: Severity, message: String, id: String) -> String {
        var out = ""
        if let path {
            out += oneLine(path)
            if let location, location.line >= 1 { out += ":\(location.line):\(location.column)" }
            out += ": "
        }
        return out + "\(severity.rawValue): \(oneLine(message)) [\(id)]\n"
    }

    /// The text with line breaks and other control characters written as escapes (`\n`, `\u{1B}`).
    static func oneLine(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where isControl(scalar): out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }
}
