#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import PortcullisDiagnostics
import PortcullisEngine
import PortcullisManifest
import PortcullisReport

/// Checks manifests against a policy set: discovery → load → evaluate → suppressions → waivers →
/// baseline. The same pipeline serves the command line, the admission endpoint and embedders, so
/// all give the same verdict on the same manifest.
///
/// A validator holds no mutable state: one can serve many validations at once from many tasks.
public struct Validator: Sendable {
    /// The policies every validation runs.
    public let policies: PolicySet
    /// How inputs are read and which exceptions hold.
    public let options: ValidationOptions

    /// A validator; cheap to make (the policies are compiled already).
    public init(policies: PolicySet, options: ValidationOptions = ValidationOptions()) {
        self.policies = policies
        self.options = options
    }

    /// Validates the files and folders at `paths` (folders recursively: `.yaml`, `.yml`, `.json`;
    /// `-` is standard input). Files load and evaluate one by one on every core, unless a policy
    /// looks across documents: then every file is loaded first.
    ///
    /// In a kustomize repository, files a kustomization reads as patches are not checked as
    /// resources; with `options.kustomize.render`, the kustomization roots are rendered and checked
    /// instead of the files they read (see `KustomizeOptions`). With `options.changedSince`, only
    /// files changed since that git ref are checked, and the roots whose rendering they feed.
    public func validate(paths: [String]) -> ValidationResult {
        let started = ContinuousClock.now
        // The plan is let go before the check: its tables hold every file's paths (absolute and
        // shown), which a run over 100,000 files would otherwise keep to its end.
        let (inputs, rendered, patchFiles, discoveryDiagnostics) = { () -> ([InputFile], RenderedCheck, [String], [PortcullisDiagnostics.Diagnostic]) in
            let plan = plan(paths)
            let rendered = checkRenderings(plan)
            let inputs = rendered.fallbackInputs.isEmpty ? plan.inputs : plan.inputs + rendered.fallbackInputs
            return (inputs, rendered, plan.patchFiles.map(\.displayPath), plan.diagnostics + rendered.diagnostics)
        }()
        let packer = FindingPacker(region: options.spillDirectory.map(FindingPacker.region(in:)), threshold: options.findingPackingThreshold)
        var checker = self.checker
        checker.findingPacker = packer
        let budget = options.keptLineBytes > 0 ? KeptLineBudget(bytes: options.keptLineBytes) : nil
        checker.keptLineBudget = budget
        let results = checker.check(inputs, parallel: options.parallel, progress: options.progress?.counters) { result in
            var settled = Self.settle(result, keepingLinesWithin: budget)
            settled.kept = packer.keep(settled.findings)
            settled.findings = []
            return settled
        }
        let kustomize = KustomizeSummary(patchFiles: patchFiles, renderedRoots: rendered.rendered,
                                         renderedResources: rendered.resourceCount)
        return finish(consume results, readByRenderings: rendered.results, discoveryDiagnostics: discoveryDiagnostics,
                      standardInput: inputs.filter(\.isStandardInput).map(\.displayPath), started: started, kustomize: kustomize,
                      packer: packer)
    }

    /// Validates manifests held in memory (YAML or JSON, one or more documents, an AdmissionReview),
    /// shown in findings as `name`.
    public func validate(bytes: [UInt8], name: String = "<input>") -> ValidationResult {
        let started = ContinuousClock.now
        let file = checker.loader.load(SourceFile(path: name, bytes: bytes))
        return finish([checker.evaluate(file, in: policies.graph.isCrossDocument ? InputSet(files: [file]) : .empty)],
                      discoveryDiagnostics: [], standardInput: [], started: started)
    }

