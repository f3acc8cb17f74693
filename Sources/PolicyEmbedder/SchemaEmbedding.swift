import Foundation

/// Writes a Swift source declaring `EmbeddedSchemaTable.bytes`: the schema table's text as one raw
/// static string (a string literal compiles in milliseconds where an array literal of the same data
/// takes the type checker minutes). `make schema-table` writes it next to the table, and it is
/// committed: a build-tool plugin's output is left out of the second build of `PortcullisSchema`
/// that SwiftPM makes for the build-time policy precompiler, which then failed to compile it.
enum SchemaEmbedding {
    static func main(table: String, output: String) -> Int32 {
        do {
            let text = try String(contentsOfFile: table, encoding: .utf8)
            try Data(render(text).utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
            return 0
        } catch {
            FileHandle.standardError.write(Data("PolicyEmbedder: \(table): \(error)\n".utf8))
            return 1
        }
    }

    static func render(_ text: String) -> String {
        let hashes = String(repeating: "#", count: PolicyEmbedding.delimiterLength(for: text))
        return [
            "// Written by `make schema-table` from schemas/kubernetes.schema (PolicyEmbedder --schema); do not edit.",
            "// A test checks that it holds the committed table.",
            "",
            "/// The Kubernetes schema table (format: scripts/generate-kubernetes-schema.py).",
            "enum EmbeddedSchemaTable {",
            "    static let bytes: StaticString = \(hashes)\"\"\"",
            text.hasSuffix("\n") ? String(text.dropLast()) : text,
            "\"\"\"\(hashes)",
            "}",
            "",
        ].joined(separator: "\n")
    }
}
