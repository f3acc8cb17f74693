import Foundation
import PortcullisDiagnostics
import PortcullisEngine

/// The `--format json` report: findings and problems with every field, keys sorted, no times.
enum JSONReport {
    struct Report: Encodable {
        var version = 1
        var findings: [FindingRecord]
        var diagnostics: [DiagnosticRecord]
        var summary: Summary
    }

    struct FindingRecord: Encodable {
        var file: String
        var line: Int
        var column: Int
        var endLine: Int
        var endColumn: Int
        var document: Int
        var item: Int?
        var kind: String?
        var namespace: String?
        var name: String?
        var jsonPath: String
        var policy: String
        var severity: String
        var message: String
        var help: String?
        var helpUrl: String?
        var remediation: String?
    }

    struct DiagnosticRecord: Encodable {
        var file: String?
        var line: Int?
        var column: Int?
        var id: String
        var severity: String
        var message: String
    }

    struct Summary: Encodable {
        var files: Int
        var resources: Int
        var policies: Int
        var findings: [String: Int]
    }

    static func render(results: [ManifestChecker.FileResult], discoveryDiagnostics: [Diagnostic], graph: RuleGraph) -> String {
        let findings = results.flatMap(\.findings).map { f in
            FindingRecord(file: f.path, line: f.span.start.line, column: f.span.start.column, endLine: f.span.end.line,
                          endColumn: f.span.end.column, document: f.documentIndex, item: f.listItemIndex, kind: f.kind,
                          namespace: f.namespace, name: f.name, jsonPath: f.jsonPath, policy: f.policyID,
                          severity: f.severity.rawValue, message: f.message, help: f.help, helpUrl: f.helpURL, remediation: f.remediation)
        }
        let diagnostics = (discoveryDiagnostics + results.flatMap { $0.file.diagnostics + $0.issues }).map { d in
            DiagnosticRecord(file: d.path, line: d.span?.start.line, column: d.span?.start.column, id: d.id.rawValue,
                             severity: d.severity.rawValue, message: d.message)
        }
        var counts: [String: Int] = [:]
        for severity in Severity.allCases { counts[severity.rawValue] = findings.filter { $0.severity == severity.rawValue }.count }
        let report = Report(findings: findings, diagnostics: diagnostics,
                            summary: Summary(files: results.count, resources: results.reduce(0) { $0 + $1.file.resources.count },
                                             policies: graph.rules.count, findings: counts))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        let data = (try? encoder.encode(report)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
