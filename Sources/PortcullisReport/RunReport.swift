import PortcullisDiagnostics
import PortcullisEngine

/// Everything a run produced, as reporters see it: findings (suppressed ones included), problems,
/// the policies that ran, and counts. Reporters know nothing else of the engine.
public struct RunReport: Sendable {
    /// Findings in report order.
    public var findings: [Finding]
    /// Input problems, evaluation problems, unused suppressions.
    public var diagnostics: [Diagnostic]
    /// The policies of the run (SARIF's `rules`, JUnit's suites).
    public var rules: [PolicyInfo]
    /// The inputs, in input order: text reports show their lines.
    public var sources: [SourceFile]
    /// Other files findings and problems may point into (the configuration file), not counted as inputs.
    public var supportingSources: [SourceFile] = []
    public var resourceCount: Int
    /// How long the run took (text summary only: other formats stay reproducible).
    public var duration: Duration?
    /// Findings left out because the baseline holds them.
    public var baselineMatches: Int
    /// The folder artifact URIs are made relative to (the repository root).
    public var rootPath: String?

    public init(findings: [Finding], diagnostics: [Diagnostic], rules: [PolicyInfo], sources: [SourceFile], resourceCount: Int,
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

    /// Findings that count: not suppressed.
    public var activeFindings: [Finding] { findings.filter { $0.suppression == nil } }

    /// Active findings per severity.
    public func count(_ severity: Severity) -> Int { activeFindings.filter { $0.severity == severity }.count }
}

/// The tool, as reports name it.
public enum Tool {
    public static let name = "Portcullis"
    public static let version = "0.5.0"
    public static let informationURI = "https://github.com/portcullis-dev/portcullis"
}
