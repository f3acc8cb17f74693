import Foundation
import PortcullisDiagnostics
import PortcullisEngine

// PolicyPrecompiler FOLDER FILE... --output SWIFT_FILE
// Run by the EmbedPolicies build-tool plugin, never by hand: compiles the built-in policies with the
// default options (what `portcullis check` runs when told nothing) and writes the compiled graph,
// in its compact stored form, as a Swift string literal. `PolicySet` loads it instead of parsing
// and lowering the packs at every start; when compiling reports anything at all, it writes nil and
// the packs are compiled at run time as before (so their diagnostics are shown).
var arguments = Array(CommandLine.arguments.dropFirst())
guard let flag = arguments.firstIndex(of: "--output"), flag + 1 < arguments.count, flag >= 1 else {
    FileHandle.standardError.write(Data("usage: PolicyPrecompiler FOLDER FILE... --output SWIFT_FILE\n".utf8))
    exit(2)
}
let output = arguments[flag + 1]
arguments.removeSubrange(flag...(flag + 1))
let folder = URL(fileURLWithPath: arguments.removeFirst()).standardizedFileURL.path
do {
    // Named as `PolicySet` names the embedded files: `builtin:` and the path under policies/.
    let sources = try arguments.map { file -> SourceFile in
        let path = URL(fileURLWithPath: file).standardizedFileURL.path
        let relative = path.hasPrefix(folder + "/") ? String(path.dropFirst(folder.count + 1)) : path
        return SourceFile(path: "builtin:" + relative, bytes: Array(try String(contentsOfFile: file, encoding: .utf8).utf8))
    }
    let options = PolicyCompileOptions()
    let (graph, diagnostics) = PolicyCompiler.compile(sources, selection: .defaults, options: options)
    var literal = "nil"
    if let graph, diagnostics.isEmpty {
        literal = StoredGraphLiteral.swiftLiteral(graph.image(sources: sources, options: options))
    }
    let text = """
        // Generated at build time by the EmbedPolicies plugin (PolicyPrecompiler) from policies/. Not committed.

        extension BuiltinPolicies {
            /// The built-in packs compiled with the default options, in `CompactStorage`'s form; nil when
            /// compiling them reported anything (they are then compiled at run time).
            static let compiledGraph: String? = \(literal)
        }

        """
    try Data(text.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
} catch {
    FileHandle.standardError.write(Data("PolicyPrecompiler: \(error)\n".utf8))
    exit(1)
}

/// Compact streams (`CompactStorable`) are valid UTF-8 (7-bit outside strings), so one string literal holds them.
enum StoredGraphLiteral {
    static func swiftLiteral(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = Array("\"".utf8)
        out.reserveCapacity(bytes.count + bytes.count / 8)
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"): out += [UInt8(ascii: "\\"), byte]
            case 0..<0x20, 0x7F: out += Array("\\u{\(String(byte, radix: 16))}".utf8)
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
        return String(decoding: out, as: UTF8.self)
    }
}