    /// Validates several files held in memory (staged content, a rendered overlay split by source),
    /// as one run: cross-document policies look across all of them.
    public func validate(files: [(name: String, bytes: [UInt8])]) -> ValidationResult {
        let started = ContinuousClock.now
        let checker = self.checker
        let sources = files.map { SourceFile(path: $0.name, bytes: $0.bytes) }
        let results: [ManifestChecker.FileResult]
        if policies.graph.isCrossDocument {
            let loaded = InputOrder.map(sources, parallel: options.parallel) { checker.loader.load($0) }
            let inputSet = InputSet(files: loaded)
            results = InputOrder.map(loaded, parallel: options.parallel) { checker.evaluate($0, in: inputSet) }
        } else {
            results = InputOrder.map(sources, parallel: options.parallel) { checker.evaluate(checker.loader.load($0)) }
        }
        return finish(results, discoveryDiagnostics: [], standardInput: [], started: started)
    }

    /// Validates YAML or JSON text held in memory.
    public func validate(yaml text: String, name: String = "<input>") -> ValidationResult {
        validate(bytes: Array(text.utf8), name: name)
    }

    /// Validates one resource given as JSON-compatible values (`[String: Any]` from
    /// `JSONSerialization`, say: see `JSONObjectEncoding` for what is taken), as the admission path has it; `operation` (`CREATE`, `UPDATE`,
    /// `DELETE`, `CONNECT`) is what `match operation` and `exclude … operation` see.
    public func validate(object: Any, name: String = "<object>", operation: String? = nil) throws(ValidationError) -> ValidationResult {
        guard let data = JSONObjectEncoding.bytes(of: object) else { throw ValidationError.notJSON(name) }
        guard let operation else { return validate(bytes: Array(data), name: name) }
        let started = ContinuousClock.now
        let loaded = checker.loader.load(SourceFile(path: name, bytes: Array(data)))
        let file = ManifestFile(source: loaded.source, storage: loaded.storage,
                                resources: loaded.resources.map { Document(path: $0.path, streamIndex: $0.streamIndex, listItemIndex: $0.listItemIndex,
                                                                           root: $0.root, operation: operation) },
                                diagnostics: loaded.diagnostics, directiveComments: loaded.directiveComments)
        return finish([checker.evaluate(file, in: policies.graph.isCrossDocument ? InputSet(files: [file]) : .empty)],
                      discoveryDiagnostics: [], standardInput: [], started: started)
    }

    // MARK: The pipeline

    /// What happens to a file as soon as it is evaluated, on the worker that evaluated it: its
    /// inline suppressions (comments, annotations) are applied, then its documents are let go and
    /// its bytes too when they can be read again (`ManifestFile.released()`), the lines its report
    /// shows kept within `budget`.
    static func settle(_ result: ManifestChecker.FileResult, keepingLinesWithin budget: KeptLineBudget? = nil) -> ManifestChecker.FileResult {
        var settled = result
        settled.suppressionProblems = Suppressor.applyInline(to: &settled.findings, of: result.file)
        guard let budget, !budget.isSpent, !result.file.source.isDetached else {
            settled.file = result.file.released()
            return settled
        }
        let path = result.file.path
        let lines = settled.findings.lines(in: path) + (result.issues + (settled.suppressionProblems ?? [])).lines(in: path)
        settled.file = result.file.released(keepingLines: lines, within: budget)
        return settled
    }

    /// The checker a validation of paths runs: the policies' graph, the options' limits and spill folder.
    package var checker: ManifestChecker {
        var limits = options.limits
        if options.projection { limits.projection = policies.graph.projection }
        var checker = ManifestChecker(graph: policies.graph, loader: ManifestLoader(limits: limits),
                                      maxFindingsPerResource: options.maxFindingsPerResource)
        checker.spillDirectory = options.spillDirectory
        checker.spillThreshold = options.spillThreshold
        checker.spillKeptBytes = max(0, options.spillKeptBytes)
        checker.wholeRunFileLimit = options.wholeRunFileLimit
        return checker
    }

    var excludePatterns: [GlobPattern] {
        (options.excludes + (options.configuration?.excludes ?? [])).map(GlobPattern.init)
    }

