import PortcullisDiagnostics
import PortcullisEngine

/// Prints findings compiler-style: `file:line:col: severity: message [policy]`, the source line, a
/// caret, and the help line.
struct FindingPrinter {
    let renderer: DiagnosticRenderer

    func render(_ finding: Finding, source: SourceFile?) -> String {
        var diagnostic = Diagnostic(id: DiagnosticID(finding.policyID), severity: finding.severity, message: finding.message,
                                    path: finding.path, span: finding.span)
        if let help = finding.help { diagnostic.notes.append(DiagnosticNote("help: " + help)) }
        return renderer.render(diagnostic, source: source).replacingNoteLabel()
    }
}

private extension String {
    /// Notes carrying help are shown as `= help: …`, the way compilers show suggestions.
    func replacingNoteLabel() -> String {
        split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            for prefix in ["note: help: ", "\u{1B}[1;36mnote\u{1B}[0m: help: "] where line.hasPrefix(prefix) {
                return "    = help: " + line.dropFirst(prefix.count)
            }
            return String(line)
        }.joined(separator: "\n")
    }
}
