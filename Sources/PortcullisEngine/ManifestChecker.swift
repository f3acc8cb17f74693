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
        /// The problems of the file's inline suppressions (unknown directives, unused ones), once
        /// they are applied to `findings`; `nil` while they are not.
        package var suppressionProblems: [Diagnostic]?

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
    ///
    /// A file is evaluated as soon as it is loaded, then handed to `finishing` (which may let its
    /// documents go: `ManifestFile.released()`), so memory holds the files being worked on, not the
    /// run. When rules look across documents, a file holding documents they need
    /// (`CrossDocumentScope`) is kept loaded until every file is read, then evaluated against them
    /// all; the others are still evaluated at once.
    /// With `progress`, each file loaded and evaluated is counted there.
    package func check(_ inputs: [InputFile], parallel: Bool = true, progress: CheckProgress? = nil,
                       finishing: @Sendable (FileResult) -> FileResult = { $0 }) -> [FileResult] {
        let loader = self.loader
        let scope = CrossDocumentScope(graph)
        progress?.files.store(inputs.count, ordering: .relaxed)
        progress?.loadsFirst.store(!scope.isEmpty, ordering: .relaxed)
        enum FirstPass: Sendable {
            case done(FileResult)
            case waiting(ManifestFile)
        }
        let firstPass = InputOrder.map(inputs, parallel: parallel) { input -> FirstPass in
            var file = loader.load(input)
            progress?.loaded(file.resources.count)
            guard !scope.needs(file) else {
                // Evaluation reads the node arena, not the bytes: a file read from disk lets them go.
                file.source = file.source.detached()
                return .waiting(file)
            }
            let result = finishing(evaluate(file))
            progress?.evaluated(file.resources.count)
            return .done(result)
        }
        let waiting = firstPass.compactMap { if case .waiting(let file) = $0 { file } else { nil } }
        let inputSet = waiting.isEmpty ? .empty : InputSet(documents: waiting.flatMap { $0.resources.filter(scope.contains) })
        var secondPass = InputOrder.map(waiting, parallel: parallel) {
            let result = finishing(evaluate($0, in: inputSet))
            progress?.evaluated($0.resources.count)
            return result
        }.makeIterator()
        return firstPass.map { pass in
            switch pass {
            case .done(let result): result
            case .waiting: secondPass.next()!  // one second-pass result per waiting file, in order
            }
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
