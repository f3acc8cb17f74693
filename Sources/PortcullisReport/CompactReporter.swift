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
        var byFile: [String: (diagnostics: [(location: SourceLocation, line: String)], findings: [Range<Int>])] = [:]
        var order: [String] = []
        for diagnostic in report.diagnostics {
            let line = Self.line(path: diagnostic.path, location: diagnostic.span?.start, severity: diagnostic.severity,
                                 message: diagnostic.message, id: diagnostic.id.rawValue)
            guard let path = diagnostic.path else {
                add(line)
                continue
            }
            if byFile[path] == nil { order.append(path) }
            byFile[path, default: ([], [])].diagnostics.append((diagnostic.span?.start ?? SourceLocation(line: 0, column: 0), line))
        }
        // A run's findings come file by file: each file's are a run of indices.
        var current: (path: String, start: Int)?
        func flush(upTo end: Int) {
            guard let (path, start) = current else { return }
            if byFile[path] == nil { order.append(path) }
            byFile[path, default: ([], [])].findings.append(start..<end)
        }
        for (index, finding) in report.findings.enumerated() where current?.path != finding.path {
            flush(upTo: index)
            current = (finding.path, index)
        }
        flush(upTo: report.findings.count)
        let inputOrder = Dictionary((report.sources + report.supportingSources).enumerated().map { ($0.element.path, $0.offset) },
                                    uniquingKeysWith: { a, _ in a })
        for path in order.sorted(by: { (inputOrder[$0] ?? Int.max, $0) < (inputOrder[$1] ?? Int.max, $1) }) {
            let file = byFile[path]!
            var entries = file.diagnostics.map { (location: $0.location, line: Optional($0.line), finding: -1) }
            for range in file.findings {
                for index in range where !report.findings[index].isSuppressed {
                    entries.append((report.findings[index].span.start, nil, index))
                }
            }
            for entry in entries.enumerated().sorted(by: { ($0.element.location, $0.offset) < ($1.element.location, $1.offset) }) {
                if let line = entry.element.line {
                    add(line)
                } else {
                    let finding = report.findings[entry.element.finding]
                    add(Self.line(path: finding.path, location: finding.span.start, severity: finding.severity,
                                  message: finding.message, id: finding.policyID))
                }
            }
        }
        if !quiet { add(TextReporter(color: false).summary(report) + "\n") }
        pieces.finish(emit)
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
