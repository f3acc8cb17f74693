import Foundation

/// Writes a Swift source declaring `BuiltinPolicies.files`: each policy file's path under the
/// policies folder and its text, as a raw string literal.
enum PolicyEmbedding {
    static func main(_ arguments: [String]) -> Int32 {
        var arguments = arguments
        guard let flag = arguments.firstIndex(of: "--output"), flag + 1 < arguments.count, flag >= 1 else {
            FileHandle.standardError.write(Data("usage: PolicyEmbedder FOLDER FILE... --output SWIFT_FILE\n".utf8))
            return 2
        }
        let output = arguments[flag + 1]
        arguments.removeSubrange(flag...(flag + 1))
        let folder = URL(fileURLWithPath: arguments.removeFirst()).standardizedFileURL.path
        do {
            let entries = try arguments.map { file -> (String, String) in
                let path = URL(fileURLWithPath: file).standardizedFileURL.path
                let relative = path.hasPrefix(folder + "/") ? String(path.dropFirst(folder.count + 1)) : path
                return (relative, try String(contentsOfFile: file, encoding: .utf8))
            }
            try Data(render(entries).utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
            return 0
        } catch {
            FileHandle.standardError.write(Data("PolicyEmbedder: \(error)\n".utf8))
            return 1
        }
    }

    /// The Swift source for `entries` (path under policies/, text), in the order given.
    static func render(_ entries: [(path: String, text: String)]) -> String {
        var lines = [
            "// Generated at build time by the EmbedPolicies plugin from policies/. Not committed.",
            "",
            "/// The built-in policies, carried in the library: path under policies/ → source text.",
            "enum BuiltinPolicies {",
            "    static let files: [(path: String, source: String)] = [",
        ]
        for (path, text) in entries {
            let hashes = String(repeating: "#", count: delimiterLength(for: text))
            lines.append("        (\(literal(path)), \(hashes)\"\"\"")
            lines.append(contentsOf: text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
            lines.append("\"\"\"\(hashes)),")
        }
        lines += ["    ]", "}", ""]
        return lines.joined(separator: "\n")
    }

    /// How many `#` a raw string needs so that nothing in `text` ends it or starts an escape.
    static func delimiterLength(for text: String) -> Int {
        var count = 1
        while text.contains("\"" + String(repeating: "#", count: count)) || text.contains("\\" + String(repeating: "#", count: count)) {
            count += 1
        }
        return count
    }

    static func literal(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
