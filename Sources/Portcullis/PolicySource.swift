/// Where policies come from. Mix them freely: the built-in packs plus a team's own files.
public enum PolicySource: Sendable, Hashable {
    /// The built-in packs, carried in the library (`images`, `resources`, `pod-security-*`, …).
    case builtin
    /// A `.policy` file, or a folder searched recursively for them.
    case path(String)
    /// Policy text in memory; `name` is the file name diagnostics and reports show.
    case text(String, name: String)
}

extension PolicySource {
    /// The word that names the built-in packs among policy paths (`--policy builtin --policy ./policies`,
    /// `policies: [builtin, ./policies]`); a folder of that name is `./builtin`.
    public static let builtinName = "builtin"

    /// The source a policy path names: the built-in packs for `builtin`, else the file or folder.
    public init(path: String) {
        self = path == PolicySource.builtinName ? .builtin : .path(path)
    }

    /// The sources policy paths name; none given: the built-in packs.
    public static func sources(_ paths: [String]) -> [PolicySource] {
        paths.isEmpty ? [.builtin] : paths.map(PolicySource.init(path:))
    }
}
