import PortcullisDiagnostics

/// The per-policy table as aligned text: policy, severity, findings, files, suppressed; a total
/// row. Colour (severities, the header) only when asked — on a terminal.
///
/// ```
/// policy                          severity  findings  files  suppressed
/// images/no-latest-tag            error            1      1           1
/// total (2 policies)                               3      1           1
/// ```
package struct PolicySummaryTable: Sendable {
    package var color: Bool

    package init(color: Bool) {
        self.color = color
    }

    /// The table, one line per row, each ending in a line break; empty when the run has no finding.
    package func render(_ summary: PolicySummary) -> String {
        guard !summary.rows.isEmpty else { return "" }
        let header = ["policy", "severity", "findings", "files", "suppressed"]
        let count = summary.rows.count
        let total = ["total (\(count) polic\(count == 1 ? "y" : "ies"))", "", "\(summary.findings)", "\(summary.files)", "\(summary.suppressed)"]
        let body = summary.rows.map { [$0.policy, $0.severity.rawValue, "\($0.findings)", "\($0.files)", "\($0.suppressed)"] }
        var widths = header.map(\.count)
        for cells in body + [total] {
            for (column, cell) in cells.enumerated() { widths[column] = max(widths[column], cell.count) }
        }
        func line(_ cells: [String], severity: Severity? = nil, bold: Bool = false) -> String {
            var out = ""
            for (column, cell) in cells.enumerated() {
                let padding = String(repeating: " ", count: widths[column] - cell.count)
                var shown = cell
                if let severity, column == 1 { shown = paint(cell, Self.colorCode(severity)) }
                if bold { shown = paint(cell, "1") }
                // Names and severities to the left, counts to the right; two spaces between columns.
                out += column < 2 ? shown + padding : padding + shown
                if column < cells.count - 1 { out += "  " }
            }
            while out.hasSuffix(" ") { out.removeLast() }
            return out + "\n"
        }
        var out = line(header, bold: true)
        for (row, cells) in zip(summary.rows, body) { out += line(cells, severity: row.severity) }
        out += line(total)
        return out
    }

    private func paint(_ text: String, _ code: String) -> String {
        guard color, !text.isEmpty else { return text }
        return "\u{1B}[\(code)m\(text)\u{1B}[0m"
    }

    /// The diagnostic renderer's colours: red errors, yellow warnings, blue infos.
    static func colorCode(_ severity: Severity) -> String {
        switch severity {
        case .error: "1;31"
        case .warning: "1;33"
        case .info: "1;34"
        }
    }
}
