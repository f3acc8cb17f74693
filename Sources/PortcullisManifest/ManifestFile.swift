import PortcullisDiagnostics

/// The outcome of loading one input: its source, its resources and its diagnostics.
package struct ManifestFile: Sendable {
    /// The bytes as read and the path shown to the user.
    package let source: SourceFile
    /// The arena behind every resource; `nil` when the file could not be read at all.
    package let storage: ManifestStorage?
    /// The resources in file order: one per non-empty document, `kind: List` items unpacked.
    package let resources: [Document]
    /// Problems found while reading and parsing, in the order met.
    package let diagnostics: [Diagnostic]

    /// `# portcullis:` comments, as YAML reads the file (not text inside scalars), in file order.
    package let directiveComments: [DirectiveComment]

    package init(source: SourceFile, storage: ManifestStorage?, resources: [Document], diagnostics: [Diagnostic],
                 directiveComments: [DirectiveComment] = []) {
        self.directiveComments = directiveComments
        self.source = source
        self.storage = storage
        self.resources = resources
        self.diagnostics = diagnostics
    }

    /// The display path.
    package var path: String { source.path }

    /// Whether any diagnostic is an error.
    package var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}
