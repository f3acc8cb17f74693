import PortcullisDiagnostics
import PortcullisEngine

/// `--format html`: one self-contained page — no network, no external script, font or style — for
/// people exploring a run: totals; bar charts of findings by policy, by pack and by severity (inline
/// SVG drawn here); a table of findings, each expandable to its source excerpt (the line marked),
/// help and remediation; suppressed and baseline-held findings and input problems apart.
///
/// A little plain JavaScript filters the table by severity, policy and text and sorts it by
/// column; without it the page still reads (every row shown, excerpts open on click). Every value
/// from a manifest is escaped, and a Content-Security-Policy lets only the page's own script and
/// style run, so a label value holding `<script>` is text. No times: a run gives the same bytes.
package struct HTMLReporter: Reporter {
    /// Findings shown in the table; past it, a note (the JSON report has them all). Totals and charts
    /// always count every finding.
    package var maxRows: Int

    package init(maxRows: Int = 5_000) {
        self.maxRows = maxRows
    }

    package func render(_ report: RunReport) -> String {
        let summary = PolicySummary(report)
        let sources = Dictionary((report.sources + report.supportingSources).map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
        // The rows shown, read as the findings are iterated (a packed file unpacked once), and the
        // counts: a run's findings are not all held at once for a table that shows `maxRows`.
        let active = Array(report.findings.lazy.filter { !$0.isSuppressed }.prefix(maxRows))
        let activeCount = Severity.allCases.reduce(0) { $0 + report.count($1) }
        var out = ""
        out.reserveCapacity(1 << 16 + active.count * 1_200)
        out += """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src '\(Self.styleHash)'; script-src '\(Self.scriptHash)'">
            <meta name="generator" content="\(Tool.name) \(Tool.version)">
            <title>Portcullis report</title>
            <style>\(Self.style)</style>
            </head>
            <body>
            <header>
            <h1>Portcullis report</h1>

            """
        let files = report.sources.count, resources = report.resourceCount, policies = report.rules.count
        out += "<p class=\"lead\">Checked \(files) file\(Self.plural(files)) and \(resources) resource\(Self.plural(resources)) "
            + "against \(policies) polic\(policies == 1 ? "y" : "ies").</p>\n</header>\n<main>\n"
        out += totals(report, summary: summary)
        out += charts(summary)
        out += findingsTable(active, total: activeCount, summary: summary, sources: sources)
        out += problems(report.diagnostics)
        out += otherFindings(Array(report.findings.lazy.filter { $0.isSuppressed }.prefix(maxRows)), total: report.suppressedCount,
                             id: "suppressed", title: "Suppressed findings",
                             note: "Suppressed by a comment, an annotation or a waiver: they never fail the run.", sources: sources)
        out += otherFindings(report.baselineFindings, total: report.baselineFindings.count, id: "baseline", title: "Held by the baseline",
                             note: "Recorded in the baseline (--baseline): accepted as they are, they do not fail the run.", sources: sources)
        out += "</main>\n<footer>\(Tool.name) \(Tool.version)</footer>\n<script>\(Self.script)</script>\n</body>\n</html>\n"
        return out
    }

    // MARK: Sections

    private func totals(_ report: RunReport, summary: PolicySummary) -> String {
        let problems = report.diagnostics.filter { $0.severity == .error }.count
        var cards: [(label: String, value: Int, style: String)] = Severity.allCases.reversed().map { severity in
            let n = report.count(severity)
            return ("\(severity.rawValue)\(Self.plural(n))", n, severity.rawValue)
        }
        cards += [("input error\(Self.plural(problems))", problems, problems > 0 ? "error" : "other"),
                  ("suppressed", summary.suppressed, "other"), ("held by the baseline", report.baselineMatches, "other"),
                  ("file\(Self.plural(summary.files)) with findings", summary.files, "other")]
        var out = "<section class=\"totals\" aria-label=\"Totals\">\n"
        for card in cards {
            out += "<div class=\"card \(card.style)\"><span class=\"value\">\(card.value)</span> <span class=\"name\">\(card.label)</span></div>\n"
        }
        return out + "</section>\n"
    }

    private func charts(_ summary: PolicySummary) -> String {
        guard summary.findings > 0 else { return "<section class=\"charts\"><p class=\"empty\">No findings.</p></section>\n" }
        let active = summary.rows.filter { $0.findings > 0 }
        let shownPolicies = 20
        var policyRows = active.prefix(shownPolicies).map { row in
            BarChart.Row(label: row.policy, segments: [.init(value: row.findings, style: row.severity.rawValue, title: "\(row.findings) \(row.severity.rawValue)\(Self.plural(row.findings))")],
                         link: "#policy=" + Self.fragmentEncoded(row.policy))
        }
        if active.count > shownPolicies {
            let rest = active.dropFirst(shownPolicies)
            let count = rest.reduce(0) { $0 + $1.findings }
            policyRows.append(BarChart.Row(label: "\(rest.count) other policies", segments: [.init(value: count, style: "other", title: "\(count)")]))
        }
        let packRows = summary.byPack.map { pack in
            BarChart.Row(label: pack.pack, segments: Severity.allCases.reversed().map { severity in
                let n = pack.counts[severity] ?? 0
                return .init(value: n, style: severity.rawValue, title: "\(n) \(severity.rawValue)\(Self.plural(n))")
            })
        }
        var bySeverity: [Severity: Int] = [:]
        for row in active { bySeverity[row.severity, default: 0] += row.findings }
        let severityRows = Severity.allCases.reversed().map { severity in
            BarChart.Row(label: severity.rawValue, segments: [.init(value: bySeverity[severity] ?? 0, style: severity.rawValue, title: severity.rawValue)],
                         link: "#severity=" + severity.rawValue)
        }
        var out = "<section class=\"charts\">\n"
        for chart in [BarChart(title: "Findings by severity", rows: severityRows), BarChart(title: "Findings by pack", rows: packRows),
                      BarChart(title: "Findings by policy", rows: policyRows)] {
            out += "<figure>\n<figcaption>\(HTMLText.escape(chart.title))</figcaption>\n" + chart.svg() + "\n</figure>\n"
        }
        return out + "</section>\n"
    }

    /// `findings`: the first active findings (at most `maxRows`) of `total`.
    private func findingsTable(_ findings: [Finding], total: Int, summary: PolicySummary, sources: [String: SourceFile]) -> String {
        var out = "<section id=\"findings\">\n<h2>Findings</h2>\n"
        guard total > 0 else { return out + "<p class=\"empty\">No active findings.</p>\n</section>\n" }
        out += "<form id=\"filters\" class=\"filters\" hidden>\n"
        out += "<label>Severity <select id=\"filter-severity\"><option value=\"\">all</option>"
        for severity in Severity.allCases.reversed() { out += "<option>\(severity.rawValue)</option>" }
        out += "</select></label>\n<label>Policy <select id=\"filter-policy\"><option value=\"\">all</option>"
        for row in summary.rows.filter({ $0.findings > 0 }).sorted(by: { $0.policy < $1.policy }) {
            out += "<option value=\"\(HTMLText.escape(row.policy))\">\(HTMLText.escape(row.policy)) (\(row.findings))</option>"
        }
        out += "</select></label>\n<label>Text <input id=\"filter-text\" type=\"search\" placeholder=\"file, message, resource…\"></label>\n"
        out += "<output id=\"filter-count\" aria-live=\"polite\"></output>\n</form>\n"
        let shown = findings.prefix(maxRows)
        if shown.count < total {
            out += "<p class=\"note\">The table shows the first \(shown.count) of \(total) findings; totals and charts count them all, "
                + "and the JSON report (<code>--format json</code>) lists every one.</p>\n"
        }
        out += "<table id=\"findings-table\">\n<thead><tr><th scope=\"col\" data-sort=\"severity\">Severity</th>"
            + "<th scope=\"col\" data-sort=\"policy\">Policy</th><th scope=\"col\" data-sort=\"location\">Location</th>"
            + "<th scope=\"col\" data-sort=\"message\">Message</th></tr></thead>\n<tbody>\n"
        for (index, finding) in shown.enumerated() {
            out += "<tr data-index=\"\(index)\" data-severity=\"\(finding.severity.rawValue)\" data-rank=\"\(Self.rank(finding.severity))\" "
                + "data-policy=\"\(HTMLText.escape(finding.policyID))\" data-file=\"\(HTMLText.escape(finding.path))\" data-line=\"\(finding.span.start.line)\">"
            out += cells(finding, sources: sources)
            out += "</tr>\n"
        }
        return out + "</tbody>\n</table>\n</section>\n"
    }

    /// Severity, policy, location and the message, expandable to the details.
    private func cells(_ finding: Finding, sources: [String: SourceFile], extra: String = "") -> String {
        var out = "<td><span class=\"badge \(finding.severity.rawValue)\">\(finding.severity.rawValue)</span></td>"
        out += "<td><code>\(HTMLText.escape(finding.policyID))</code></td>"
        out += "<td class=\"location\">\(HTMLText.escape(finding.path)):\(finding.span.start.line):\(finding.span.start.column)</td>"
        out += "<td><details><summary>\(HTMLText.escape(finding.message))</summary>\n<div class=\"detail\">"
        out += extra
        var resource: [String] = []
        if let kind = finding.kind { resource.append(kind) }
        let name = [finding.namespace, finding.name].compactMap { $0 }.joined(separator: "/")
        if !name.isEmpty { resource.append(name) }
        out += "<p class=\"resource\">\(HTMLText.escape(resource.joined(separator: " "))) <code>\(HTMLText.escape(finding.jsonPath))</code></p>\n"
        if let source = sources[finding.path] { out += Self.excerpt(source, span: finding.span) }
        if let help = finding.help {
            out += "<p class=\"help\"><b>Help:</b> \(HTMLText.escape(help))"
            if let url = finding.helpURL, url.hasPrefix("https://") || url.hasPrefix("http://") {
                out += " <a class=\"help-link\" href=\"\(HTMLText.escape(url))\" rel=\"noreferrer\">more</a>"
            }
            out += "</p>\n"
        }
        if let remediation = finding.remediation { out += "<p class=\"remediation\"><b>Remediation:</b> \(HTMLText.escape(remediation))</p>\n" }
        return out + "</div></details></td>"
    }

    private func problems(_ diagnostics: [Diagnostic]) -> String {
        guard !diagnostics.isEmpty else { return "" }
        var out = "<section id=\"problems\">\n<h2>Problems</h2>\n<p class=\"note\">Inputs that could not be read as they are, "
            + "and suppressions that need attention. An error makes the run exit 2.</p>\n"
        out += "<table class=\"plain\">\n<thead><tr><th scope=\"col\">Severity</th><th scope=\"col\">Id</th><th scope=\"col\">Location</th>"
            + "<th scope=\"col\">Message</th></tr></thead>\n<tbody>\n"
        for diagnostic in diagnostics {
            var location = diagnostic.path.map(HTMLText.escape) ?? ""
            if let start = diagnostic.span?.start, start.line >= 1 { location += ":\(start.line):\(start.column)" }
            out += "<tr><td><span class=\"badge \(diagnostic.severity.rawValue)\">\(diagnostic.severity.rawValue)</span></td>"
                + "<td><code>\(HTMLText.escape(diagnostic.id.rawValue))</code></td><td class=\"location\">\(location)</td>"
                + "<td>\(HTMLText.escape(diagnostic.message))</td></tr>\n"
        }
        return out + "</tbody>\n</table>\n</section>\n"
    }

    /// Suppressed or baseline-held findings: their own table, outside the filters and counts.
    /// `findings`: the first (at most `maxRows`) of `total`.
    private func otherFindings(_ findings: [Finding], total: Int, id: String, title: String, note: String, sources: [String: SourceFile]) -> String {
        guard total > 0 else { return "" }
        var out = "<section id=\"\(id)\">\n<h2>\(title) (\(total))</h2>\n<p class=\"note\">\(HTMLText.escape(note))</p>\n"
        out += "<table class=\"plain\">\n<thead><tr><th scope=\"col\">Severity</th><th scope=\"col\">Policy</th><th scope=\"col\">Location</th>"
            + "<th scope=\"col\">Message</th></tr></thead>\n<tbody>\n"
        for finding in findings.prefix(maxRows) {
            var extra = ""
            if let suppression = finding.suppression {
                extra = "<p class=\"suppression\"><b>\(suppression.kind == .inSource ? "Suppressed in the manifest" : "Waived in the configuration")</b> "
                    + "at \(HTMLText.escape(suppression.origin)): \(HTMLText.escape(suppression.justification))</p>\n"
            }
            out += "<tr>" + cells(finding, sources: sources, extra: extra) + "</tr>\n"
        }
        return out + "</tbody>\n</table>\n</section>\n"
    }

    // MARK: Helpers

    static func plural(_ n: Int) -> String { n == 1 ? "" : "s" }

    /// Sort rank: errors first.
    static func rank(_ severity: Severity) -> Int {
        switch severity {
        case .error: 0
        case .warning: 1
        case .info: 2
        }
    }

    /// A value for `#policy=…`: what URLSearchParams reads back.
    static func fragmentEncoded(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                out += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return out
    }
}
