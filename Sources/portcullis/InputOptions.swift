import ArgumentParser
import PortcullisDiagnostics
import PortcullisManifest

/// The options every command that reads manifests shares.
struct InputOptions: ParsableArguments {
    @Argument(help: "Files or folders to read (folders recursively: .yaml, .yml, .json); '-' for standard input.")
    var paths: [String] = []

    @Option(name: .customLong("exclude"), help: ArgumentHelp("Skip paths matching this glob (repeatable).", valueName: "glob"))
    var excludes: [String] = []

    @Option(help: "The file name to show for standard input.")
    var stdinFilename: String = "<stdin>"

    @Option(help: "Do not read files larger than this many bytes.")
    var maxFileSize: Int = ManifestLimits.standard.maxFileBytes

    @Option(help: "Reject documents nested deeper than this.")
    var maxDepth: Int = ManifestLimits.standard.maxDepth

    @Flag(help: "Load files one at a time instead of on all cores.")
    var serial = false

    func validate() throws {
        guard maxFileSize > 0 else { throw ValidationError("--max-file-size must be positive.") }
        guard maxDepth > 0 else { throw ValidationError("--max-depth must be positive.") }
    }

    /// Fails with a usage error when no path was given.
    func requirePaths() throws {
        guard !paths.isEmpty else { throw ValidationError("Give at least one file or folder ('-' for standard input).") }
    }

    /// Finds and loads every input; diagnostics of discovery come first, then each file's.
    func load() -> (files: [ManifestFile], discoveryDiagnostics: [Diagnostic]) {
        let discovery = InputDiscovery(excludes: excludes.map(GlobPattern.init), standardInputName: stdinFilename)
        let (inputs, diagnostics) = discovery.collect(paths)
        let loader = ManifestLoader(limits: ManifestLimits(maxFileBytes: maxFileSize, maxDepth: maxDepth))
        return (loader.loadAll(inputs, parallel: !serial), diagnostics)
    }
}
