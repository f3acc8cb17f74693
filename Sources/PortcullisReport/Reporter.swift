/// Turns a run into one report format. Reporters are pure: text in, text out.
package protocol Reporter: Sendable {
    func render(_ report: RunReport) -> String
    /// The report in pieces, in order, handed to `emit` as they are made: joined, they are
    /// `render(report)`. A reporter that can stream keeps only a piece in memory, not the report.
    func render(_ report: RunReport, into emit: (String) -> Void)
    /// The same pieces as UTF-8 bytes, each valid only while `emit` runs: a writer that sends bytes
    /// on takes them without a `String` made (and its bytes checked) for each piece.
    func renderUTF8(_ report: RunReport, into emit: (UnsafeRawBufferPointer) -> Void)
}

extension Reporter {
    /// One piece: the whole report.
    package func render(_ report: RunReport, into emit: (String) -> Void) {
        emit(render(report))
    }

    /// The text pieces' bytes.
    package func renderUTF8(_ report: RunReport, into emit: (UnsafeRawBufferPointer) -> Void) {
        render(report) { piece in
            var piece = piece
            piece.withUTF8 { emit(UnsafeRawBufferPointer($0)) }
        }
    }
}

/// A reporter that makes its report in pieces (`render(_:into:)`); the whole report is the pieces joined.
package protocol StreamingReporter: Reporter {}

extension StreamingReporter {
    /// The pieces, joined.
    package func render(_ report: RunReport) -> String {
        var out = ""
        render(report) { out += $0 }
        return out
    }
}

/// Text gathered into pieces of about 64 KiB, each handed on when full: what a streaming reporter
/// holds at a time.
struct ReportPieces {
    private var pending = ""

    /// Adds `text`; hands the piece to `emit` once it reaches 64 KiB.
    mutating func add(_ text: String, _ emit: (String) -> Void) {
        pending += text
        if pending.utf8.count >= 1 << 16 { finish(emit) }
    }

    /// Hands on what is left, if anything.
    mutating func finish(_ emit: (String) -> Void) {
        guard !pending.isEmpty else { return }
        emit(pending)
        pending = ""
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