    /// Whether an input, by its absolute path, is left out: the run's own reports and baselines,
    /// and paths the configuration excludes relative to its folder. What every input is compared
    /// with (the ignored paths with their links resolved, the compiled patterns, the folder) is
    /// worked out once, not per input.
    func ignoredInputs(workingDirectory: String) -> (String) -> Bool {
        let excludes = options.configuration?.excludes ?? []
        guard !options.ignoredPaths.isEmpty || !excludes.isEmpty else { return { _ in false } }
        let ignored = Set(options.ignoredPaths.map { URL(fileURLWithPath: $0).resolvingSymlinksInPath().path }
                          + options.ignoredPaths.map { PathResolution.standardized($0, in: workingDirectory) })
        let patterns = excludes.map(GlobPattern.init)
        let folder = options.configuration.map { URL(fileURLWithPath: $0.folder).standardizedFileURL.path }
        return { absolute in
            if ignored.contains(absolute) { return true }
            if let folder, !patterns.isEmpty, let relative = PathResolution.relative(absolute, toStandardized: folder) {
                return patterns.contains { $0.matches(relative) }
            }
            return false
        }
    }

    /// Suppressions, waivers, baseline, counts. `readByRenderings`: the files rendered kustomizations
    /// read, with the findings placed in them (their resources are counted as rendered).
    private func finish(_ results: consuming [ManifestChecker.FileResult], readByRenderings: [ManifestChecker.FileResult] = [],
                        discoveryDiagnostics: [PortcullisDiagnostics.Diagnostic],
                        standardInput: [String], started: ContinuousClock.Instant,
                        kustomize: KustomizeSummary = KustomizeSummary(), packer: FindingPacker? = nil) -> ValidationResult {
        var parts: [FindingList.Part] = []
        var diagnostics = discoveryDiagnostics
        var suppressionDiagnostics: [PortcullisDiagnostics.Diagnostic] = []
        var resourceCount = kustomize.renderedResources
        // The caller's list moves here, so each file's findings are freed as they join the run's.
        var results = consume results
        results += readByRenderings
        parts.reserveCapacity(results.count)
        for index in results.indices {
            // Each file's findings move into the run's list, as the run kept them (`FindingPacker`).
            if let kept = results[index].kept {
                parts.append(kept)
                results[index].kept = nil
                suppressionDiagnostics += results[index].suppressionProblems ?? []
            } else {
                var fileFindings = results[index].findings
                results[index].findings = []
                suppressionDiagnostics += results[index].suppressionProblems ?? Suppressor.applyInline(to: &fileFindings, of: results[index].file)
                parts.append(.findings(fileFindings))
            }
            diagnostics += results[index].file.diagnostics + results[index].issues
        }
        var findings = FindingList(parts: parts)
        resourceCount += results.prefix(results.count - readByRenderings.count).reduce(0) { $0 + $1.file.resourceCount }
        let waivers = options.waivers + (options.configuration?.waivers ?? [])
        let suppressor = Suppressor(waivers: waivers, today: options.today ?? CivilDate.todayUTC())
        let rules = packer?.rules ?? FindingRuleTable()
        let waived = suppressor.applyWaivers(to: findings, rules: rules, spillingTo: packer?.region)
        findings = waived.findings
        diagnostics += suppressionDiagnostics + Suppressor.unknownPolicies(in: waivers, known: policies.graph.declaredPolicyIDs) + waived.diagnostics
        let accepted = findings
        var held: [PortcullisEngine.Finding] = []
        if let baseline = options.baseline { (findings, held) = baseline.filter(findings, rules: rules, spillingTo: packer?.region) }
        var report = RunReport(findings: findings, diagnostics: diagnostics, rules: policies.graph.rules.map(\.info),
                               sources: results.map(\.file.source), resourceCount: resourceCount,
                               duration: ContinuousClock.now - started, baselineMatches: held.count)
        report.baselineFindings = held
        if let configuration = options.configuration { report.supportingSources = [configuration.source] }
        return ValidationResult(report: report, findingsBeforeBaseline: accepted, standardInputNames: standardInput, kustomize: kustomize)
    }
}

/// Why a validation could not start.
public enum ValidationError: Error, Sendable, CustomStringConvertible {
    /// The object given is not made of JSON values (dictionaries, arrays, strings, numbers, booleans, null).
    case notJSON(String)

    /// What went wrong, naming the input.
    public var description: String {
        switch self {
        case .notJSON(let name): "\(name): not a JSON-compatible object"
        }
    }
}
