import PortcullisDiagnostics
import PortcullisEngine
@testable import PortcullisReport
import Testing

/// The table of findings per policy counts, for each policy, the files holding its active findings
/// once each, whether a file's findings come together or apart (a rendered overlay's findings are
/// placed in files met before); suppressed findings count apart and hold no file.
@Suite struct PolicySummaryTests {
    static func finding(_ policy: String, _ path: String, severity: Severity = .error, suppressed: Bool = false) -> Finding {
        Finding(policyID: policy, severity: severity, message: "m", path: path, span: SourceSpan(start: SourceLocation(line: 1, column: 1)),
                documentIndex: 0, listItemIndex: nil, kind: "Pod", namespace: nil, name: "p", pathComponents: [], help: nil, helpURL: nil,
                remediation: nil, suppression: suppressed ? Suppression(kind: .inSource, justification: "why", origin: "comment") : nil)
    }

    @Test func filesAreCountedOncePerPolicyWhereverTheirFindingsStand() {
        let findings = [
            Self.finding("a/one", "x.yaml"), Self.finding("a/one", "x.yaml"), Self.finding("b/two", "x.yaml", severity: .warning),
            Self.finding("a/one", "y.yaml"), Self.finding("b/two", "y.yaml", suppressed: true),
            Self.finding("a/one", "x.yaml"),  // x.yaml again, after y.yaml
            Self.finding("b/two", "z.yaml", suppressed: true),
        ] + (0..<200).map { Self.finding("c/three", "f\($0 % 130).yaml", severity: .info) }
        let report = RunReport(findings: FindingList(parts: [.findings(findings)]), diagnostics: [], rules: [], sources: [], resourceCount: 0)
        let summary = PolicySummary(report)
        let rows = Dictionary(uniqueKeysWithValues: summary.rows.map { ($0.policy, $0) })
        #expect(rows["a/one"].map { [$0.findings, $0.files, $0.suppressed] } == [4, 2, 0])
        #expect(rows["b/two"].map { [$0.findings, $0.files, $0.suppressed] } == [1, 1, 2])
        #expect(rows["c/three"].map { [$0.findings, $0.files, $0.suppressed] } == [200, 130, 0])
        #expect(summary.findings == 205 && summary.suppressed == 2)
        // x, y and the 130 files of c/three; z.yaml holds only a suppressed finding.
        #expect(summary.files == 132)
        #expect(summary.rows.map(\.policy) == ["c/three", "a/one", "b/two"])
    }

    /// A run's findings share their `deny` block's part and their resource's part (the table looks
    /// a policy up once per rule and a path once per resource): counted as if each stood alone,
    /// with a policy of two blocks of different severities, suppressed findings, and a second part
    /// held or packed.
    @Test func findingsSharingTheirRuleAndResourceAreCountedAsAlone() {
        let ruleA = Self.finding("a/one", "x.yaml", severity: .warning)
        let ruleAError = Self.finding("a/one", "x.yaml", severity: .error)
        let ruleB = Self.finding("b/two", "y.yaml", severity: .info)
        let otherInX = Self.finding("c/three", "x.yaml")
        let inZ = Self.finding("c/three", "z.yaml")
        func sharing(_ rule: Finding, _ resource: Finding, suppressed: Bool = false) -> Finding {
            var finding = Finding(rule: rule.parts.rule, resource: resource.parts.resource, text: rule.parts.text, span: rule.span)
            if suppressed { finding.suppression = Suppression(kind: .inSource, justification: "why", origin: "comment") }
            return finding
        }
        let first = [sharing(ruleA, ruleA), sharing(ruleB, ruleA), sharing(ruleA, otherInX), sharing(ruleAError, otherInX),
                     sharing(ruleA, ruleB), sharing(ruleB, ruleB, suppressed: true), sharing(ruleA, ruleA)]
        let second = [sharing(ruleB, inZ), sharing(ruleA, inZ), sharing(ruleAError, inZ, suppressed: true), sharing(ruleB, ruleA)]
        for packed in [false, true] {
            let secondPart: FindingList.Part = packed ? .packed(PackedFindings(second, rules: FindingRuleTable())) : .findings(second)
            let report = RunReport(findings: FindingList(parts: [.findings(first), secondPart]), diagnostics: [], rules: [], sources: [],
                                   resourceCount: 0)
            let summary = PolicySummary(report)
            // Each finding alone: its policy, severity, suppression and path read from a copy.
            var expected: [String: PolicySummary.Row] = [:]
            var files: [String: Set<String>] = [:]
            for finding in report.findings {
                var row = expected[finding.policyID] ?? PolicySummary.Row(policy: finding.policyID, severity: finding.severity, findings: 0,
                                                                          files: 0, suppressed: 0)
                row.severity = max(row.severity, finding.severity)
                if finding.isSuppressed {
                    row.suppressed += 1
                } else {
                    row.findings += 1
                    files[finding.policyID, default: []].insert(finding.path)
                }
                row.files = files[finding.policyID]?.count ?? 0
                expected[finding.policyID] = row
            }
            #expect(Dictionary(uniqueKeysWithValues: summary.rows.map { ($0.policy, $0) }) == expected, "packed: \(packed)")
            #expect(expected["a/one"].map { [$0.findings, $0.files, $0.suppressed] } == [6, 3, 1])
            #expect(expected["a/one"]?.severity == .error)
            #expect(expected["b/two"].map { [$0.findings, $0.files, $0.suppressed] } == [3, 2, 1])
            #expect(summary.findings == 9 && summary.suppressed == 2 && summary.files == 3)
        }
    }
}
