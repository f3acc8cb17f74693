#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import PortcullisReport

/// The formats a result renders to.
public enum ReportFormat: String, Sendable, Hashable, CaseIterable {
    /// Compiler style, `file:line:column: severity: message [policy]`, the source line and a caret;
    /// then a table of findings per policy and the totals.
    case text
    /// One line per finding, `file:line:column: severity: message [policy]`, no excerpt: for
    /// editors' problem matchers and `grep`.
    case compact
    /// Versioned JSON with every field (docs/json-report.md, schemas/report.schema.json).
    case json
    /// SARIF 2.1.0, as GitHub code scanning accepts it.
    case sarif
    /// GitHub Actions workflow commands (annotations on the pull request's lines).
    case github
    /// JUnit XML: a suite per policy.
    case junit
    /// Markdown for a pull request or a GitHub Actions job summary: totals, findings per policy, the
    /// first findings by file with links; at most 1 MiB.
    case markdown
    /// One self-contained HTML page: totals, charts, a findings table to filter and sort, source
    /// excerpts. No network, no external resources.
    case html

    var layer: PortcullisReport.ReportFormat {
        switch self {
        case .text: .text
        case .compact: .compact
        case .json: .json
        case .sarif: .sarif
        case .github: .github
        case .junit: .junit
        case .markdown: .markdown
        case .html: .html
        }
    }
}

/// Renders validation results in any format, to text or to a file.
public struct Report: Sendable {
    /// The format rendered.
    public var format: ReportFormat
    /// ANSI colour (text only).
    public var color: Bool
    /// Text and compact: problems, no summary.
    public var quiet: Bool
    /// The folder file locations are relative to in SARIF and Markdown links (the repository root).
    public var rootPath: String?
    /// Text only: just the table of findings per policy and the totals line.
    public var summaryOnly: Bool
    /// Markdown only: the prefix of file links, e.g. `https://github.com/OWNER/REPO/blob/SHA/`;
    /// `nil` links relative to the repository root.
    public var linkBase: String?

    /// A report; colour off, summary on, locations relative to the repository root found upward.
    public init(format: ReportFormat, color: Bool = false, quiet: Bool = false, rootPath: String? = nil,
                summaryOnly: Bool = false, linkBase: String? = nil) {
        self.format = format
        self.color = color
        self.quiet = quiet
        self.rootPath = rootPath
        self.summaryOnly = summaryOnly
        self.linkBase = linkBase
    }

    /// The report of `result`, as text.
    public func render(_ result: ValidationResult) -> String {
        var text = ""
        render(result) { text += $0 }
        return text
    }

    /// The report of `result` in pieces, in order, each handed to `emit` as soon as it is made
    /// (joined, they are `render(result)`): a text report of many files is never held whole.
    public func render(_ result: ValidationResult, into emit: (String) -> Void) {
        renderUTF8(result) { emit(String(decoding: $0, as: UTF8.self)) }
    }

    /// `render(_:into:)`'s pieces as UTF-8 bytes, each valid only while `emit` runs: what a writer
    /// that sends bytes on takes, without a `String` made of each piece.
    package func renderUTF8(_ result: ValidationResult, into emit: (UnsafeRawBufferPointer) -> Void) {
        var report = result.report
        report.rootPath = rootPath ?? RepositoryRoot.find()
        report.standardInputNames = Set(result.standardInputNames)
        let reporter: any Reporter = switch format {
        case .text: summaryOnly ? SummaryReporter(color: color) : TextReporter(color: color, quiet: quiet)
        case .compact: CompactReporter(quiet: quiet)
        case .markdown: MarkdownReporter(linkBase: linkBase)
        default: format.layer.reporter(color: color)
        }
        guard format == .text, !quiet, !summaryOnly, let kustomize = result.kustomize.summary else {
            reporter.renderUTF8(report, into: emit)
            return
        }
        // The summary is the last line of the last piece: hold each piece back until the next one.
        var held: [UInt8]?
        reporter.renderUTF8(report) { piece in
            if let held { held.withUnsafeBytes(emit) }
            held = Array(piece)
        }
        if let held {
            var last = Self.addingToSummary(kustomize, String(decoding: held, as: UTF8.self))
            last.withUTF8 { emit(UnsafeRawBufferPointer($0)) }
        }
    }

    /// The text report with `note` added to its summary (the last line), before the run's duration.
    static func addingToSummary(_ note: String, _ text: String) -> String {
        guard text.hasSuffix("\n") else { return text }
        var body = String(text.dropLast())
        let lineStart = body.lastIndex(of: "\n").map(body.index(after:)) ?? body.startIndex
        var insertAt = body.endIndex
        if body.hasSuffix(" ms)"), let open = body[lineStart...].ranges(of: " (").last { insertAt = open.lowerBound }
        body.insert(contentsOf: "; " + note, at: insertAt)
        return body + "\n"
    }

    /// Renders `result` into the file at `path`: a regular file is replaced atomically (keeping its
    /// mode and owner), a device or FIFO is written through.
    public func write(_ result: ValidationResult, to path: String) throws(ReportWriteError) {
        try ReportWriter.writeUTF8(to: path) { emit in renderUTF8(result, into: emit) }
    }
}

extension Baseline {
    /// Writes the baseline file (atomically, like reports).
    public func write(to path: String) throws(ReportWriteError) {
        try ReportWriter.write(json, to: path)
    }
}
