#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import PortcullisDiagnostics
import PortcullisEngine
import PortcullisManifest

/// Compiled policies, ready to validate with: immutable, `Sendable`, and safe to share across
/// tasks and threads (one policy set can serve every request of an admission endpoint).
///
/// ```swift
/// let policies = try PolicySet.compile([.builtin, .text(myPolicy, name: "team.policy")]).get()
/// ```
public struct PolicySet: Sendable {
    package let graph: RuleGraph
    /// The policy files as read: diagnostics show their lines; examples with parameters recompile them.
    let sources: [SourceFile]
    let options: PolicyOptions

    /// The outcome of compiling: the policy set when nothing was an error, and every diagnostic
    /// (errors, and warnings that do not stop compilation).
    public struct Compilation: Sendable {
        /// The compiled set, unless a diagnostic is an error.
        public let policySet: PolicySet?
        /// Every problem found, errors and warnings, in file order.
        public let diagnostics: [Diagnostic]

        /// The policy set, or the error that holds the diagnostics.
        public func get() throws(PolicyError) -> PolicySet {
            guard let policySet else { throw PolicyError(diagnostics: diagnostics) }
            return policySet
        }
    }

    /// Reads and compiles policies from `sources` with `options`. Problems (a missing file, a
    /// syntax error, an unknown parameter) are diagnostics with file, line and column.
    public static func compile(_ sources: [PolicySource] = [.builtin], options: PolicyOptions = .defaults) -> Compilation {
        compile(sources, options: options, loadingCompiledBuiltins: true)
    }

    /// `compile`, loading the graph from `cache` when it holds one compiled from the same policy
    /// files with the same options by this build, and keeping it there otherwise (when compiling
    /// reported nothing). The result is the same with or without the cache.
    public static func compile(_ sources: [PolicySource] = [.builtin], options: PolicyOptions = .defaults, cache: PolicyCache?) -> Compilation {
        compile(sources, options: options, loadingCompiledBuiltins: true, cache: cache)
    }

    /// `compile`; with `loadingCompiledBuiltins`, the built-in packs alone with the default options
    /// are loaded as the build compiled them (`BuiltinPolicies.compiledGraph`) instead of compiled.
    package static func compile(_ sources: [PolicySource], options: PolicyOptions, loadingCompiledBuiltins: Bool,
                                cache: PolicyCache? = nil) -> Compilation {
        if loadingCompiledBuiltins, sources == [.builtin], options == .defaults, let policySet = compiledBuiltins(options: options) {
            return Compilation(policySet: policySet, diagnostics: [])
        }
        var files: [SourceFile] = []
        var problems: [PortcullisDiagnostics.Diagnostic] = []
        for source in sources {
            switch source {
            case .builtin:
                files += builtinFiles()
            case .text(let text, let name):
                files.append(SourceFile(path: name, bytes: Array(text.utf8)))
            case .path(let path):
                let (read, readProblems) = PolicyFiles.read(path)
                files += read
                problems += readProblems
            }
        }
        if files.isEmpty && problems.isEmpty {
            problems.append(.error("config.no-policies", "no .policy files found in \(sources.map(\.label).joined(separator: ", "))"))
        }
        // The same file named twice (`--policy a.policy --policy .`) is read once: its policies
        // are not duplicates of themselves.
        var seenFiles: Set<String> = []
        files = files.filter { file in
            guard !file.path.hasPrefix("builtin:") else { return seenFiles.insert(file.path).inserted }
            return seenFiles.insert(URL(fileURLWithPath: file.path).standardizedFileURL.resolvingSymlinksInPath().path).inserted
        }
        let cacheKey = problems.isEmpty ? cache.flatMap { _ in PolicyCacheKey(files: files, options: options) } : nil
        if let cache, let cacheKey, let graph = cache.load(cacheKey, sources: files, options: options.compileOptions) {
            return Compilation(policySet: PolicySet(graph: graph, sources: files, options: options), diagnostics: [])
        }
        let (graph, compileProblems) = PolicyCompiler.compile(
            files, parameters: options.parameterTexts, literalParameters: options.parameters.mapValues(\.literal), selection: options.engineSelection,
            options: options.compileOptions)
        var diagnostics = (problems + compileProblems).sorted(by: PortcullisDiagnostics.Diagnostic.reportOrder).wrapped(sources: files)
        guard problems.isEmpty, let graph else { return Compilation(policySet: nil, diagnostics: diagnostics) }
        if let cache, let cacheKey, diagnostics.isEmpty {
            cache.store(graph, key: cacheKey, sources: files, options: options.compileOptions)
        }
        // Said, not silent: a cache refused for its folder makes every run compile again.
        if let cache, cacheKey != nil, let problem = cache.unsafeFolderProblem {
            diagnostics += [PortcullisDiagnostics.Diagnostic.warning("cache.unsafe-folder",
                "the compiled-policy cache is not used, as a graph planted there could leave out findings: \(problem) (or pass --no-cache)")].wrapped()
        }
        return Compilation(policySet: PolicySet(graph: graph, sources: files, options: options), diagnostics: diagnostics)
    }

