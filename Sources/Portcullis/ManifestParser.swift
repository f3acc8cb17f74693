import PortcullisDiagnostics
import PortcullisManifest

/// Reads manifests the way a validation does and shows them as the policies see them: each
/// resource as JSON, with the line and column of every node when asked (`portcullis parse`).
public struct ManifestParser: Sendable {
    /// Limits, excludes and the name of standard input.
    public var options: ValidationOptions

    /// A parser with these options.
    public init(options: ValidationOptions = ValidationOptions()) {
        self.options = options
    }

    /// One file as read: its resources and its problems.
    public struct ParsedFile: Sendable {
        /// The file as shown.
        public let path: String
        /// Its resources in file order.
        public let resources: [ParsedResource]
        /// Its problems, in file order.
        public let diagnostics: [Diagnostic]
        /// Whether a problem is an error (the file, or part of it, could not be read).
        public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
    }

    /// One resource (a document, or an item of a `kind: List`).
    public struct ParsedResource: Sendable {
        let document: Document
        /// 0-based position of the YAML document in its file.
        public var documentIndex: Int { document.streamIndex }
        /// The item's index when it is an item of a `kind: List`.
        public var listItemIndex: Int? { document.listItemIndex }

        /// `{"file":…,"document":N[,"item":N],"resource":{…}[,"positions":{path: [line, column, endLine, endColumn]}]}`.
        public func jsonLine(positions: Bool = false) -> [UInt8] {
            (try? jsonLine(positions: positions, maxBytes: Int.max).get()) ?? []
        }

        /// The line, unless it would be longer than `maxBytes`: aliases expand (a 20 KB file of
        /// aliases can stand for gigabytes of JSON) and each position's path is as long as its
        /// node is deep, so neither the file size nor the node limit bounds the output. Over the
        /// limit, the line is not made at all and the error names the resource.
        public func jsonLine(positions: Bool, maxBytes: Int) -> Result<[UInt8], OutputTooLarge> {
            var writer = JSONWriter()
            writer.append(raw: "{\"file\":")
            writer.append(string: document.path)
            writer.append(raw: ",\"document\":\(document.streamIndex)")
            if let item = document.listItemIndex { writer.append(raw: ",\"item\":\(item)") }
            writer.append(raw: ",\"resource\":")
            guard writer.append(document.root, maxBytes: max(0, maxBytes - writer.bytes.count)) else { return .failure(tooLarge(maxBytes)) }
            if positions {
                writer.append(raw: ",\"positions\":{")
                // Each entry adds its path, quoted, and four numbers: the paths alone bound it first.
                let (entries, complete) = document.root.pathsAndSpans(maxPathBytes: max(0, maxBytes - writer.bytes.count))
                guard complete else { return .failure(tooLarge(maxBytes)) }
                for (offset, entry) in entries.enumerated() {
                    if offset > 0 { writer.append(raw: ",") }
                    writer.append(string: entry.path)
                    let s = entry.span
                    writer.append(raw: ":[\(s.start.line),\(s.start.column),\(s.end.line),\(s.end.column)]")
                    if writer.bytes.count > maxBytes { return .failure(tooLarge(maxBytes)) }
                }
                writer.append(raw: "}")
            }
            writer.append(raw: "}\n")
            guard writer.bytes.count <= maxBytes else { return .failure(tooLarge(maxBytes)) }
            return .success(writer.bytes)
        }

        private func tooLarge(_ limit: Int) -> OutputTooLarge {
            let where_ = document.listItemIndex.map { "item \($0) of document \(document.streamIndex + 1)" } ?? "document \(document.streamIndex + 1)"
            return OutputTooLarge(diagnostic: Diagnostic(.error(
                ManifestDiagnostic.outputTooLarge,
                "\(where_) would print more than \(limit) bytes of JSON (aliases expanded, positions included); not printed (raise --max-output-bytes)",
                path: document.path, at: document.root.span)))
        }
    }

    /// A resource whose `parse` line would pass the output limit.
    public struct OutputTooLarge: Error, Sendable {
        /// Where and why, as an error.
        public let diagnostic: Diagnostic
    }

    /// Reads every file under `paths`: problems of discovery (a missing path) first, then each file.
    public func parse(paths: [String]) -> (files: [ParsedFile], diagnostics: [Diagnostic]) {
        let discovery = InputDiscovery(excludes: options.excludes.map(GlobPattern.init), standardInputName: options.standardInputName)
        let (inputs, diagnostics) = discovery.collect(paths)
        let loader = ManifestLoader(limits: options.limits)
        let files = loader.loadAll(inputs, parallel: options.parallel).map { file in
            ParsedFile(path: file.path, resources: file.resources.map(ParsedResource.init),
                       diagnostics: file.diagnostics.sorted(by: PortcullisDiagnostics.Diagnostic.reportOrder).wrapped(sources: [file.source]))
        }
        return (files, diagnostics.wrapped())
    }
}
