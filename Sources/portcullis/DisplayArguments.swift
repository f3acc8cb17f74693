import ArgumentParser
import Portcullis

/// How `check` shows a run to people: the per-policy summary alone, compact text, Markdown links,
/// the progress line.
struct DisplayArguments: ParsableArguments {
    @Flag(help: "Print only the table of findings per policy and the totals (text reports).")
    var summary = false

    @Flag(help: "Text as one line per finding, file:line:col: severity: message [policy] (as --format compact).")
    var compact = false

    @Option(help: ArgumentHelp("Markdown: prefix of file links instead of paths relative to the repository root, e.g. $GITHUB_SERVER_URL/$GITHUB_REPOSITORY/blob/$GITHUB_SHA/.",
                               valueName: "url"))
    var linkBase: String?

    @Flag(help: "No progress line on standard error (shown only on a terminal, for runs over a second).")
    var noProgress = false

    /// The format a target is rendered in: `--compact` turns text into compact.
    func format(_ format: ReportFormat) -> ReportFormat {
        compact && format == .text ? .compact : format
    }

    /// The report for a target.
    func report(_ format: ReportFormat, color: Bool, quiet: Bool) -> Report {
        Report(format: self.format(format), color: color, quiet: quiet, summaryOnly: summary, linkBase: linkBase)
    }

    /// The progress line, when standard error is a terminal and nothing asks for silence.
    func progressLine(quiet: Bool) -> ProgressLine? {
        guard !quiet, !noProgress else { return nil }
        return ProgressLine.start(environment: ProcessEnvironment.variables)
    }
}
