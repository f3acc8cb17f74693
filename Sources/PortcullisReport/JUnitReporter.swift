import PortcullisDiagnostics
import PortcullisEngine

/// JUnit XML for CI systems that show test reports: a test suite per policy, a failing test case per
/// finding (a skipped one when suppressed), a passing case for a policy without findings, and a
/// suite of input problems.
package struct JUnitReporter: StreamingReporter {
    package init() {}

    /// The document in pieces of about 64 KiB, handed on as they are made. The totals the root
    /// element and each suite carry are counted first, over the findings' indices by policy; no
    /// finding is copied and no suite is held whole.
    package func render(_ report: RunReport, into emit: (String) -> Void) {
        var pieces = ReportPieces()
        func add(_ text: String) { pieces.add(text, emit) }
        var byPolicy: [String: [Int]] = [:]
        for (index, finding) in report.findings.enumerated() { byPolicy[finding.policyID, default: []].append(index) }
        // Every policy that ran, and the tool's own findings (an expired waiver).
        let ids = Set(report.rules.map(\.id)).union(byPolicy.keys).sorted()
        let problems = report.diagnostics.filter { $0.severity == .error }
        let skippedCount = report.suppressedCount
        let totalTests = ids.reduce(0) { $0 + max(byPolicy[$1]?.count ?? 0, 1) } + problems.count
        add("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<testsuites name=\"portcullis\" tests=\"\(totalTests)\" failures=\"\(report.findings.count - skippedCount)\" "
            + "errors=\"\(problems.count)\" skipped=\"\(skippedCount)\">\n")
        for id in ids {
            let indices = byPolicy[id] ?? []
            let skipped = indices.reduce(0) { $0 + (report.findings[$1].isSuppressed ? 1 : 0) }
            add("  <testsuite name=\"\(xml(id))\" tests=\"\(max(indices.count, 1))\" failures=\"\(indices.count - skipped)\" errors=\"0\" skipped=\"\(skipped)\">\n")
            if indices.isEmpty {
                add("    <testcase name=\"\(xml(id))\" classname=\"\(xml(id))\"/>\n")
            }
            for index in indices {
                add(testCase(report.findings[index], policy: id))
            }
            add("  </testsuite>\n")
        }
        if !problems.isEmpty {
            add("  <testsuite name=\"input\" tests=\"\(problems.count)\" failures=\"0\" errors=\"\(problems.count)\" skipped=\"0\">\n")
            for problem in problems {
                let place = [problem.path, problem.span.map { "\($0.start.line):\($0.start.column)" }].compactMap { $0 }.joined(separator: ":")
                add("    <testcase name=\"\(xml(place.isEmpty ? problem.id.rawValue : place))\" classname=\"\(xml(problem.id.rawValue))\">\n"
                    + "      <error message=\"\(xml(problem.message))\" type=\"\(xml(problem.id.rawValue))\"/>\n    </testcase>\n")
            }
            add("  </testsuite>\n")
        }
        add("</testsuites>\n")
        pieces.finish(emit)
    }

    /// A finding's test case: failing, or skipped when suppressed.
    private func testCase(_ finding: Finding, policy id: String) -> String {
        let resource = [finding.namespace, finding.kind, finding.name].compactMap { $0 }.joined(separator: "/")
        let name = "\(resource.isEmpty ? "document \(finding.documentIndex + 1)" : resource) at \(finding.path):\(finding.span.start.line):\(finding.span.start.column)"
        var out = "    <testcase name=\"\(xml(name))\" classname=\"\(xml(id))\" file=\"\(xml(finding.path))\" line=\"\(finding.span.start.line)\">\n"
        if let suppression = finding.suppression {
            out += "      <skipped message=\"\(xml("suppressed: " + suppression.justification))\"/>\n"
        } else {
            var body = "\(finding.path):\(finding.span.start.line):\(finding.span.start.column): \(finding.message)"
            if let help = finding.help { body += "\nhelp: " + help }
            out += "      <failure message=\"\(xml(finding.message))\" type=\"\(finding.severity.rawValue)\">\(xml(body))</failure>\n"
        }
        return out + "    </testcase>\n"
    }

    /// XML text and attribute escaping; characters XML 1.0 cannot hold become U+FFFD.
    func xml(_ text: String) -> String {
        // Most text needs nothing: no markup character, no control character, no byte that may
        // start U+FFFE or U+FFFF (0xEF). Said by one pass over its bytes, without decoding scalars.
        var text = text
        let plain = text.withUTF8 { bytes in
            bytes.allSatisfy { byte in
                byte >= 0x20 && byte != UInt8(ascii: "&") && byte != UInt8(ascii: "<") && byte != UInt8(ascii: ">")
                    && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "'") && byte != 0xEF
            }
        }
        if plain { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\n": out += "&#10;"
            case "\t", "\r": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || (0xFFFE...0xFFFF).contains(scalar.value) { out += "\u{FFFD}" } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }
}
