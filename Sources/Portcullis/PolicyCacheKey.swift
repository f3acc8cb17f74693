import PortcullisDiagnostics
import PortcullisReport

/// Everything that decides a compiled policy graph, as one text: the build of the engine that
/// compiled it, every policy file (path and size; the bytes too of files not built in) and every
/// option that reaches the compiler. Two compilations with the same key make the same graph.
package struct PolicyCacheKey: Equatable, Sendable {
    /// The key's text, one fact a line, then a zero byte and the policy files' bytes; stored whole
    /// in the cache entry and compared on reading.
    package let text: [UInt8]

    /// The key, or nil when the running build cannot be told apart from another (no
    /// `/proc/self/exe`): a graph is then never cached, since a changed engine could misread it.
    package init?(files: [SourceFile], options: PolicyOptions, build: String? = PolicyCacheKey.buildIdentity) {
        guard let build else { return nil }
        var lines: [String] = ["portcullis compiled policies 1", "tool " + Tool.version, "build " + build]
        var text: [UInt8] = []
        let builtins = files.contains { $0.path.hasPrefix("builtin:") } ? Self.builtinBytes : [:]
        for file in files {
            // A built-in pack's file, as the build embedded it, is part of the build; any other
            // file is in the key whole, so no other text can pass for it (a hash could be matched
            // on purpose) — a library caller's text named like a built-in file included.
            let embedded = builtins[file.path] == file.bytes
            lines.append("source " + Self.quoted(file.path) + " " + String(file.bytes.count) + (embedded ? " embedded" : ""))
            if !embedded { text += file.bytes }
        }
        lines.append("max-nesting \(options.maxNesting)")
        lines.append("regex-match-limit \(options.regexMatchLimit)")
        lines.append("all \(options.all)")
        lines.append("enable " + options.enable.map(Self.quoted).joined(separator: ","))
        lines.append("disable " + options.disable.map(Self.quoted).joined(separator: ","))
        lines.append("only " + (options.only.map { $0.map(Self.quoted).joined(separator: ",") } ?? "-"))
        for (id, severity) in options.severities.sorted(by: { $0.key < $1.key }) {
            lines.append("severity " + Self.quoted(id) + " " + severity.rawValue)
        }
        for (name, value) in options.parameters.sorted(by: { $0.key < $1.key }) {
            lines.append("parameter " + Self.quoted(name) + " " + value.json)
        }
        for (name, text) in options.parameterTexts.sorted(by: { $0.key < $1.key }) {
            lines.append("parameter-text " + Self.quoted(name) + " " + Self.quoted(text))
        }
        self.text = Array(lines.joined(separator: "\n").utf8) + [0] + text
    }

    /// The built-in policy files' bytes by their `builtin:` path.
    private static let builtinBytes: [String: [UInt8]] = Dictionary(
        PolicySet.builtinFiles().map { ($0.path, $0.bytes) }, uniquingKeysWith: { first, _ in first })

    /// The entry's file name: 128 bits of the key, in hex.
    package var fileName: String {
        let (first, second) = text.withUnsafeBufferPointer { Self.fnv128($0) }
        return first.sixteenHexDigits + second.sixteenHexDigits + ".graph"
    }

    /// The running executable: its linker build ID (a hash of its contents) when it has one, and
    /// the file as the file system sees it (device, inode, size, modification time), so a rebuilt or
    /// reinstalled binary is another build. Read once per process.
    package static let buildIdentity: String? = {
        guard case .success(let file) = Platform.fileStatus("/proc/self/exe") else { return nil }
        return "\(ExecutableBuildID.current ?? "-") \(file.device):\(file.inode):\(file.size):\(file.modified)"
    }()

    /// 128 bits of `bytes` in one pass: FNV-1a, 64 bits, from two different starts. Names entries
    /// and checks their graphs (against damage, not against someone choosing bytes).
    static func fnv128(_ bytes: UnsafeBufferPointer<UInt8>) -> (UInt64, UInt64) {
        var first: UInt64 = 0xCBF2_9CE4_8422_2325, second: UInt64 = 0x6C62_272E_07BB_0142
        for byte in bytes {
            first = (first ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
            second = (second ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        return (first, second)
    }

    /// Text as a JSON string: a name with a comma, a space or a line break cannot pass for two.
    private static func quoted(_ text: String) -> String {
        var writer = JSONWriter()
        writer.append(string: text)
        return String(decoding: writer.bytes, as: UTF8.self)
    }
}
