import PortcullisDiagnostics
import PortcullisManifest

/// Loads manifests and evaluates a rule graph over them, file by file, on all cores.
package struct ManifestChecker: Sendable {
    /// One file's outcome.
    package struct FileResult: Sendable {
        package var file: ManifestFile
        package var findings: [Finding]
        /// Problems met while evaluating (not policy violations).
        package var issues: [Diagnostic]

        package init(file: ManifestFile, findings: [Finding], issues: [Diagnostic]) {
            self.file = file
            self.findings = findings
            self.issues = issues
        }
    }

    package let graph: RuleGraph
    package let loader: ManifestLoader
    /// Findings kept per resource (a policy over a list of 100,000 containers would otherwise make
    /// 100,000 findings); past it, one error says how many were left out.
    package var maxFindingsPerResource: Int

    package init(graph: RuleGraph, loader: ManifestLoader = ManifestLoader(), maxFindingsPerResource: Int = 1_000) {
        self.graph = graph
        self.loader = loader
        self.maxFindingsPerResource = maxFindingsPerResource
    }

    /// Checks every input; results are in input order whatever the scheduling.
    /// Files are loaded and evaluated one by one, unless a rule looks across documents: then every
    /// file is loaded first and the rules see the whole input set.
    /// With `progress`, each file loaded and evaluated is counted there.
    package func check(_ inputs: [InputFile], parallel: Bool = true, progress: CheckProgress? = nil) -> [FileResult] {
        let loader = self.loader
        progress?.files.store(inputs.count, ordering: .relaxed)
        progress?.loadsFirst.store(graph.isCrossDocument, ordering: .relaxed)
        guard graph.isCrossDocument else {
            return InputOrder.map(inputs, parallel: parallel) {
                let file = loader.load($0)
                progress?.loaded(file.resources.count)
                let result = evaluate(file)
                progress?.evaluated(file.resources.count)
                return result
            }
        }
        let files = InputOrder.map(inputs, parallel: parallel) {
            let file = loader.load($0)
            progress?.loaded(file.resources.count)
            return file
        }
        let inputSet = InputSet(files: files)
        return InputOrder.map(files, parallel: parallel) {
            let result = evaluate($0, in: inputSet)
            progress?.evaluated($0.resources.count)
            return result
        }
    }

    /// Evaluates an already loaded file; cross-document rules look across `inputSet`.
    package func evaluate(_ file: ManifestFile, in inputSet: InputSet = .empty) -> FileResult {
        var evaluator = Evaluator(graph: graph)
        evaluator.inputSet = inputSet
        var findings: [Finding] = []
        var issues: [Diagnostic] = []
        for resource in file.resources {
            let found = evaluator.evaluate(resource, keepingAtMost: maxFindingsPerResource)
            findings += found.findings
            if found.count > maxFindingsPerResource {
                issues.append(.error("engine.too-many-findings",
                                     "this resource has \(found.count) findings; only the first \(maxFindingsPerResource) are reported (raise --max-findings-per-resource)",
                                     path: resource.path, at: resource.root.span))
            }
        }
        // One file: order by line and column (integers), looking at policy and message only on ties;
        // then permute once (a Finding is large, and a sort would move it many times).
        let keys = findings.map { (line: $0.span.start.line, column: $0.span.start.column) }
        let order = findings.indices.sorted { a, b in
            if keys[a] != keys[b] { return keys[a] < keys[b] }
            return Finding.reportOrder(findings[a], findings[b])
        }
        findings = order.map { findings[$0] }
        return FileResult(file: file, findings: findings, issues: evaluator.issues + issues)
    }
}
