import PortcullisDiagnostics
import PortcullisEngine

/// GitHub Actions workflow commands: each active finding and input problem becomes an annotation on
/// the pull request's diff (`::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`).
package struct GitHubReporter: StreamingReporter {
    package init() {}

    /// The commands in pieces of about 64 KiB, handed on as they are made: a report of a million
    /// findings is never held whole.
    package func render(_ report: RunReport, into emit: (String) -> Void) {
        var pieces = ReportPieces()
        func add(_ text: String) { pieces.add(text, emit) }
        for diagnostic in report.diagnostics {
            var properties: [(String, String)] = []
            if let path = diagnostic.path { properties.append(("file", path)) }
            if let span = diagnostic.span, span.start.line >= 1 {
                properties += [("line", "\(span.start.line)"), ("col", "\(span.start.column)")]
            }
            properties.append(("title", diagnostic.id.rawValue))
            add(command(diagnostic.severity, properties, diagnostic.message))
        }
        for finding in report.findings where !finding.isSuppressed {
            let properties = [
                ("file", finding.path), ("line", "\(finding.span.start.line)"), ("col", "\(finding.span.start.column)"),
                ("endLine", "\(finding.span.end.line)"), ("endColumn", "\(finding.span.end.column)"), ("title", finding.policyID),
            ]
            var message = finding.message
            if let help = finding.help { message += "\n" + help }
            add(command(finding.severity, properties, message))
        }
        pieces.finish(emit)
    }

    private func command(_ severity: Severity, _ properties: [(String, String)], _ message: String) -> String {
        let name = severity == .error ? "error" : severity == .warning ? "warning" : "notice"
        let list = properties.map { "\($0.0)=\(Self.escapeProperty($0.1))" }.joined(separator: ",")
        return "::\(name) \(list)::\(Self.escapeData(message))\n"
    }

    /// The escaping the Actions runner undoes (toolkit's `escapeData` / `escapeProperty`).
    static func escapeData(_ text: String) -> String { escape(text, property: false) }

    static func escapeProperty(_ text: String) -> String { escape(text, property: true) }

    /// One pass over the scalars (a chain of replacingOccurrences cost more than the rest of the report).
    private static func escape(_ text: String, property: Bool) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar {
            case "%": out.append(contentsOf: "%25".unicodeScalars)
            case "\r": out.append(contentsOf: "%0D".unicodeScalars)
            case "\n": out.append(contentsOf: "%0A".unicodeScalars)
            case ":" where property: out.append(contentsOf: "%3A".unicodeScalars)
            case "," where property: out.append(contentsOf: "%2C".unicodeScalars)
            default: out.append(scalar)
            }
        }
        return String(out)
    }
}
