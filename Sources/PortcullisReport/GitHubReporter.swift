import PortcullisDiagnostics
import PortcullisEngine

/// GitHub Actions workflow commands: each active finding and input problem becomes an annotation on
/// the pull request's diff (`::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`).
public struct GitHubReporter: Reporter {
    public init() {}

    public func render(_ report: RunReport) -> String {
        var out = ""
        for diagnostic in report.diagnostics {
            var properties: [(String, String)] = []
            if let path = diagnostic.path { properties.append(("file", path)) }
            if let span = diagnostic.span, span.start.line >= 1 {
                properties += [("line", "\(span.start.line)"), ("col", "\(span.start.column)")]
            }
            properties.append(("title", diagnostic.id.rawValue))
            out += command(diagnostic.severity, properties, diagnostic.message)
        }
        for finding in report.activeFindings {
            let properties = [
                ("file", finding.path), ("line", "\(finding.span.start.line)"), ("col", "\(finding.span.start.column)"),
                ("endLine", "\(finding.span.end.line)"), ("endColumn", "\(finding.span.end.column)"), ("title", finding.policyID),
            ]
            var message = finding.message
            if let help = finding.help { message += "\n" + help }
            out += command(finding.severity, properties, message)
        }
        return out
    }

    private func command(_ severity: Severity, _ properties: [(String, String)], _ message: String) -> String {
        let name = severity == .error ? "error" : severity == .warning ? "warning" : "notice"
        let list = properties.map { "\($0.0)=\(Self.escapeProperty($0.1))" }.joined(separator: ",")
        return "::\(name) \(list)::\(Self.escapeData(message))\n"
    }

    /// The escaping the Actions runner undoes (toolkit's `escapeData` / `escapeProperty`).
    static func escapeData(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D").replacingOccurrences(of: "\n", with: "%0A")
    }

    static func escapeProperty(_ text: String) -> String {
        escapeData(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
