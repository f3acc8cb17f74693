import PortcullisDiagnostics
import PortcullisEngine
import PortcullisManifest

/// Hooks for the benchmark package (`Benchmarks/`), which measures the layers apart: raw libyaml
/// parsing as the yardstick, loading alone, evaluation alone. Not API.
@_spi(Benchmarks)
public enum BenchmarkHooks {
    /// libyaml's event parser over `bytes`, building nothing: (events, documents, parsed to the end).
    public static func rawLibyamlEvents(_ bytes: [UInt8]) -> (events: Int, documents: Int, ok: Bool) {
        RawYAMLEventParser.countEvents(bytes)
    }

    /// Loads one file's bytes into document trees; returns the number of resources. With a policy
    /// set, only the fields its policies read are built (its projection).
    public static func load(_ bytes: [UInt8], name: String, projectionOf policies: PolicySet? = nil) -> Int {
        var limits = ManifestLimits()
        limits.projection = policies?.graph.projection
        return ManifestLoader(limits: limits).load(SourceFile(path: name, bytes: bytes)).resources.count
    }

    /// Loaded files kept in memory, to time evaluation apart from loading.
    public struct LoadedFiles: @unchecked Sendable {
        let files: [ManifestFile]
        public var count: Int { files.count }
    }

    public static func preload(_ sources: [(name: String, bytes: [UInt8])], for policies: PolicySet?) -> LoadedFiles {
        var limits = ManifestLimits()
        limits.projection = policies?.graph.projection
        let loader = ManifestLoader(limits: limits)
        return LoadedFiles(files: sources.map { loader.load(SourceFile(path: $0.name, bytes: $0.bytes)) })
    }

    /// Evaluates `policies` over files already loaded; returns the number of findings.
    public static func evaluate(_ policies: PolicySet, over loaded: LoadedFiles) -> Int {
        let checker = ManifestChecker(graph: policies.graph)
        let inputSet = policies.graph.isCrossDocument ? InputSet(files: loaded.files) : .empty
        return loaded.files.reduce(0) { $0 + checker.evaluate($1, in: inputSet).findings.count }
    }
}

extension BenchmarkHooks {
    /// Loads one file with the policy set's projection and evaluates it (no suppressions, no
    /// report): the per-file work of a run. Returns the number of findings.
    public static func loadAndEvaluate(_ bytes: [UInt8], name: String, policies: PolicySet, projection: Bool = true) -> Int {
        var limits = ManifestLimits()
        if projection { limits.projection = policies.graph.projection }
        let checker = ManifestChecker(graph: policies.graph, loader: ManifestLoader(limits: limits))
        return checker.evaluate(checker.loader.load(SourceFile(path: name, bytes: bytes))).findings.count
    }

    /// Loads one file and writes every resource as JSON (what `portcullis parse` does); returns the byte count.
    public static func loadAndWriteJSON(_ bytes: [UInt8], name: String) -> Int {
        var writer = JSONWriter()
        for resource in ManifestLoader().load(SourceFile(path: name, bytes: bytes)).resources { writer.append(resource.root) }
        return writer.bytes.count
    }

    /// The number of rules and plan nodes of a policy set.
    public static func size(of policies: PolicySet) -> (rules: Int, nodes: Int) {
        (policies.graph.rules.count, policies.graph.nodes.count)
    }
}

extension BenchmarkHooks {
    /// Compiles the built-in packs: with `typeCheck`, checked against the Kubernetes schema too (as
    /// `check` does for a user's own files); without `schemaPack`, leaving out policies/schema/ (the
    /// packs as they were before it). Returns the number of policies compiled.
    public static func compileBuiltins(typeCheck: Bool, schemaPack: Bool = true) -> Int {
        var files = BuiltinPolicies.files.map { SourceFile(path: "builtin:" + $0.path, bytes: Array($0.source.utf8)) }
        if !schemaPack { files.removeAll { $0.path.hasPrefix("builtin:schema/") } }
        var options = PolicyCompileOptions()
        options.typeCheckBuiltins = typeCheck
        let (graph, _) = PolicyCompiler.compile(files, options: options)
        return graph?.declaredPolicyIDs.count ?? 0
    }
}
