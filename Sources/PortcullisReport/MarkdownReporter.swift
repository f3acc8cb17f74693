import PortcullisDiagnostics
import PortcullisEngine

/// `--format markdown`: a report for a pull request or a GitHub Actions job summary
/// (`$GITHUB_STEP_SUMMARY`). Totals, the per-policy table, input problems, then the first
/// `openFindings` findings grouped by file with `file#Lline` links (relative to the repository root,
/// or under `linkBase`), the rest in a collapsed `<details>` section. The whole stays under
/// `byteLimit` (GitHub takes at most 1 MiB per job summary): what does not fit is left out, and a
/// note says how much. Every value from a manifest is escaped; no times, so a run gives the same bytes.
package struct MarkdownReporter: Reporter {
    /// GitHub's limit for one step's job summary.
    package static let jobSummaryLimit = 1 << 20

    /// Findings shown before the collapsed section.
    package var openFindings: Int
    /// Where links point: `nil` for paths relative to the repository root (`fixtures/web.yaml#L13`),
    /// else this prefix (`https://github.com/OWNER/REPO/blob/SHA/`) before them.
    package var linkBase: String?
    /// The largest report written, in bytes (UTF-8).
    package var byteLimit: Int

    package init(openFindings: Int = 50, linkBase: String? = nil, byteLimit: Int = MarkdownReporter.jobSummaryLimit) {
        self.openFindings = max(0, openFindings)
        self.linkBase = linkBase
        self.byteLimit = byteLimit
    }

    package func render(_ report: RunReport) -> String {
        var paths = RepositoryPaths(rootPath: report.rootPath, standardInputNames: report.standardInputNames)
        let summary = PolicySummary(report)
        var out = MarkdownOutput(limit: byteLimit)

        // Totals.
        let counts = Severity.allCases.reversed().map { severity in
            let n = report.count(severity)
            return "\(n) \(severity.rawValue)\(n == 1 ? "" : "s")"
        }
        out.add("## Portcullis: " + (summary.findings == 0 ? "no findings" : counts.joined(separator: ", ")) + "\n\n")
        let files = report.sources.count, resources = report.resourceCount, policies = report.rules.count
        let problems = report.diagnostics.filter { $0.severity == .error }.count
        var totals = "Checked \(files) file\(files == 1 ? "" : "s") and \(resources) resource\(resources == 1 ? "" : "s") against "
            + "\(policies) polic\(policies == 1 ? "y" : "ies"): \(counts.joined(separator: ", ")); \(problems) input error\(problems == 1 ? "" : "s")"
        if summary.suppressed > 0 { totals += "; \(summary.suppressed) suppressed" }
        if report.baselineMatches > 0 { totals += "; \(report.baselineMatches) held by the baseline" }
        out.add(totals + ".\n")

        // The per-policy table.
        if !summary.rows.isEmpty {
            let helpURLs = Dictionary(report.rules.map { ($0.id, $0.helpURL) }, uniquingKeysWith: { a, _ in a })
            out.add("\n### Findings by policy\n\n| policy | severity | findings | files | suppressed |\n| :-- | :-- | --: | --: | --: |\n")
            for row in summary.rows {
                var policy = MarkdownText.code(row.policy)
                if let url = helpURLs[row.policy] ?? nil, Self.isWebURL(url) { policy = "[\(policy)](\(Self.destination(url)))" }
                guard out.add("| \(policy) | \(row.severity.rawValue) | \(row.findings) | \(row.files) | \(row.suppressed) |\n") else { break }
            }
            out.add("| **total** (\(summary.rows.count) polic\(summary.rows.count == 1 ? "y" : "ies")) | | **\(summary.findings)** | **\(summary.files)** | **\(summary.suppressed)** |\n")
        }

        // Input problems and other diagnostics: every one is worth reading, none is collapsed.
        if !report.diagnostics.isEmpty {
            out.add("\n### Problems\n\n")
            for diagnostic in report.diagnostics {
                var location = ""
                if let path = diagnostic.path {
                    let line = diagnostic.span.map(\.start.line).flatMap { $0 >= 1 ? $0 : nil }
                    location = link(path, line: line, paths: &paths, label: path + (line.map { ":\($0)" } ?? "")) + " "
                }
                let item = "- \(location)**\(diagnostic.severity.rawValue)** \(MarkdownText.code(diagnostic.id.rawValue)): \(MarkdownText.escape(diagnostic.message))\n"
                if !out.add(item) { out.omittedProblems += 1 }
            }
        }

        // Findings by file: the first `openFindings` open, the rest collapsed.
        // Read as they are iterated (a packed file's findings unpacked one file at a time), never
        // gathered: a report that shows a few hundred need not hold a run's million.
        let findings = report.findings.lazy.filter { !$0.isSuppressed }
        var perFile: [String: Int] = [:]
        var total = 0
        for finding in findings {
            perFile[finding.path, default: 0] += 1
            total += 1
        }
        if total > 0 {
            out.add("\n### Findings\n")
            var shown = 0
            var currentFile: String?
            var collapsed = false
            var remaining = findings.makeIterator()
            while let finding = remaining.next() {
                if shown == openFindings && !collapsed {
                    let rest = total - shown
                    var restPaths: Set<String> = [finding.path]
                    var after = remaining
                    while let later = after.next() { restPaths.insert(later.path) }
                    let restFiles = restPaths.count
                    guard out.add("\n<details>\n<summary>\(rest) more finding\(rest == 1 ? "" : "s") in \(restFiles) file\(restFiles == 1 ? "" : "s")</summary>\n") else {
                        out.omittedFindings = total - shown
                        break
                    }
                    out.reserve("\n</details>\n")
                    collapsed = true
                    currentFile = nil
                }
                var text = ""
                if finding.path != currentFile {
                    let count = perFile[finding.path] ?? 0
                    text += "\n#### \(link(finding.path, line: nil, paths: &paths)) (\(count) finding\(count == 1 ? "" : "s"))\n\n"
                }
                text += "- \(link(finding.path, line: finding.span.start.line, paths: &paths, label: "line \(finding.span.start.line)")) "
                    + "**\(finding.severity.rawValue)** \(MarkdownText.code(finding.policyID)): \(MarkdownText.escape(finding.message))\n"
                guard out.add(text) else {
                    out.omittedFindings = total - shown
                    break
                }
                currentFile = finding.path
                shown += 1
            }
            if collapsed { out.release("\n</details>\n") }
        }
        return out.finish()
    }

    /// `[label](path#Lline)` (the label defaults to the path); for a file outside the repository,
    /// the label as plain text.
    private func link(_ path: String, line: Int?, paths: inout RepositoryPaths, label: String? = nil) -> String {
        let text = MarkdownText.escape(label ?? path)
        guard var target = paths.relativeURLPath(path) else { return text }
        if let linkBase { target = (linkBase.hasSuffix("/") ? linkBase : linkBase + "/") + target }
        if let line { target += "#L\(line)" }
        return "[\(text)](\(Self.destination(target)))"
    }

    /// A link destination that cannot end the link early: spaces and parentheses encoded.
    private static func destination(_ url: String) -> String {
        func special(_ byte: UInt8) -> Bool {
            byte == UInt8(ascii: " ") || byte == UInt8(ascii: "(") || byte == UInt8(ascii: ")") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
        }
        guard url.utf8.contains(where: special) else { return url }
        var out: [UInt8] = []
        for byte in url.utf8 {
            if special(byte) { out += Array(("%" + String(byte, radix: 16, uppercase: true)).utf8) } else { out.append(byte) }
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func isWebURL(_ url: String) -> Bool { url.hasPrefix("https://") || url.hasPrefix("http://") }
}

/// The report being written, within a byte budget: text that would not fit (with what must still
/// close and the note) is refused, and counted as left out.
private struct MarkdownOutput {
    let limit: Int
    var text = ""
    var bytes = 0
    /// Closing text promised (an open `<details>`): kept free in the budget.
    var reserved = 0
    var omittedFindings = 0
    var omittedProblems = 0
    /// Room kept for the truncation note.
    static let noteRoom = 400

    init(limit: Int) {
        self.limit = limit
        text.reserveCapacity(min(limit, 1 << 16))
    }

    @discardableResult
    mutating func add(_ piece: String) -> Bool {
        let size = piece.utf8.count
        guard bytes + size + reserved + Self.noteRoom <= limit else { return false }
        text += piece
        bytes += size
        return true
    }

    mutating func reserve(_ closing: String) { reserved += closing.utf8.count }

    mutating func release(_ closing: String) {
        reserved -= closing.utf8.count
        text += closing
        bytes += closing.utf8.count
    }

    mutating func finish() -> String {
        if omittedFindings > 0 || omittedProblems > 0 {
            var parts: [String] = []
            if omittedFindings > 0 { parts.append("\(omittedFindings) finding\(omittedFindings == 1 ? "" : "s")") }
            if omittedProblems > 0 { parts.append("\(omittedProblems) problem\(omittedProblems == 1 ? "" : "s")") }
            let limitText = limit == MarkdownReporter.jobSummaryLimit ? "1 MiB, GitHub's limit for a job summary" : "\(limit) bytes"
            text += "\n> **Truncated:** \(parts.joined(separator: " and ")) not shown, to keep this report under \(limitText). "
                + "The JSON or SARIF report (`--format json`, `--format sarif`) has them all.\n"
        }
        return text
    }
}
