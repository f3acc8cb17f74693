import Foundation
import PackagePlugin

/// Embeds the built-in policy packs (`policies/**/*.policy`) into the target it is applied to, as
/// Swift source generated at build time: nothing generated is committed, so the packs and the
/// binary cannot drift apart, and the binary stays one self-contained file.
@main
struct EmbedPolicies: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let folder = context.package.directoryURL.appending(path: "policies")
        let files = Self.policyFiles(under: folder)
        let output = context.pluginWorkDirectoryURL.appending(path: "BuiltinPolicies.swift")
        let compiled = context.pluginWorkDirectoryURL.appending(path: "BuiltinPolicies+Compiled.swift")
        let precompiler = try context.tool(named: "PolicyPrecompiler").url
        return [
            .buildCommand(
                displayName: "Embedding \(files.count) built-in policy files",
                executable: try context.tool(named: "PolicyEmbedder").url,
                arguments: [folder.path] + files.map(\.path) + ["--output", output.path],
                inputFiles: files,
                outputFiles: [output]
            ),
            // The packs compiled with the default options, so `check` loads them without parsing. The
            // compiler itself is an input: a change to the engine compiles them again.
            .buildCommand(
                displayName: "Compiling \(files.count) built-in policy files",
                executable: precompiler,
                arguments: [folder.path] + files.map(\.path) + ["--output", compiled.path],
                inputFiles: files + [precompiler],
                outputFiles: [compiled]
            ),
        ]
    }

    /// Every `.policy` file under `folder`, sorted, so the generated source is deterministic.
    static func policyFiles(under folder: URL) -> [URL] {
        guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else { return [] }
        return walker.compactMap { $0 as? URL }
            .filter { $0.pathExtension == "policy" }
            .sorted { $0.path < $1.path }
    }
}
