import PortcullisDiagnostics
import PortcullisManifest

/// Loads manifests and evaluates a rule graph over them, file by file, on all cores.
public struct ManifestChecker: Sendable {
    /// One file's outcome.
    public struct FileResult: Sendable {
        public var file: ManifestFile
        public var findings: [Finding]
        /// Problems met while evaluating (not policy violations).
        public var issues: [Diagnostic]
    }

    public let graph: RuleGraph
    public let loader: ManifestLoader

    public init(graph: RuleGraph, loader: ManifestLoader = ManifestLoader()) {
        self.graph = graph
        self.loader = loader
    }

    /// Checks every input; results are in input order whatever the scheduling.
    public func check(_ inputs: [InputFile], parallel: Bool = true) -> [FileResult] {
        let loader = self.loader
        return InputOrder.map(inputs, parallel: parallel) { evaluate(loader.load($0)) }
    }

    /// Evaluates an already loaded file.
    public func evaluate(_ file: ManifestFile) -> FileResult {
        var evaluator = Evaluator(graph: graph)
        var findings: [Finding] = []
        for resource in file.resources { findings += evaluator.evaluate(resource) }
        // One file: order by line and column (integers), looking at policy and message only on ties;
        // then permute once (a Finding is large, and a sort would move it many times).
        let keys = findings.map { (line: $0.span.start.line, column: $0.span.start.column) }
        let order = findings.indices.sorted { a, b in
            if keys[a] != keys[b] { return keys[a] < keys[b] }
            return Finding.reportOrder(findings[a], findings[b])
        }
        findings = order.map { findings[$0] }
        return FileResult(file: file, findings: findings, issues: evaluator.issues)
    }
}
