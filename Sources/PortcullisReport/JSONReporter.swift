import PortcullisDiagnostics
import PortcullisEngine

/// `--format json`: a documented, versioned report (docs/json-report.md, schemas/report.schema.json)
/// with every field of every finding; keys sorted, no times, so the same run gives the same bytes.
package struct JSONReporter: StreamingReporter {
    package static let schemaVersion = 2

    package init() {}

    /// The report in pieces of about a megabyte, handed on as the findings are written.
    package func render(_ report: RunReport, into emit: (String) -> Void) {
        renderUTF8(report) { emit(String(decoding: $0, as: UTF8.self)) }
    }

    /// The pieces as the writer made them, with no `String` made of each.
    package func renderUTF8(_ report: RunReport, into emit: (UnsafeRawBufferPointer) -> Void) {
        var json = JSONWriter(style: .indentedLikeJSONEncoder, capacity: 1 << 16)
        // Keys in sorted order, member by member: the report's bytes are documented as sorted.
        json.beginObject()
        json.key("diagnostics")
        json.beginArray()
        for d in report.diagnostics {
            json.beginObject()
            json.member("column", d.span?.start.column)
            json.member("file", d.path)
            json.member("id", d.id.rawValue)
            json.member("line", d.span?.start.line)
            json.member("message", d.message)
            json.member("severity", d.severity.rawValue)
            json.endObject()
        }
        json.endArray()
        json.key("findings")
        json.beginArray()
        for f in report.findings {
            // The key's JSON path serves both members.
            let key = FindingKey(f)
            json.beginObject()
            json.member("check", f.check)
            json.member("column", f.span.start.column)
            json.member("document", f.documentIndex)
            json.member("endColumn", f.span.end.column)
            json.member("endLine", f.span.end.line)
            json.member("file", f.path)
            json.member("fingerprint", key.hash)
            json.member("help", f.help)
            json.member("helpUrl", f.helpURL)
            json.member("item", f.listItemIndex)
            json.member("jsonPath", key.jsonPath)
            json.member("kind", f.kind)
            json.member("line", f.span.start.line)
            json.member("message", f.message)
            json.member("name", f.name)
            json.member("namespace", f.namespace)
            json.member("policy", f.policyID)
            json.member("remediation", f.remediation)
            json.member("severity", f.severity.rawValue)
            if let suppression = f.suppression {
                json.key("suppression")
                json.beginObject()
                json.member("justification", suppression.justification)
                json.member("kind", suppression.kind.rawValue)
                json.member("origin", suppression.origin)
                json.endObject()
            }
            json.endObject()
            if json.bytes.count >= 1 << 20 { json.takeBytes(emit) }
        }
        json.endArray()
        json.key("summary")
        json.beginObject()
        json.member("baselineMatches", report.baselineMatches)
        json.key("byPolicy")
        json.beginArray()
        for row in PolicySummary(report).rows {
            json.beginObject()
            json.member("files", row.files)
            json.member("findings", row.findings)
            json.member("policy", row.policy)
            json.member("severity", row.severity.rawValue)
            json.member("suppressed", row.suppressed)
            json.endObject()
        }
        json.endArray()
        json.member("files", report.sources.count)
        json.key("findings")
        json.beginObject()
        for severity in Severity.allCases.sorted(by: { $0.rawValue < $1.rawValue }) {
            json.member(severity.rawValue, report.count(severity))
        }
        json.endObject()
        json.member("policies", report.rules.count)
        json.member("resources", report.resourceCount)
        json.member("suppressed", report.suppressedCount)
        json.endObject()
        json.key("tool")
        json.beginObject()
        json.member("name", Tool.name)
        json.member("version", Tool.version)
        json.endObject()
        json.member("version", Self.schemaVersion)
        json.endObject()
        json.append(raw: "\n")
        json.takeBytes(emit)
    }
}
