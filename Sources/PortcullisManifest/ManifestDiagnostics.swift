import PortcullisDiagnostics

/// The identifiers of every diagnostic the manifest loader produces.
package enum ManifestDiagnostic {
    /// libyaml rejected the text (the message is libyaml's).
    package static let syntax: DiagnosticID = "yaml.syntax"
    /// The bytes are not valid UTF-8 (or UTF-16 with a byte-order mark).
    package static let invalidUTF8: DiagnosticID = "input.invalid-utf8"
    /// A character YAML does not allow (control characters and the like).
    package static let invalidCharacter: DiagnosticID = "input.invalid-character"
    /// The file holds NUL bytes: it is binary, not YAML or JSON.
    package static let binary: DiagnosticID = "input.binary"
    /// The file is larger than `ManifestLimits.maxFileBytes`.
    package static let tooLarge: DiagnosticID = "input.too-large"
    /// The file could not be opened or read.
    package static let unreadable: DiagnosticID = "input.unreadable"
    /// A path given on the command line does not exist.
    package static let notFound: DiagnosticID = "input.not-found"
    /// A path is a FIFO, socket or device, which is never read.
    package static let notRegularFile: DiagnosticID = "input.not-a-file"
    /// Symbolic links that lead back to themselves.
    package static let symlinkLoop: DiagnosticID = "input.symlink-loop"
    /// Nesting deeper than `ManifestLimits.maxDepth`.
    package static let tooDeep: DiagnosticID = "yaml.too-deep"
    /// Aliases expand a document past `ManifestLimits.maxExpandedNodes`.
    package static let aliasBomb: DiagnosticID = "yaml.alias-expansion"
    /// An alias names an anchor that was not defined before it.
    package static let unknownAnchor: DiagnosticID = "yaml.unknown-anchor"
    /// An alias refers to a node that contains it.
    package static let recursiveAlias: DiagnosticID = "yaml.recursive-alias"
    /// A mapping key that is itself a mapping or sequence (JSON and Kubernetes cannot hold it).
    package static let complexKey: DiagnosticID = "yaml.complex-key"
    /// A key appears twice in one mapping; the last value wins.
    package static let duplicateKey: DiagnosticID = "yaml.duplicate-key"
    /// A merge key (`<<`) whose value is not a mapping or a sequence of mappings.
    package static let badMerge: DiagnosticID = "yaml.invalid-merge"
    /// A file holds more documents than `ManifestLimits.maxDocuments`; the rest is not read.
    package static let tooManyDocuments: DiagnosticID = "yaml.too-many-documents"
    /// A resource's JSON (aliases expanded) or its positions map is larger than `parse` prints.
    package static let outputTooLarge: DiagnosticID = "parse.output-too-large"
    /// A document that is a single scalar (plain text saved as YAML): not a Kubernetes resource.
    package static let notAMapping: DiagnosticID = "manifest.not-a-mapping"
    /// A document that is a sequence (a JSON patch, a values list): read, but not a resource.
    package static let sequenceDocument: DiagnosticID = "manifest.sequence-document"
    /// A mapping without `apiVersion` or `kind`: read, but no policy can match it.
    package static let missingKind: DiagnosticID = "manifest.missing-kind"
}
