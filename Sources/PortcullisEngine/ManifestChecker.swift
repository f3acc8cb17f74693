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
        /// `findings` as the run keeps them to its end (`FindingPacker`), once the file is settled
        /// (`findings` is then empty); `nil` while they are in `findings`.
        package var kept: FindingList.Part?

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
    /// The texts of the findings this checker makes, each held once (`FindingTextInterner`): a
    /// checker serves one run.
    package let texts = FindingTextInterner()
    /// The evaluators of `graph`, handed from file to file (`EvaluatorPool`).
    package let evaluators: EvaluatorPool
    /// Where the arenas of the documents kept for the cross-document rules go once a run has kept
    /// `spillThreshold` bytes of them (`SpillRegion`: a temporary file mapped into memory, whose
    /// pages leave the process as it goes); `nil`: they stay on the heap.
    package var spillDirectory: String? = Platform.temporaryDirectory
    package var spillThreshold = SpillRegion.defaultThreshold
    /// The spilled bytes whose pages the run keeps rather than lets go (`SpillRegion.keptBytes`).
    package var spillKeptBytes = SpillRegion.defaultKeptBytes
    /// Runs of at most this many files, when rules look across documents, load every file first and
    /// evaluate each once against all of them (`checkWhole`): a pre-commit hook's few files gain
    /// nothing from copies kept for a second pass, and working out what to copy costs more than
    /// checking a small file.
    package var wholeRunFileLimit = Self.defaultWholeRunFileLimit
    /// Where a file waiting for the cross-document rules keeps the lines its first-pass findings
    /// point at when its bytes go (`SourceFile.detached(keepingLines:within:)`); `nil`: none kept.
    package var keptLineBudget: KeptLineBudget?
    /// Packs the first pass's findings of files waiting for the cross-document rules once a run
    /// has kept enough findings (`FindingPacker`); `nil`: they wait as they are.
    package var findingPacker: FindingPacker?
    package static let defaultWholeRunFileLimit = 8

    package init(graph: RuleGraph, loader: ManifestLoader = ManifestLoader(), maxFindingsPerResource: Int = 1_000) {
        self.graph = graph
        self.loader = loader
        self.maxFindingsPerResource = maxFindingsPerResource
        evaluators = EvaluatorPool(graph: graph)
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
        progress?.files.store(inputs.count, ordering: .relaxed)
        progress?.loadsFirst.store(!scope.isEmpty, ordering: .relaxed)
        if !scope.isEmpty && inputs.count <= wholeRunFileLimit {
            return checkWhole(inputs, scope: scope, parallel: parallel, progress: progress, finishing: finishing)
        }
        let projection = scope.isEmpty ? nil : CrossDocumentProjection(graph)
        // The copies' region of their own: it closes when the second pass is done with them (the
        // packed findings' region lasts as long as the run's result).
        let region = projection == nil ? nil : spillDirectory.map {
            SpillRegion(directory: $0, threshold: spillThreshold, keptBytes: spillKeptBytes)
        }
        /// What the second pass needs of a file waiting for the cross-document rules beyond its
        /// result so far (what the other rules found, kept in the run's array of results): its
        /// documents as the cross-document rules read them (`CrossDocumentProjection`), and the
        /// first pass's counts, orders and packed findings.
        struct Pending: Sendable {
            /// The documents not copied (nothing reads them again) that are past the limit.
            var pastLimit: [(key: DocumentKey, count: Int, span: SourceSpan)]
            /// Where each first-pass finding stands in evaluating every rule (`EvaluationOrder`).
            var order: [EvaluationOrder]
            /// The first pass's findings and their orders, packed (the result's findings and
            /// `order` are then empty).
            var packed: PackedFindings?
            /// The file's copied documents, held compactly while the file waits (the result's file
            /// then holds none), with the first pass's findings on each, those past the limit
            /// included; `nil`: the file has no arena, hence no documents.
            var documents: DocumentList?
            /// Whether every document copied is one the cross-document rules need (none was copied
            /// for its suppression annotation alone): they are then not asked again which.
            var copiesAreKept: Bool

            /// `file` (the waiting file as its result holds it) with its copied documents.
            func file(_ file: ManifestFile, identities: [DocumentIdentity]) -> ManifestFile {
                guard documents != nil, file.storage != nil else { return file }
                return file.with(resources: Array(copies(of: file, identities: identities)))
            }

            /// The copied documents of `file` (as its result holds it), in order, each made as it
            /// is read (the input set reads them twice and keeps none: no array of them is made).
            func copies(of file: ManifestFile, identities: [DocumentIdentity]) -> LazyMapSequence<Range<Int>, Document> {
                let resources = file.resources, path = file.path
                guard let documents, let storage = file.storage else { return (0..<resources.count).lazy.map { resources[$0] } }
                return (0..<documents.count).lazy.map { documents.document(at: $0, path: path, in: storage, identities: identities) }
            }
        }
        // Which rules a kept document waits for: those that look other resources up; and, for a
        // document of a group a CustomResourceDefinition may declare, those that read what
        // definitions declare (`CrossDocumentScope`). It meets every other rule at once.
        let lookupRules = graph.lookupRules
        let crossDocumentRules = graph.crossDocumentRules
        let notLookupRules = lookupRules.map { !$0 }
        let singleDocumentRules = crossDocumentRules.map { !$0 }
        let secondPassMasks = [crossDocumentRules, lookupRules]
        let waitsForDefinitions = ResourceScopes.isDeclarable as @Sendable (Document) -> Bool
        // The run's results, one per file in input order, made by the first pass: a waiting file's
        // is what the other rules found, which the second pass completes in its place; what else
        // the second pass needs of it is set aside in `pending`, at the same position.
        var pending = [Pending?](repeating: nil, count: inputs.count)
        var results = pending.withUnsafeMutableBufferPointer { pending in
            nonisolated(unsafe) let pending = pending
            return InputOrder.map(inputs, parallel: parallel) { position, input -> FileResult in
                let file = loader.load(input)
                progress?.loaded(file.resources.count)
                guard let projection, scope.needs(file) else {
                    let result = finishing(evaluate(file))
                    progress?.evaluated(file.resources.count)
                    return result
                }
                // Documents not kept are out of every cross-document rule's reach: all rules, at once.
                let kept = file.resources.map { scope.contains($0) }
                let firstPassMasks = [nil, singleDocumentRules, notLookupRules]
                let found = findings(of: file.resources, masks: firstPassMasks, in: .empty, recordingOrder: true) { document, index in
                    kept[index] ? (waitsForDefinitions(document) ? 1 : 2) : 0
                }
                let keepsLines = keptLineBudget.map { !$0.isSpent } ?? false
                let lines = keepsLines ? found.findings.lines(in: file.path) + found.issues.lines(in: file.path) : []
                let projected = projection.projected(file, keeping: kept, keepingLines: lines, within: keptLineBudget, spillingTo: region)
                var counts: [Int32] = []
                var pastLimit: [(key: DocumentKey, count: Int, span: SourceSpan)] = []
                // Read once, before the loop (read through the tuple in it, the optimised build copied
                // the whole file once per document).
                let copied = projected.copied
                if !found.counts.isEmpty {
                    // By position, as `findings` noted them: no document's key hashed to find its count.
                    var countAt = [Int](repeating: 0, count: file.resources.count)
                    for counted in found.countedPositions { countAt[Int(counted.position)] = counted.count }
                    // By index: a document is read only when it is past the limit (each one read
                    // by the loop was copied, three counted references).
                    let resources = file.resources
                    for index in resources.indices {
                        let count = countAt[index]
                        if copied[index] {
                            counts.append(Int32(count))
                        } else if count > maxFindingsPerResource {
                            pastLimit.append((DocumentKey(resources[index]), count, resources[index].root.span))
                        }
                    }
                }
                let packed = findingPacker?.packFirstPass(found.findings, orders: found.order)
                // The copies' documents wait as 20 bytes each (with their first-pass finding counts), not as `Document`s.
                precondition(projected.file.storage != nil || counts.isEmpty, "findings on documents of a file without an arena")
                let documents = projected.file.storage == nil ? nil
                    : DocumentList(projected.file.resources, numberingIn: projection.identities, findingCounts: counts, spillingTo: region)
                pending[position] = Pending(pastLimit: pastLimit, order: packed == nil ? found.order : [], packed: packed,
                                            documents: documents, copiesAreKept: copied == kept)
                return FileResult(file: documents == nil ? projected.file : projected.file.with(resources: []),
                                  findings: packed == nil ? found.findings : [], issues: found.issues)
            }
        }
        // Files done at once have their results; each waiting one's result is completed in its
        // place by the second pass, which frees the file's first-pass findings and counts as it
        // merges them.
        let waitingPlaces = pending.indices.filter { pending[$0] != nil }.map { Int32($0) }
        // The copies' identities, by the numbers their `DocumentList`s hold.
        let identities = projection?.identities.all ?? []
        let inputSet = waitingPlaces.isEmpty ? .empty
            : InputSet(documents: waitingPlaces.lazy.flatMap { [results, pending] place in
                           // Reading the copies brings their pages back: let go every few files (`SpillRegion.fileRead`).
                           region?.fileRead()
                           let file = pending[Int(place)]!
                           let keepsAll = file.copiesAreKept
                           return file.copies(of: results[Int(place)].file, identities: identities).filter { keepsAll || scope.contains($0) }
                       },
                       listingKinds: graph.resourceLookupKinds, pagesIn: region)
        region?.releaseResidentPages()
        pending.withUnsafeMutableBufferPointer { pending in
            nonisolated(unsafe) let pending = pending
            InputOrder.update(&results, at: waitingPlaces, parallel: parallel) { position, result in
                let file = pending[position].take()!
                result.file = file.file(result.file, identities: identities)
                if let packed = file.packed { result.findings = packed.unpacked() }
                let resources = result.file.resources
                let keepsAll = file.copiesAreKept
                let found = findings(of: resources, masks: secondPassMasks, in: inputSet, recordingOrder: true) { document, _ in
                    guard keepsAll || scope.contains(document) else { return nil }
                    return waitsForDefinitions(document) ? 0 : 1
                }
                // Nearly every file has no document the two passes together take past the limit:
                // the largest count of each pass, added, say so without tables of counts by document.
                let firstMost = resources.indices.reduce(0) { max($0, file.documents?.findingCount(at: $1) ?? 0) }
                let secondMost = found.countedPositions.reduce(0) { max($0, $1.count) }
                var pastLimit: Set<DocumentKey> = []
                var tooMany: [Diagnostic] = []
                if !file.pastLimit.isEmpty || firstMost + secondMost > maxFindingsPerResource {
                    var prior: [DocumentKey: Int] = [:]
                    var spans: [DocumentKey: SourceSpan] = [:]
                    for index in resources.indices {
                        let count = file.documents?.findingCount(at: index) ?? 0
                        guard count > 0 else { continue }
                        prior[DocumentKey(resources[index])] = count
                        spans[DocumentKey(resources[index])] = resources[index].root.span
                    }
                    for document in file.pastLimit {
                        prior[document.key] = document.count
                        spans[document.key] = document.span
                    }
                    let totals = prior.merging(found.counts, uniquingKeysWith: +)
                    pastLimit = Set(found.counts.keys.filter { totals[$0, default: 0] > maxFindingsPerResource && prior[$0] != nil })
                    // The limit of findings counts both passes: one error per document, with the total.
                    spans.merge(found.spans) { first, _ in first }
                    tooMany = tooManyIssues(result.file.path, totals, spans: spans)
                }
                // A document past the limit over both passes keeps the first findings one pass over
                // every rule keeps; the others' are merged in place (a new array per file, once the
                // first pass's arrays are freed between the copies kept for the run, grows the heap).
                if pastLimit.isEmpty {
                    result.findings.reserveCapacity(result.findings.count + found.findings.count)
                    result.findings += found.findings
                } else {
                    result.findings = firstFindings(of: pastLimit, (result.findings, file.packed?.unpackedOrders() ?? file.order), (found.findings, found.order))
                }
                Self.sortInReportOrder(&result.findings)
                result.issues = result.issues + found.issues + tooMany
                result = finishing(result)
                region?.fileRead()
                progress?.evaluated(result.file.resourceCount)
            }
        }
        return results  // every file has its result: the first pass's, or the second's
    }

    /// A small run with cross-document rules: every file is loaded, then each is evaluated once by
    /// every rule against the documents of the run those rules need (`CrossDocumentScope`), as
    /// `check` finds with copies and two passes on a large run.
    private func checkWhole(_ inputs: [InputFile], scope: CrossDocumentScope, parallel: Bool, progress: CheckProgress?,
                            finishing: @Sendable (FileResult) -> FileResult) -> [FileResult] {
        let loader = self.loader
        let files = InputOrder.map(inputs, parallel: parallel) { input -> ManifestFile in
            let file = loader.load(input)
            progress?.loaded(file.resources.count)
            return file
        }
        let inputSet = InputSet(documents: files.lazy.flatMap { $0.resources.lazy.filter(scope.contains) },
                                listingKinds: graph.resourceLookupKinds)
        return InputOrder.map(consuming: files, parallel: parallel) { (file: consuming ManifestFile) in
            let documents = file.resources.count  // as loading counted them
            let result = finishing(evaluate(file, in: inputSet))
            progress?.evaluated(documents)
            return result
        }
    }

    /// Evaluates an already loaded file; cross-document rules look across `inputSet`.
    package func evaluate(_ file: ManifestFile, in inputSet: InputSet = .empty) -> FileResult {
        var found = findings(of: file.resources, masks: [nil], in: inputSet) { _, _ in 0 }
        let issues = found.issues + tooManyIssues(file.path, found.counts, spans: found.spans)
        Self.sortInReportOrder(&found.findings)
        return FileResult(file: file, findings: found.findings, issues: issues)
    }

    /// Identifies a document of a file: its stream position and, for an item of a `List`, its index.
    struct DocumentKey: Hashable, Sendable {
        let stream: Int
        let item: Int?

        init(_ document: Document) {
            stream = document.streamIndex
            item = document.listItemIndex
        }

        init(_ finding: Finding) {
            stream = finding.documentIndex
            item = finding.listItemIndex
        }
    }

    /// Both passes' findings, where the documents `pastLimit` keep only the first
    /// `maxFindingsPerResource` in the order one pass over every rule finds them (each pass kept
    /// at most that many of its own, so those first ones are among them).
    func firstFindings(of pastLimit: Set<DocumentKey>, _ first: (findings: [Finding], order: [EvaluationOrder]),
                       _ second: (findings: [Finding], order: [EvaluationOrder])) -> [Finding] {
        var merged: [Finding] = []
        var contested: [DocumentKey: [(order: EvaluationOrder, pass: Int, index: Int)]] = [:]
        for (pass, found) in [first, second].enumerated() {
            for (index, finding) in found.findings.enumerated() {
                let key = DocumentKey(finding)
                if pastLimit.contains(key) {
                    contested[key, default: []].append((found.order[index], pass, index))
                } else {
                    merged.append(finding)
                }
            }
        }
        for entries in contested.values {
            let ranked = entries.sorted { ($0.order, $0.pass, $0.index) < ($1.order, $1.pass, $1.index) }
            for entry in ranked.prefix(maxFindingsPerResource) {
                merged.append((entry.pass == 0 ? first.findings : second.findings)[entry.index])
            }
        }
        return merged
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
        /// The documents of `counts` by their positions among those given, in order.
        var countedPositions: [(position: Int32, count: Int)] = []
        /// With `recordingOrder`, where each finding stands in evaluating every rule.
        var order: [EvaluationOrder] = []

    }

    /// The findings of `documents`, in order, each evaluated by the rules of the mask of `masks`
    /// that `choose` picks for it (by the document and its position; `nil`: not evaluated), with
    /// one evaluator: at most `maxFindingsPerResource` per document, all of them counted; with
    /// `recordingOrder`, where each stands in evaluating every rule (to merge two passes). A run
    /// that evaluates a file's documents by different rules asks each document in place (lists
    /// of them made per mask copied every document, three counted references each).
    func findings(of documents: [Document], masks: [[Bool]?], in inputSet: InputSet, recordingOrder: Bool = false,
                  choosing choose: (Document, Int) -> Int?) -> DocumentFindings {
        // Held as an optional, so that it is moved back to the pool (`take()`): handed back from a
        // variable, it was copied, a counted reference to each of its buffers.
        var evaluator: Evaluator? = evaluators.take()
        evaluator!.texts = texts
        evaluator!.inputSet = inputSet
        evaluator!.recordsOrder = recordingOrder
        var result = DocumentFindings()
        var chosen: Int?
        for (index, resource) in documents.enumerated() {
            guard let mask = choose(resource, index) else { continue }
            if mask != chosen {
                evaluator!.ruleMask = masks[mask]
                chosen = mask
            }
            let found = evaluator!.evaluate(resource, keepingAtMost: maxFindingsPerResource)
            result.findings += found.findings
            if recordingOrder { result.order += evaluator!.findingOrder }
            if found.count > 0 {
                let key = DocumentKey(resource)
                result.counts[key] = found.count
                result.countedPositions.append((Int32(truncatingIfNeeded: index), found.count))
                result.spans[key] = resource.root.span
            }
        }
        result.issues = evaluator!.issues
        evaluators.giveBack(evaluator.take()!)
        result.findings.shrinkToFit()
        result.order.shrinkToFit()
        return result
    }

    /// The id of the problem a resource with too many findings gets.
    static let tooManyFindings = "engine.too-many-findings"

    /// One error per document past the limit of findings, in document order.
    func tooManyIssues(_ path: String, _ counts: [DocumentKey: Int], spans: [DocumentKey: SourceSpan]) -> [Diagnostic] {
        // Nearly every file has no document past the limit: asked first, no dictionary is made.
        guard counts.values.contains(where: { $0 > maxFindingsPerResource }) else { return [] }
        return counts.filter { $0.value > maxFindingsPerResource }
            .sorted { ($0.key.stream, $0.key.item ?? -1) < ($1.key.stream, $1.key.item ?? -1) }
            .map { key, count in
                .error(DiagnosticID(Self.tooManyFindings),
                       "this resource has \(count) findings; only the first \(maxFindingsPerResource) are reported (raise --max-findings-per-resource)",
                       path: path, at: spans[key])
            }
    }

    /// One file's findings put in report order — by line and column (integers), looking at policy
    /// and message only on ties — where they are: the order is sorted as indexes, then each finding
    /// moves once, along the cycles of the permutation (a sort would move them many times).
    static func sortInReportOrder(_ findings: inout [Finding]) {
        var order = reportOrder(findings)
        // Swapped in the buffer, where a swap moves the two findings' bytes; the array's `swapAt`
        // copied each out and back, counting their references (four a finding).
        findings.withUnsafeMutableBufferPointer { findings in
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
