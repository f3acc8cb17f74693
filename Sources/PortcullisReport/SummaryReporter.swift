import PortcullisDiagnostics

/// `--summary`: only the per-policy table and the totals line of the text report, for a first look
/// at a large repository.
package struct SummaryReporter: Reporter {
    package var color: Bool

    package init(color: Bool) {
        self.color = color
    }

    package func render(_ report: RunReport) -> String {
        PolicySummaryTable(color: color).render(PolicySummary(report)) + TextReporter(color: color).summary(report) + "\n"
    }
}
