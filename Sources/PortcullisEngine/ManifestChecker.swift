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
    /// (`CrossDocumentScope`) is evaluated at once by every other rule; of its documents, only
    /// what the cross-document rules read (`CrossDocumentProjection`) is kept, in an arena of its
    /// own, until every file is read; then the cross-document rules are evaluated against them all.
    /// With `progress`, each file loaded and evaluated is counted there.
    package func check(_ inputs: [InputFile], parallel: Bool = true, progress: CheckProgress? = nil,
                       finishing: @Sendable (FileResult) -> FileResult = { $0 }) -> [FileResult] {
        let loader = self.loader
        let scope = CrossDocumentScope(graph)
        let projection = scope.isEmpty ? nil : CrossDocumentProjection(graph)
        progress?.files.store(inputs.count, ordering: .relaxed)
        progress?.loadsFirst.store(!scope.isEmpty, ordering: .relaxed)
        /// A file waiting for the cross-document rules: what the other rules found, and its
        /// documents as the cross-document rules read them (`CrossDocumentProjection`).
        struct Waiting: Sendable {
            var partial: FileResult
            var kept: [Bool]
            /// Per document (in file order), the first pass's findings, those past the limit
            /// included; empty when there are none.
            var counts: [Int32]
        }
        enum FirstPass: Sendable {
            case done(FileResult)
            case waiting(Waiting)
        }
        // Which rules a kept document waits for: those that look other resources up; and, for a
        // document of a group a CustomResourceDefinition may declare, those that read what
        // definitions declare (`CrossDocumentScope`). It meets every other rule at once.
        let lookupRules = graph.lookupRules
        let crossDocumentRules = graph.crossDocumentRules
        let notLookupRules = lookupRules.map { !$0 }
        let singleDocumentRules = crossDocumentRules.map { !$0 }
        let waitsForDefinitions = ResourceScopes.isDeclarable as @Sendable (Document) -> Bool
        let firstPass = InputOrder.map(inputs, parallel: parallel) { input -> FirstPass in
            let file = loader.load(input)
            progress?.loaded(file.resources.count)
            guard let projection, scope.needs(file) else {
                let result = finishing(evaluate(file))
                progress?.evaluated(file.resources.count)
                return .done(result)
            }
            // Documents not kept are out of every cross-document rule's reach: all rules, at once.
            let kept = file.resources.map(scope.contains)
            let keptDocuments = zip(file.resources, kept).filter(\.1).map(\.0)
            let found = findings(of: [(zip(file.resources, kept).filter { !$0.1 }.map(\.0), nil),
                                      (keptDocuments.filter(waitsForDefinitions), singleDocumentRules),
                                      (keptDocuments.filter { !waitsForDefinitions($0) }, notLookupRules)], in: .empty)
            let partial = FileResult(file: projection.projected(file, keeping: kept), findings: found.findings, issues: found.issues)
            let counts = found.counts.isEmpty ? [] : file.resources.map { Int32(found.counts[DocumentKey($0)] ?? 0) }
            return .waiting(Waiting(partial: partial, kept: kept, counts: counts))
        }
        // Files done at once keep their place; the waiting ones move to the second pass, which
        // frees each file's first-pass findings and counts as it merges them.
        var done: [FileResult?] = []
        var waiting: [Waiting] = []
        done.reserveCapacity(inputs.count)
        for pass in consume firstPass {
            switch pass {
            case .done(let result): done.append(result)
            case .waiting(let file):
                done.append(nil)
                waiting.append(file)
            }
        }
        let inputSet = waiting.isEmpty ? .empty
            : InputSet(documents: waiting.flatMap { zip($0.partial.file.resources, $0.kept).filter(\.1).map(\.0) })
        var secondPass = InputOrder.map(consuming: waiting, parallel: parallel) { (file: consuming Waiting) in
            var result = file.partial
            file.partial.findings = []
            let resources = result.file.resources
            var prior: [DocumentKey: Int] = [:]
            var spans: [DocumentKey: SourceSpan] = [:]
            for (index, count) in file.counts.enumerated() where count > 0 {
                prior[DocumentKey(resources[index])] = Int(count)
                spans[DocumentKey(resources[index])] = resources[index].root.span
            }
            let kept = zip(resources, file.kept).filter(\.1).map(\.0)
            let found = findings(of: [(kept.filter(waitsForDefinitions), crossDocumentRules),
                                      (kept.filter { !waitsForDefinitions($0) }, lookupRules)], in: inputSet, prior: prior)
            // Merged in place: a new array per file, once the first pass's arrays are freed
            // between the copies kept for the run, would only grow the heap.
            result.findings += found.findings
            Self.sortInReportOrder(&result.findings)
            // The limit of findings counts both passes: one error per document, with the total.
            spans.merge(found.spans) { first, _ in first }
            result.issues = result.issues + found.issues + tooManyIssues(result.file.path, prior.merging(found.counts) { max($0, $1) }, spans: spans)
            let finished = finishing(result)
            progress?.evaluated(finished.file.resourceCount)
            return finished
        }.makeIterator()
        return done.map { $0 ?? secondPass.next()! }  // one second-pass result per waiting file, in order
    }

    /// Evaluates an already loaded file; cross-document rules look across `inputSet`.
    package func evaluate(_ file: ManifestFile, in inputSet: InputSet = .empty) -> FileResult {
        let found = findings(of: [(file.resources, nil)], in: inputSet)
        let issues = found.issues + tooManyIssues(file.path, found.counts, spans: found.spans)
        return FileResult(file: file, findings: Self.inReportOrder(found.findings), issues: issues)
    }

    /// Identifies a document of a file: its stream position and, for an item of a `List`, its index.
    struct DocumentKey: Hashable, Sendable {
        let stream: Int
        let item: Int?

        init(_ document: Document) {
            stream = document.streamIndex
            item = document.listItemIndex
        }
    }

    /// What the rules found on some documents of one file.
    struct DocumentFindings {
        var findings: [Finding] = []
        /// The evaluator's problems (a pattern at its match limit).
        var issues: [Diagnostic] = []
        /// Per document with findings, how many in all (those past the limit included), and where
        /// it stands.
        var counts: [DocumentKey: Int] = [:]
        var spans: [DocumentKey: SourceSpan] = [:]

    }

    /// The findings of each group's documents for the rules it selects (`nil`: all), with one
    /// evaluator; a document that had `prior` findings (another pass's) keeps only what the limit leaves.
    func findings(of groups: [(documents: [Document], rules: [Bool]?)], in inputSet: InputSet,
                  prior: [DocumentKey: Int] = [:]) -> DocumentFindings {
        var evaluator = Evaluator(graph: graph)
        evaluator.inputSet = inputSet
        var result = DocumentFindings()
        for (documents, rules) in groups where !documents.isEmpty {
            evaluator.ruleMask = rules
            for resource in documents {
                let key = DocumentKey(resource)
                let before = prior[key] ?? 0
                let found = evaluator.evaluate(resource, keepingAtMost: max(0, maxFindingsPerResource - before))
                result.findings += found.findings
                if before + found.count > 0 {
                    result.counts[key] = before + found.count
                    result.spans[key] = resource.root.span
                }
            }
        }
        result.issues = evaluator.issues
        return result
    }

    /// The id of the problem a resource with too many findings gets.
    static let tooManyFindings = "engine.too-many-findings"

    /// One error per document past the limit of findings, in document order.
    func tooManyIssues(_ path: String, _ counts: [DocumentKey: Int], spans: [DocumentKey: SourceSpan]) -> [Diagnostic] {
        counts.filter { $0.value > maxFindingsPerResource }
            .sorted { ($0.key.stream, $0.key.item ?? -1) < ($1.key.stream, $1.key.item ?? -1) }
            .map { key, count in
                .error(DiagnosticID(Self.tooManyFindings),
                       "this resource has \(count) findings; only the first \(maxFindingsPerResource) are reported (raise --max-findings-per-resource)",
                       path: path, at: spans[key])
            }
    }

    /// One file's findings by line and column (integers), looking at policy and message only on
    /// ties; permuted once (a Finding is large, and a sort would move it many times).
    static func inReportOrder(_ findings: [Finding]) -> [Finding] {
        let order = reportOrder(findings)
        return order.map { findings[$0] }
    }

    /// `findings` put in report order where they are: each finding moves once, along the cycles of
    /// the permutation.
    static func sortInReportOrder(_ findings: inout [Finding]) {
        var order = reportOrder(findings)
        for start in order.indices where order[start] != start {
            // Position `i` takes the finding at `order[i]`; follow the cycle from `start`.
            var current = start
            while order[current] != start {
                let next = order[current]
                findings.swapAt(current, next)
                order[current] = current
                current = next
            }
            order[current] = current
        }
    }

    /// The indexes of `findings` in report order.
    private static func reportOrder(_ findings: [Finding]) -> [Int] {
        let keys = findings.map { (line: $0.span.start.line, column: $0.span.start.column) }
        return findings.indices.sorted { a, b in
            if keys[a] != keys[b] { return keys[a] < keys[b] }
            return Finding.reportOrder(findings[a], findings[b])
        }
    }
}
