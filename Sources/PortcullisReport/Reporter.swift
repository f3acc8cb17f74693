/// Turns a run into one report format. Reporters are pure: text in, text out.
package protocol Reporter: Sendable {
    func render(_ report: RunReport) -> String
    /// The report in pieces, in order, handed to `emit` as they are made: joined, they are
    /// `render(report)`. A reporter that can stream keeps only a piece in memory, not the report.
    func render(_ report: RunReport, into emit: (String) -> Void)
}

extension Reporter {
    /// One piece: the whole report.
    package func render(_ report: RunReport, into emit: (String) -> Void) {
        emit(render(report))
    }
}

/// The formats `--format` accepts.
package enum ReportFormat: String, CaseIterable, Sendable {
    case text, compact, json, sarif, github, junit, markdown, html

    /// The reporter for this format with its defaults; `color` matters only to text.
    package func reporter(color: Bool = false) -> any Reporter {
        switch self {
        case .text: TextReporter(color: color)
        case .compact: CompactReporter()
        case .json: JSONReporter()
        case .sarif: SARIFReporter()
        case .github: GitHubReporter()
        case .junit: JUnitReporter()
        case .markdown: MarkdownReporter()
        case .html: HTMLReporter()
        }
    }
}
