import PortcullisDiagnostics

/// The outcome of loading one input: its source, its resources and its diagnostics.
package struct ManifestFile: Sendable {
    /// The bytes as read and the path shown to the user.
    package var source: SourceFile
    /// The arena behind every resource; `nil` when the file could not be read at all.
    package let storage: ManifestStorage?
    /// The mapping documents in file order, `kind: List` items unpacked: resources, and documents
    /// without `apiVersion` or `kind` that are read but are not resources (`Document.isResource`).
    package let resources: [Document]
    /// Problems found while reading and parsing, in the order met.
    package let diagnostics: [Diagnostic]

    /// `# portcullis:` comments, as YAML reads the file (not text inside scalars), in file order.
    package let directiveComments: [DirectiveComment]
    /// Documents that are sequences, in file order: not resources (the loader warns), but a
    /// kustomize JSON 6902 patch is one, and findings are traced back into its operations.
    package let sequenceDocuments: [Node]

    /// `resourceCount`: the count of the file these documents were cut down from, when they no
    /// longer say it themselves (`CrossDocumentProjection` keeps only what rules read).
    package init(source: SourceFile, storage: ManifestStorage?, resources: [Document], diagnostics: [Diagnostic],
                 directiveComments: [DirectiveComment] = [], sequenceDocuments: [Node] = [], resourceCount: Int? = nil) {
        countedResources = resourceCount
        self.directiveComments = directiveComments
        self.sequenceDocuments = sequenceDocuments
        self.source = source
        self.storage = storage
        self.resources = resources
        self.diagnostics = diagnostics
    }

    /// The same file holding `resources` instead of its documents, counted as it counted them (a
    /// run waiting for its cross-document rules holds a file's documents as a `DocumentList`).
    package func with(resources: [Document]) -> ManifestFile {
        var file = ManifestFile(source: source, storage: storage, resources: resources, diagnostics: diagnostics,
                                directiveComments: directiveComments, sequenceDocuments: sequenceDocuments)
        file.countedResources = resourceCount
        return file
    }

    /// The display path.
    package var path: String { source.path }

    /// How many Kubernetes resources the file holds (what a run summary counts): its documents that
    /// name an apiVersion and a kind.
    package var resourceCount: Int { countedResources ?? resources.count(where: \.isResource) }
    /// The count kept by `released()`, which lets the resources go.
    private var countedResources: Int?

    /// What a report still needs of the file once it is evaluated: its source (detached from its
    /// bytes when they can be read again), diagnostics, directive comments and resource count —
    /// not its node arena or documents. A run keeps this per file, so memory does not grow with
    /// the files' contents.
    package func released() -> ManifestFile {
        released(keepingLines: [], within: nil)
    }

    /// `released()`, keeping the text of `lines` and of the lines the file's diagnostics point at
    /// (what a report shows) within `budget` (`SourceFile.detached(keepingLines:within:)`).
    package func released(keepingLines lines: [Int], within budget: KeptLineBudget?) -> ManifestFile {
        let source = source.detached(keepingLines: lines + diagnostics.lines(in: path), within: budget)
        var file = ManifestFile(source: source, storage: nil, resources: [], diagnostics: diagnostics, directiveComments: directiveComments)
        file.countedResources = resourceCount
        return file
    }

    /// Whether any diagnostic is an error.
    package var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}
