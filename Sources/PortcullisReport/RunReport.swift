import PortcullisDiagnostics
import PortcullisEngine

/// Everything a run produced, as reporters see it: findings (suppressed ones included), problems,
/// the policies that ran, and counts. Reporters know nothing else of the engine.
package struct RunReport: Sendable {
    /// Findings in report order, file by file, some of them packed (`FindingList`).
    package var findings: FindingList
    /// Input problems, evaluation problems, unused suppressions.
    package var diagnostics: [Diagnostic]
    /// The policies of the run (SARIF's `rules`, JUnit's suites).
    package var rules: [PolicyInfo]
    /// The inputs, in input order: text reports show their lines.
    package var sources: [SourceFile]
    /// Other files findings and problems may point into (the configuration file), not counted as inputs.
    package var supportingSources: [SourceFile] = []
    package var resourceCount: Int
    /// How long the run took (text summary only: other formats stay reproducible).
    package var duration: Duration?
    /// Findings left out because the baseline holds them.
    package var baselineMatches: Int
    /// Those findings themselves, when known (the HTML report lists them apart).
    package var baselineFindings: [Finding] = []
    /// The folder artifact URIs are made relative to (the repository root).
    package var rootPath: String?
    /// The names standard input was shown as (`--stdin-filename`): SARIF gives them as they are.
    package var standardInputNames: Set<String> = []

    package init(findings: FindingList, diagnostics: [Diagnostic], rules: [PolicyInfo], sources: [SourceFile], resourceCount: Int,
                duration: Duration? = nil, baselineMatches: Int = 0, rootPath: String? = nil) {
        self.findings = findings
        self.diagnostics = diagnostics
        self.rules = rules
        self.sources = sources
        self.resourceCount = resourceCount
        self.duration = duration
        self.baselineMatches = baselineMatches
        self.rootPath = rootPath
    }

    /// Suppressed findings, counted in place (a packed file's were counted when it was packed).
    package var suppressedCount: Int {
        findings.parts.reduce(0) { $0 + $1.suppressedCount }
    }

    /// Active findings per severity, counted in place (a packed file's were counted when it was packed).
    package func count(_ severity: Severity) -> Int {
        findings.parts.reduce(0) { $0 + $1.activeCount(severity) }
    }
}

/// The tool, as reports name it.
package enum Tool {
    package static let name = "Portcullis"
    package static let version = "0.6.0"
    /// The tool's own policy: a waiver in the configuration has expired.
    package static let expiredWaiverPolicy = "portcullis/expired-waiver"
    package static let informationURI = "https://github.com/portcullis-dev/portcullis"
}
