import PortcullisDiagnostics
import PortcullisEngine

/// `--format compact` (`--compact`): one line per finding and problem,
/// `file:line:col: severity: message [policy]`, no excerpt — for editors' problem matchers and
/// `grep`. Control characters in messages are escaped so a line stays one line. Files in input
/// order, lines in order; then the totals line (not with `--quiet`).
package struct CompactReporter: Reporter {
    package var quiet: Bool

    package init(quiet: Bool = false) {
        self.quiet = quiet
    }

    package func render(_ report: RunReport) -> String {
        var out = ""
        var byFile: [String: [(location: SourceLocation, line: String)]] = [:]
        var order: [String] = []
        func add(_ path: String, _ location: SourceLocation, _ line: String) {
            if byFile[path] == nil { order.append(path) }
            byFile[path, default: []].append((location, line))
        }
        for diagnostic in report.diagnostics {
            let line = Self.line(path: diagnostic.path, location: diagnostic.span?.start, severity: diagnostic.severity,
                                 message: diagnostic.message, id: diagnostic.id.rawValue)
            guard let path = diagnostic.path else {
                out += line
                continue
            }
            add(path, diagnostic.span?.start ?? SourceLocation(line: 0, column: 0), line)
        }
        for finding in report.findings where !finding.isSuppressed {
            add(finding.path, finding.span.start, Self.line(path: finding.path, location: finding.span.start, severity: finding.severity,
                                                            message: finding.message, id: finding.policyID))
        }
        let inputOrder = Dictionary((report.sources + report.supportingSources).enumerated().map { ($0.element.path, $0.offset) },
                                    uniquingKeysWith: { a, _ in a })
        for path in order.sorted(by: { (inputOrder[$0] ?? Int.max, $0) < (inputOrder[$1] ?? Int.max, $1) }) {
            let entries = byFile[path]!.enumerated().sorted { ($0.element.location, $0.offset) < ($1.element.location, $1.offset) }
            for entry in entries { out += entry.element.line }
        }
        if !quiet { out += TextReporter(color: false).summary(report) + "\n" }
        return out
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