    /// The built-in packs as the build compiled them with `options` (the defaults), or nil when it
    /// could not (they reported something) or they do not match (then they are compiled here).
    package static func compiledBuiltins(options: PolicyOptions = .defaults) -> PolicySet? {
        guard var stored = BuiltinPolicies.compiledGraph else { return nil }
        let files = builtinFiles()
        let graph = stored.withUTF8 { bytes in try? RuleGraph(image: bytes, sources: files, options: options.compileOptions) }
        return graph.map { PolicySet(graph: $0, sources: files, options: options) }
    }

    /// The built-in policy files, named `builtin:PATH` (the path under policies/).
    package static func builtinFiles() -> [SourceFile] {
        BuiltinPolicies.files.map { SourceFile(path: "builtin:" + $0.path, bytes: Array($0.source.utf8)) }
    }

    /// The built-in packs with their default selection: what `portcullis check` runs when told nothing.
    public static func builtin() throws(PolicyError) -> PolicySet {
        try compile([.builtin]).get()
    }

    /// The policies that run, in the order they were declared.
    public var policies: [PolicyDescription] {
        zip(graph.rules, graph.crossDocumentRules).map { PolicyDescription($0.info, looksAcrossDocuments: $1) }
    }

    /// The policy with this id, if it runs.
    public func policy(id: String) -> PolicyDescription? {
        graph.rules.firstIndex { $0.info.id == id }.map { PolicyDescription(graph.rules[$0].info, looksAcrossDocuments: graph.crossDocumentRules[$0]) }
    }

    /// The policy's source text as written in its file, its examples left out (each one line
    /// `example pass|fail …`), for `explain`.
    public func source(of policy: PolicyDescription) -> String? {
        guard let file = sources.first(where: { $0.path == policy.definedAt.file }) else { return nil }
        let lines = String(decoding: file.bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let range = policy.definedAt.line...min(policy.definedAt.endLine, lines.count)
        var out: [String] = []
        var line = range.lowerBound
        while line <= range.upperBound {
            if let example = policy.examples.first(where: { $0.lines.contains(line) }) {
                let text = lines[line - 1]
                let head = text.firstRange(of: "\"\"\"").map { String(text[..<$0.lowerBound]) } ?? String(text)
                out.append(head + "\"\"\" … \"\"\"")
                line = example.lines.upperBound + 1
                continue
            }
            out.append(String(lines[line - 1]))
            line += 1
        }
        return out.joined(separator: "\n")
    }

    /// The policy id nearest to `id` (a typo: `images/no-latest-tags`), if one is near enough.
    public func nearestPolicyID(to id: String) -> String? {
        let ids = graph.rules.map(\.info.id)
        guard let best = ids.min(by: { EditDistance.between($0, id) < EditDistance.between($1, id) }) else { return nil }
        return EditDistance.between(best, id) <= max(2, id.count / 3) ? best : nil
    }

    /// Whether some policy looks across documents (a PodDisruptionBudget for each Deployment):
    /// then a run loads every input before evaluating, and checks on single files see only them.
    public var looksAcrossDocuments: Bool { graph.isCrossDocument }

    /// The compiled plan: rules per kind, shared nodes (what `check --explain-plan` prints).
    public var planDescription: String { PlanExplainer.explain(graph) }
}

/// Policies that do not compile; `diagnostics` says where and why.
public struct PolicyError: Error, Sendable, CustomStringConvertible {
    /// Every diagnostic of the compilation (at least one is an error).
    public let diagnostics: [Diagnostic]
    /// The errors, one per line.
    public var description: String {
        diagnostics.filter { $0.severity == .error }.map(\.description).joined(separator: "\n")
    }
}

extension PolicySource {
    var label: String {
        switch self {
        case .builtin: "the built-in policies"
        case .path(let path): path
        case .text(_, let name): name
        }
    }
}

extension PolicyOptions {
    var compileOptions: PolicyCompileOptions {
        var compile = PolicyCompileOptions()
        compile.maxNesting = maxNesting
        compile.regexMatchLimit = UInt32(clamping: regexMatchLimit)
        compile.parameterOrigins = parameterOrigins.mapValues {
            .configured(path: $0.file, span: SourceSpan(start: SourceLocation(line: $0.line, column: $0.column),
                                                        end: SourceLocation(line: $0.endLine, column: $0.endColumn)))
        }
        compile.nameOrigins = nameOrigins.mapValues {
            (path: $0.file, span: SourceSpan(start: SourceLocation(line: $0.line, column: $0.column)))
        }
        return compile
    }

