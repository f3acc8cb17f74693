import PortcullisDiagnostics
import PortcullisEngine

/// JUnit XML for CI systems that show test reports: a test suite per policy, a failing test case per
/// finding (a skipped one when suppressed), a passing case for a policy without findings, and a
/// suite of input problems.
package struct JUnitReporter: StreamingReporter {
    package init() {}

    /// The document in pieces of about 64 KiB, handed on as they are made. Each suite's totals are
    /// counted first, in one pass that notes where each policy's findings are kept (the root's
    /// come from the run's counts); each suite then reads its findings from there, one by one (a
    /// packed file's findings are not unpacked whole for each policy). No suite is held whole.
    package func render(_ report: RunReport, into emit: (String) -> Void) {
        var pieces = ReportPieces()
        func add(_ text: String) { pieces.add(text, emit) }
        var byPolicy: [String: (findings: [FindingList.Locator], skipped: Int)] = [:]
        report.findings.forEachLocator { policyID, isSuppressed, locator in
            byPolicy[policyID, default: ([], 0)].findings.append(locator)
            if isSuppressed { byPolicy[policyID]!.skipped += 1 }
        }
        // Every policy that ran, and the tool's own findings (an expired waiver).
        let ids = Set(report.rules.map(\.id)).union(byPolicy.keys).sorted()
        let problems = report.diagnostics.filter { $0.severity == .error }
        let skippedCount = report.suppressedCount
        let totalTests = ids.reduce(0) { $0 + max(byPolicy[$1]?.findings.count ?? 0, 1) } + problems.count
        add("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<testsuites name=\"portcullis\" tests=\"\(totalTests)\" failures=\"\(report.findings.count - skippedCount)\" "
            + "errors=\"\(problems.count)\" skipped=\"\(skippedCount)\">\n")
        for id in ids {
            let (locators, skipped) = byPolicy[id] ?? ([], 0)
            add("  <testsuite name=\"\(xml(id))\" tests=\"\(max(locators.count, 1))\" failures=\"\(locators.count - skipped)\" errors=\"0\" skipped=\"\(skipped)\">\n")
            if locators.isEmpty {
                add("    <testcase name=\"\(xml(id))\" classname=\"\(xml(id))\"/>\n")
            }
            report.findings.forEachFinding(at: locators) { add(testCase($0, policy: id)) }
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
        // Worked on the UTF-8 bytes: every character escaped is ASCII, save U+FFFE and U+FFFF
        // (EF BF BE, EF BF BF); other bytes are copied. Most text needs nothing and is returned
        // as it is.
        var text = text
        let escaped: [UInt8]? = text.withUTF8 { bytes in
            guard let first = bytes.firstIndex(where: Self.mayNeedEscape) else { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + bytes.count / 8 + 8)
            out.append(contentsOf: bytes[..<first])
            var index = first
            while index < bytes.count {
                let byte = bytes[index]
                index += 1
                switch byte {
                case UInt8(ascii: "&"): out.append(contentsOf: "&amp;".utf8)
                case UInt8(ascii: "<"): out.append(contentsOf: "&lt;".utf8)
                case UInt8(ascii: ">"): out.append(contentsOf: "&gt;".utf8)
                case UInt8(ascii: "\""): out.append(contentsOf: "&quot;".utf8)
                case UInt8(ascii: "'"): out.append(contentsOf: "&apos;".utf8)
                case UInt8(ascii: "\n"): out.append(contentsOf: "&#10;".utf8)
                case UInt8(ascii: "\t"), UInt8(ascii: "\r"): out.append(byte)
                case ..<0x20: out.append(contentsOf: Self.replacement)
                case 0xEF where index + 1 < bytes.count && bytes[index] == 0xBF && bytes[index + 1] >= 0xBE:
                    out.append(contentsOf: Self.replacement)
                    index += 2
                default: out.append(byte)
                }
            }
            return out
        }
        return escaped.map { String(decoding: $0, as: UTF8.self) } ?? text
    }

    /// U+FFFD in UTF-8.
    private static let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]

    /// A markup or control byte, or 0xEF, which may start U+FFFE or U+FFFF.
    private static func mayNeedEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
            || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") || byte == 0xEF
    }
}
