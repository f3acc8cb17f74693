/// Where policies come from. Mix them freely: the built-in packs plus a team's own files.
public enum PolicySource: Sendable, Hashable {
    /// The built-in packs, carried in the library (`images`, `resources`, `pod-security-*`, …).
    case builtin
    /// A `.policy` file, or a folder searched recursively for them.
    case path(String)
    /// Policy text in memory; `name` is the file name diagnostics and reports show.
    case text(String, name: String)
}
