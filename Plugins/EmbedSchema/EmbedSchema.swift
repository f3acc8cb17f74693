import Foundation
import PackagePlugin

/// Embeds the Kubernetes schema table (`schemas/kubernetes.schema`, written by
/// scripts/generate-kubernetes-schema.py and committed) into the target it is applied to, as one
/// static string: no array literal to type-check, no bundle to ship, decoded lazily at run time.
@main
struct EmbedSchema: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let table = context.package.directoryURL.appending(path: "schemas").appending(path: "kubernetes.schema")
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedSchemaTable.swift")
        return [
            .buildCommand(
                displayName: "Embedding the Kubernetes schema table",
                executable: try context.tool(named: "PolicyEmbedder").url,
                arguments: ["--schema", table.path, "--output", output.path],
                inputFiles: [table],
                outputFiles: [output]
            ),
        ]
    }
}
