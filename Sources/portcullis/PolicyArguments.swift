import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Portcullis

/// Options that choose and configure the policies.
struct PolicyArguments: ParsableArguments {
    @Option(name: .customLong("policy"), help: ArgumentHelp("A .policy file or a folder of them, or 'builtin' for the built-in packs (repeatable; default: $PORTCULLIS_POLICIES, else the built-in packs).", valueName: "path"))
    var policyPaths: [String] = []

    @Option(name: .customLong("param"), help: ArgumentHelp("Set a policy parameter (repeatable), e.g. --param allowed_registries=ghcr.io,registry.example.com", valueName: "name=value"))
    var parameters: [String] = []

    @Option(name: .customLong("enable"), help: ArgumentHelp("Turn on an opt-in policy, or a whole pack (repeatable), e.g. --enable images/digest-pinned.", valueName: "id|pack"))
    var enable: [String] = []

    @Option(name: .customLong("disable"), help: ArgumentHelp("Turn off a policy or a pack (repeatable), e.g. --disable reliability.", valueName: "id|pack"))
    var disable: [String] = []

    @Option(name: .customLong("only"), help: ArgumentHelp("Run only these policies or packs, opt-in ones included (repeatable).", valueName: "id|pack"))
    var only: [String] = []

    @Flag(name: .customLong("all-policies"), help: "Run every policy, opt-in ones included.")
    var all = false

    @Option(help: ArgumentHelp("Refuse policy expressions nested deeper than this (parentheses, not, field steps).", valueName: "levels"))
    var maxPolicyNesting: Int = Portcullis.PolicyOptions().maxNesting

    @Option(help: ArgumentHelp("PCRE2 match limit per pattern match (a pattern reaching it is an error at the value).", valueName: "steps"))
    var regexMatchLimit: Int = Portcullis.PolicyOptions().regexMatchLimit

    @Flag(help: ArgumentHelp("Compile the policies without the compiled-policy cache ($PORTCULLIS_CACHE_DIR, else ~/.cache/portcullis; an empty PORTCULLIS_CACHE_DIR also turns it off)."))
    var noCache = false

    func validate() throws {
        for parameter in parameters {
            guard let equals = parameter.firstIndex(of: "=") else { throw ValidationError("--param takes name=value, not '\(parameter)'.") }
            guard equals != parameter.startIndex else { throw ValidationError("--param takes name=value; '\(parameter)' has no name.") }
        }
        guard maxPolicyNesting > 0 else { throw ValidationError("--max-policy-nesting must be positive.") }
        guard regexMatchLimit > 0 else { throw ValidationError("--regex-match-limit must be positive.") }
    }

    /// `--param` values by name (the last one wins).
    var parameterTexts: [String: String] {
        Dictionary(parameters.map { entry in
            let parts = entry.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            return (String(parts[0]), parts.count > 1 ? String(parts[1]) : "")
        }, uniquingKeysWith: { _, last in last })
    }

    /// Where policies come from: `--policy`, else the configuration's `policies`, else the folder
    /// in `PORTCULLIS_POLICIES`, else the built-in packs. The path `builtin` names the built-in
    /// packs, so `--policy builtin --policy ./policies` loads both.
    func sources(configuration: Configuration?) -> [PolicySource] {
        let paths = policyPaths.isEmpty ? (configuration?.policyPaths ?? []) : policyPaths
        if !paths.isEmpty { return PolicySource.sources(paths) }
        if let folder = ProcessEnvironment.variables["PORTCULLIS_POLICIES"] { return [.path(folder)] }
        return [.builtin]
    }

    /// The options: the command line's, then the configuration file's where the command line gives none.
    func options(configuration: Configuration?) -> Portcullis.PolicyOptions {
        var options = configuration?.policyOptions ?? Portcullis.PolicyOptions()
        options.enable += enable
        options.disable += disable
        if !only.isEmpty { options.only = only }
        options.all = all
        options.parameterTexts = parameterTexts
        options.maxNesting = maxPolicyNesting
        options.regexMatchLimit = regexMatchLimit
        return options
    }