    var engineSelection: PortcullisEngine.PolicySelection {
        var selection = PortcullisEngine.PolicySelection(enable: enable, disable: disable, only: only, everything: all)
        selection.severities = severities.mapValues(\.layer)
        return selection
    }
}

/// Reads `.policy` files from a file or folder path.
enum PolicyFiles {
    static func read(_ path: String) -> ([SourceFile], [PortcullisDiagnostics.Diagnostic]) {
        guard case .success(let status) = Platform.fileStatus(path) else {
            return ([], [.error("config.policy-not-found", "no such policy file or folder", path: path)])
        }
        let files: [String]
        if status.kind == .directory {
            // A folder behind a link (a ConfigMap volume's `..data`, a swapped `current`) is walked too.
            // Hidden entries are skipped, as for manifests: a Kubernetes ConfigMap volume keeps each
            // file twice, behind `name -> ..data/name` and in the hidden `..<timestamp>/` folder.
            files = policyFiles(under: URL(fileURLWithPath: path).resolvingSymlinksInPath().path).sorted()
                .map { path.hasSuffix("/") ? path + $0 : path + "/" + $0 }
        } else {
            files = [path]
        }
        var sources: [SourceFile] = []
        var problems: [PortcullisDiagnostics.Diagnostic] = []
        for file in files {
            // Opened, then checked to be a regular file: a FIFO named .policy never blocks the run.
            guard case .success(let bytes) = FileReader.read(path: file, maxBytes: ManifestLimits.standard.maxFileBytes) else {
                problems.append(.error("config.policy-unreadable", "cannot read the policy file (not a regular file, too large or unreadable)", path: file))
                continue
            }
            sources.append(SourceFile(path: file.hasPrefix("./") ? String(file.dropFirst(2)) : file, bytes: bytes))
        }
        return (sources, problems)
    }

    /// The `.policy` files below `folder`, as paths relative to it; hidden names are left out, and
    /// links to folders are not entered (as `FileManager`'s enumerator does).
    private static func policyFiles(under folder: String, prefix: String = "") -> [String] {
        guard case .success(let names) = Platform.directoryEntries(folder) else { return [] }
        var found: [String] = []
        for name in names where !name.hasPrefix(".") {
            let relative = prefix + name
            if case .success(let status) = Platform.fileStatus(folder + "/" + name, followingLinks: false), status.kind == .directory {
                found += policyFiles(under: folder + "/" + name, prefix: relative + "/")
            } else if name.hasSuffix(".policy") {
                found.append(relative)
            }
        }
        return found
    }
}

/// Levenshtein distance, for "did you mean" suggestions.
enum EditDistance {
    static func between(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars), b = Array(b.unicodeScalars)
        guard !a.isEmpty else { return b.count }
        var previous = Array(0...b.count)
        var current = previous
        for i in 1...a.count {
            current[0] = i
            for j in stride(from: 1, through: b.count, by: 1) {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
