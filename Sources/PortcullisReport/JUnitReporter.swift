import PortcullisDiagnostics
import PortcullisEngine

/// JUnit XML for CI systems that show test reports: a test suite per policy, a failing test case per
/// finding (a skipped one when suppressed), a passing case for a policy without findings, and a
/// suite of input problems.
package struct JUnitReporter: Reporter {
    package init() {}

    package func render(_ report: RunReport) -> String {
        var suites = ""
        var totalTests = 0, totalFailures = 0, totalErrors = 0, totalSkipped = 0
        let byPolicy = Dictionary(grouping: report.findings, by: \.policyID)
        // Every policy that ran, and the tool's own findings (an expired waiver).
        for id in Set(report.rules.map(\.id)).union(byPolicy.keys).sorted() {
            let findings = byPolicy[id] ?? []
            var cases = ""
            var failures = 0, skipped = 0
            if findings.isEmpty {
                cases += "    <testcase name=\"\(xml(id))\" classname=\"\(xml(id))\"/>\n"
            }
            for finding in findings {
                let resource = [finding.namespace, finding.kind, finding.name].compactMap { $0 }.joined(separator: "/")
                let name = "\(resource.isEmpty ? "document \(finding.documentIndex + 1)" : resource) at \(finding.path):\(finding.span.start.line):\(finding.span.start.column)"
                cases += "    <testcase name=\"\(xml(name))\" classname=\"\(xml(id))\" file=\"\(xml(finding.path))\" line=\"\(finding.span.start.line)\">\n"
                if let suppression = finding.suppression {
                    skipped += 1
                    cases += "      <skipped message=\"\(xml("suppressed: " + suppression.justification))\"/>\n"
                } else {
                    failures += 1
                    var body = "\(finding.path):\(finding.span.start.line):\(finding.span.start.column): \(finding.message)"
                    if let help = finding.help { body += "\nhelp: " + help }
                    cases += "      <failure message=\"\(xml(finding.message))\" type=\"\(finding.severity.rawValue)\">\(xml(body))</failure>\n"
                }
                cases += "    </testcase>\n"
            }
            let tests = max(findings.count, 1)
            totalTests += tests
            totalFailures += failures
            totalSkipped += skipped
            suites += "  <testsuite name=\"\(xml(id))\" tests=\"\(tests)\" failures=\"\(failures)\" errors=\"0\" skipped=\"\(skipped)\">\n" + cases + "  </testsuite>\n"
        }
        let problems = report.diagnostics.filter { $0.severity == .error }
        if !problems.isEmpty {
            suites += "  <testsuite name=\"input\" tests=\"\(problems.count)\" failures=\"0\" errors=\"\(problems.count)\" skipped=\"0\">\n"
            for problem in problems {
                let place = [problem.path, problem.span.map { "\($0.start.line):\($0.start.column)" }].compactMap { $0 }.joined(separator: ":")
                suites += "    <testcase name=\"\(xml(place.isEmpty ? problem.id.rawValue : place))\" classname=\"\(xml(problem.id.rawValue))\">\n"
                suites += "      <error message=\"\(xml(problem.message))\" type=\"\(xml(problem.id.rawValue))\"/>\n    </testcase>\n"
            }
            suites += "  </testsuite>\n"
            totalTests += problems.count
            totalErrors += problems.count
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<testsuites name=\"portcullis\" tests=\"\(totalTests)\" failures=\"\(totalFailures)\" errors=\"\(totalErrors)\" skipped=\"\(totalSkipped)\">\n"
            + suites + "</testsuites>\n"
    }

    /// XML text and attribute escaping; characters XML 1.0 cannot hold become U+FFFD.
    func xml(_ text: String) -> String {
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
