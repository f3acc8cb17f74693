import Foundation
import PortcullisDiagnostics
import PortcullisEngine

/// `--format json`: a documented, versioned report (docs/json-report.md, schemas/report.schema.json)
/// with every field of every finding; keys sorted, no times, so the same run gives the same bytes.
package struct JSONReporter: Reporter {
    package static let schemaVersion = 2

    package init() {}

    struct Document: Encodable {
        var version = JSONReporter.schemaVersion
        var tool = ToolRecord()
        var findings: [FindingRecord]
        var diagnostics: [DiagnosticRecord]
        var summary: Summary
    }

    struct ToolRecord: Encodable {
        var name = Tool.name
        var version = Tool.version
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
        var fingerprint: String
        var suppression: SuppressionRecord?
    }

    struct SuppressionRecord: Encodable {
        var kind: String
        var justification: String
        var origin: String
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
        var suppressed: Int
        var baselineMatches: Int
    }

    package func render(_ report: RunReport) -> String {
        let findings = report.findings.map { f in
            FindingRecord(file: f.path, line: f.span.start.line, column: f.span.start.column, endLine: f.span.end.line,
                          endColumn: f.span.end.column, document: f.documentIndex, item: f.listItemIndex, kind: f.kind,
                          namespace: f.namespace, name: f.name, jsonPath: f.jsonPath, policy: f.policyID,
                          severity: f.severity.rawValue, message: f.message, help: f.help, helpUrl: f.helpURL,
                          remediation: f.remediation, fingerprint: FindingKey(f).hash,
                          suppression: f.suppression.map { SuppressionRecord(kind: $0.kind.rawValue, justification: $0.justification, origin: $0.origin) })
        }
        let diagnostics = report.diagnostics.map { d in
            DiagnosticRecord(file: d.path, line: d.span?.start.line, column: d.span?.start.column, id: d.id.rawValue,
                             severity: d.severity.rawValue, message: d.message)
        }
        var counts: [String: Int] = [:]
        for severity in Severity.allCases { counts[severity.rawValue] = report.count(severity) }
        let document = Document(findings: findings, diagnostics: diagnostics,
                                summary: Summary(files: report.sources.count, resources: report.resourceCount, policies: report.rules.count,
                                                 findings: counts, suppressed: report.findings.count - report.activeFindings.count,
                                                 baselineMatches: report.baselineMatches))
        return JSONText.encode(document)
    }
}

/// Sorted, pretty JSON with a final newline.
enum JSONText {
    static func encode<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        let data = (try? encoder.encode(value)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