    /// Compiles the policies; their diagnostics go to standard error, and errors end the run (exit 2).
    func compile(configuration: Configuration?, color: ColorMode, forceAll: Bool = false) throws -> PolicySet {
        var options = options(configuration: configuration)
        if forceAll { options.all = true }
        let cache = noCache ? nil : PolicyCache.standard(environment: ProcessEnvironment.variables)
        let compilation = PolicySet.compile(sources(configuration: configuration), options: options, cache: cache)
        if !compilation.diagnostics.isEmpty {
            var err = OutputStream.standardError
            err.write(compilation.diagnostics, color: color)
            err.flush()
        }
        guard let policySet = compilation.policySet else { throw ExitCode(2) }
        return policySet
    }
}

/// `--config FILE` / `--no-config`, for the commands that read the configuration file.
struct ConfigArguments: ParsableArguments {
    @Option(help: ArgumentHelp("The configuration file (default: the nearest \(Configuration.fileName) upward from here).", valueName: "file"))
    var config: String?

    @Flag(help: "Ignore any configuration file.")
    var noConfig = false

    /// The configuration in effect, if any; its problems are printed and end the run (exit 2).
    func load(color: ColorMode) throws -> Configuration? {
        guard !noConfig, let path = config ?? Configuration.find() else { return nil }
        do throws(ConfigurationError) {
            return try Configuration.load(path)
        } catch {
            var err = OutputStream.standardError
            err.write(error.diagnostics, color: color)
            err.flush()
            throw ExitCode(2)
        }
    }
}

/// The options every command that reads manifests shares.
struct InputArguments: ParsableArguments {
    @Argument(help: "Files or folders to read (folders recursively: .yaml, .yml, .json); '-' for standard input.")
    var paths: [String] = []

    @Option(name: .customLong("exclude"), help: ArgumentHelp("Skip paths matching this glob (repeatable).", valueName: "glob"))
    var excludes: [String] = []

    @Option(help: "The file name to show for standard input.")
    var stdinFilename: String = "<stdin>"

    @Option(help: "Do not read files larger than this many bytes.")
    var maxFileSize: Int = ValidationOptions().maxFileBytes

    @Option(help: "Reject documents nested deeper than this.")
    var maxDepth: Int = ValidationOptions().maxDepth

    @Option(help: "Stop reading a file after this many YAML documents.")
    var maxDocuments: Int = ValidationOptions().maxDocuments

    @Option(help: "Refuse documents whose aliases expand them past this many nodes.")
    var maxNodes: Int = ValidationOptions().maxNodes

    @Option(help: "Report at most this many findings per resource.")
    var maxFindingsPerResource: Int = ValidationOptions().maxFindingsPerResource

    @Flag(help: "Load files one at a time instead of on all cores.")
    var serial = false

    func validate() throws {
        guard maxFileSize > 0 else { throw ValidationError("--max-file-size must be positive.") }
        guard maxDepth > 0 else { throw ValidationError("--max-depth must be positive.") }
        guard maxDocuments > 0 else { throw ValidationError("--max-documents must be positive.") }
        guard maxNodes > 0 else { throw ValidationError("--max-nodes must be positive.") }
        guard maxFindingsPerResource > 0 else { throw ValidationError("--max-findings-per-resource must be positive.") }
    }

    /// Fails with a usage error when no path was given.
    func requirePaths(_ paths: [String]? = nil) throws {
        guard !(paths ?? self.paths).isEmpty else { throw ValidationError("Give at least one file or folder ('-' for standard input).") }
    }

    /// The validation options these arguments set.
    func options(configuration: Configuration?) -> ValidationOptions {
        var options = ValidationOptions(configuration: configuration)
        options.excludes = excludes
        options.standardInputName = stdinFilename
        options.maxFileBytes = maxFileSize
        options.maxDepth = maxDepth
        options.maxDocuments = maxDocuments
        options.maxNodes = maxNodes
        options.maxFindingsPerResource = maxFindingsPerResource
        options.parallel = !serial
        return options
    }
}
