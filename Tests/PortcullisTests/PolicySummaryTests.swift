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
}
