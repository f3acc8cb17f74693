import Foundation

/// Writes a Swift source declaring `EmbeddedSchemaTable.bytes`: the schema table's text as one raw
/// static string (a string literal compiles in milliseconds where an array literal of the same data
/// takes the type checker minutes).
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
            "// Generated at build time by the EmbedSchema plugin from schemas/kubernetes.schema. Not committed.",
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
