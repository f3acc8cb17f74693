import PortcullisDiagnostics

/// Loads YAML and JSON manifests into compact, position-keeping `Document` trees.
///
/// Every problem becomes a diagnostic on the returned `ManifestFile`; nothing is thrown and a bad
/// file never stops the others. Thread-safe: one loader may load many files concurrently.
package struct ManifestLoader: Sendable {
    package var limits: ManifestLimits

    package init(limits: ManifestLimits = .standard) {
        self.limits = limits
    }

    /// Reads and loads the file at `path`, shown to the user as `displayPath`.
    package func loadFile(atPath path: String, displayPath: String? = nil) -> ManifestFile {
        let shown = displayPath ?? path
        switch FileReader.read(path: path, maxBytes: limits.maxFileBytes) {
        case .success(let bytes):
            // The bytes as read can be read again when let go; a source transcoded from UTF-16 is a
            // new one, without a path to read it back from.
            var source = SourceFile(path: shown, bytes: bytes)
            source.reloadPath = path
            return load(source)
        case .failure(let failure):
            return ManifestFile(source: SourceFile(path: shown, bytes: []), storage: nil, resources: [],
                                diagnostics: [failure.diagnostic(path: shown)])
        }
    }

    /// Loads bytes already in memory (standard input, an admission request, a test).
    package func load(_ source: SourceFile) -> ManifestFile {
        // UTF-16 is decoded once, here: every later step (libyaml, directive comments, source
        // excerpts) reads the same UTF-8 text, with the same lines and columns.
        var source = source
        switch UTF16Text.decode(source) {
        case .notUTF16: break
        case .decoded(let utf8): source = utf8
        case .invalid(let diagnostic): return ManifestFile(source: source, storage: nil, resources: [], diagnostics: [diagnostic])
        }
        if let binary = Self.binaryDiagnostic(source) {
            return ManifestFile(source: source, storage: nil, resources: [], diagnostics: [binary])
        }
        var builder = YAMLEventStream.build(source, limits: limits)
        if builder.needsFullBuild {
            // An alias pointed into a subtree the projection skipped: build the whole file.
            var full = limits
            full.projection = nil
            builder = YAMLEventStream.build(source, limits: full)
        }
        let diagnostics = builder.diagnostics
        // Per-document problems are capped like the builder's (`maxRepeatedDiagnostics` per kind).
        var documentDiagnostics: [Diagnostic] = []
        let roots = builder.documents
        let directiveComments = builder.directiveComments
        let storage = builder.finish()
        var resources: [Document] = []
        var sequences: [Node] = []
        resources.reserveCapacity(roots.count)
        for root in roots {
            let node = Node(storage: storage, index: root.root)
            switch node.kind {
            case .scalar:
                if node.scalarType == .null { continue }  // an empty document
                documentDiagnostics.append(.error(
                    ManifestDiagnostic.notAMapping,
                    "document \(root.streamIndex + 1) is a single value, not a Kubernetes resource (expected a mapping with apiVersion and kind)",
                    path: source.path, at: node.span))
            case .sequence:
                sequences.append(node)
                documentDiagnostics.append(.warning(
                    ManifestDiagnostic.sequenceDocument,
                    "document \(root.streamIndex + 1) is a sequence (a patch?), not a Kubernetes resource; no policy can match it",
                    path: source.path, at: node.span))
            case .mapping:
                let document = Document(path: source.path, streamIndex: root.streamIndex, listItemIndex: nil, root: node)
                if let review = document.admissionRequest {
                    // An AdmissionReview (a request saved from the API server, or the admission
                    // endpoint's body): the resource is the object under review.
                    if let object = review.object {
                        resources.append(Document(path: source.path, streamIndex: root.streamIndex, listItemIndex: nil,
                                                  root: object, operation: review.operation))
                    }
                } else if let items = document.listItems {
                    for (offset, item) in items.enumerated() where item.kind == .mapping {
                        resources.append(Document(path: source.path, streamIndex: root.streamIndex,
                                                  listItemIndex: offset, root: item))
                    }
                } else {
                    resources.append(document)
                }
            }
        }
        for resource in resources where !resource.isResource {
            let missing = resource.missingIdentity.joined(separator: " and ")
            documentDiagnostics.append(.warning(
                ManifestDiagnostic.missingKind,
                "document \(resource.streamIndex + 1) has no \(missing); no policy can match it",
                path: source.path, at: resource.root.span))
        }
        return ManifestFile(source: source, storage: storage, resources: resources,
                            diagnostics: diagnostics + documentDiagnostics.capped(perFileAndID: limits.maxRepeatedDiagnostics),
                            directiveComments: directiveComments, sequenceDocuments: sequences)
    }

    /// A NUL byte in the first 8 KiB, with no UTF-16/32 byte-order mark, means a binary file.
    private static func binaryDiagnostic(_ source: SourceFile) -> Diagnostic? {
        let bytes = source.bytes
        if bytes.count >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)) {
            return nil
        }
        // `memchr` over the first 8 KiB: a byte-by-byte search cost 0.7 instructions a byte, every file.
        let found = bytes.withUnsafeBufferPointer { buffer -> Int? in
            guard let base = buffer.baseAddress,
                  let hit = firstOccurrence(of: 0, in: base, count: min(buffer.count, 8192)) else { return nil }
            return hit - UnsafeRawPointer(base)
        }
        guard let nul = found else { return nil }
        return .error(ManifestDiagnostic.binary, "binary file (NUL byte at offset \(nul)), not YAML or JSON",
                      path: source.path, at: SourceSpan(start: source.location(ofByteOffset: nul)))
    }
}

/// Raw libyaml parsing with no tree: the yardstick for the loader's throughput.

package enum RawYAMLEventParser {
    /// Parses `bytes` into events and discards them; returns the event and document counts.
    package static func countEvents(_ bytes: [UInt8]) -> (events: Int, documents: Int, ok: Bool) {
        bytes.withUnsafeBufferPointer { YAMLEventStream.countEvents($0) }
    }
}
