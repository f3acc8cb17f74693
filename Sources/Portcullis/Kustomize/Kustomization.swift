#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import PortcullisDiagnostics
import PortcullisManifest

/// One kustomization file, as far as checking needs it: what it includes (resources, components),
/// which files it reads as patches, which other files it reads (generator sources, replacements…),
/// and the entries that set fields of the rendered resources (`images`, generators, `namespace`),
/// with their positions. Paths are absolute and standardized.
struct Kustomization: Sendable {
    /// The names kustomize looks for in a folder, in its order.
    static let fileNames = ["kustomization.yaml", "kustomization.yml", "Kustomization"]

    /// An `images:` entry: which image it changes, and the node that sets the new reference.
    struct ImageEntry: Sendable {
        var name: String
        var newName: String?
        /// `newTag`, else `digest`, else `newName`: where a finding about the image points.
        var node: Node
    }

    /// A `configMapGenerator` or `secretGenerator` entry.
    struct GeneratorEntry: Sendable {
        var kind: String
        var name: String
        var entry: Node
        var nameNode: Node
        /// `literals` (`KEY=value`) and `files` (`KEY=path` or `path`) entries.
        var literals: [Node]
        var files: [Node]
    }

    /// The file (absolute).
    let path: String
    /// Its folder (absolute): relative paths in it are resolved against this.
    let folder: String
    /// The file as loaded (its nodes keep their positions).
    let file: ManifestFile
    /// Local resources: files or folders (absolute), in order; `bases` too.
    var resources: [String] = []
    var components: [String] = []
    /// Resources that are not on this machine (git or HTTP URLs): rendering them would need the network.
    var remoteResources: [String] = []
    /// Files read as patches (`patches`, `patchesStrategicMerge`, `patchesJson6902` with a `path`).
    var patchFiles: [String] = []
    /// The `target` a patch file was given (kind and name; either may be absent), by file.
    var patchTargets: [String: (kind: String?, name: String?)] = [:]
    /// Patches written in the kustomization itself (`patch: |-`, inline `patchesStrategicMerge`).
    var inlinePatches: [InlinePatch] = []

    /// A patch written inline: its text parsed, and how its positions map into the kustomization file.
    struct InlinePatch: Sendable {
        /// The text, loaded (shown as the kustomization file: positions are then moved into it).
        var content: ManifestFile
        var target: (kind: String?, name: String?)?
        /// Where the scalar holding the text is (its span, not the node: a node does not hold the
        /// kustomization file's arena, and a patch may be kept apart from the file).
        var span: SourceSpan
        /// For a literal block (`|`), where the text's line 1, column 1 is in the file; `nil`
        /// otherwise (positions then fall back to the whole scalar).
        var origin: SourceLocation?

        /// A position in the text, as a span of the kustomization file.
        func place(_ span: SourceSpan) -> SourceSpan {
            guard let origin else { return self.span }
            func move(_ location: SourceLocation) -> SourceLocation {
                SourceLocation(line: location.line + origin.line - 1, column: location.column + origin.column - 1)
            }
            return SourceSpan(start: move(span.start), end: move(span.end))
        }
    }
    /// Other files the rendering reads: generator sources, replacements, CRDs, configurations.
    var otherFiles: [String] = []
    var images: [ImageEntry] = []
    var generators: [GeneratorEntry] = []
    /// The `namespace:` value node.
    var namespace: Node?
    /// Generators or transformers kustomize runs only with extra flags (`helmCharts`).
    var needsHelm = false
    /// A `kind: Component`: included by kustomizations (`components:`), never rendered alone.
    var isComponent = false

    /// The kustomization file in `folder` (absolute), if there is one.
    static func file(inFolder folder: String) -> String? {
        for name in fileNames {
            let candidate = folder.hasSuffix("/") ? folder + name : folder + "/" + name
            // `stat` through the Platform layer: Foundation's `fileExists` costs a path conversion
            // per call, and discovery asks three names in every folder up to the repository's top.
            if case .success(let status) = Platform.fileStatus(candidate), status.kind != .directory { return candidate }
        }
        return nil
    }

    /// Reads the kustomization file at `path` (absolute); `nil` when it cannot be read or is not a mapping.
    /// `paths` standardizes the paths it names.
    static func load(_ path: String, displayPath: String, loader: ManifestLoader,
                     paths: PathStandardizer) -> Kustomization? {
        let file = loader.loadFile(atPath: path, displayPath: displayPath)
        guard let root = file.resources.first?.root, root.kind == .mapping else { return nil }
        var kustomization = Kustomization(path: path, folder: PathResolution.parentFolder(of: path), file: file)
        kustomization.read(root, paths: paths)
        return kustomization
    }

    /// Whether `reference` (a resource entry) names something on another machine.
    static func isRemote(_ reference: String) -> Bool {
        holds(reference, "://") || reference.hasPrefix("git@") || reference.hasPrefix("github.com/")
            || reference.hasPrefix("gitlab.com/") || reference.hasPrefix("bitbucket.org/") || holds(reference, "?ref=")
            || holds(reference, "?version=")
    }

    /// Whether `text` holds `part`, compared by bytes: Foundation's `contains` (which this file's
    /// import makes the one called) costs a locale-aware search per call.
    private static func holds(_ text: String, _ part: StaticString) -> Bool {
        let needle = UnsafeBufferPointer(start: part.utf8Start, count: part.utf8CodeUnitCount)
        guard let first = needle.first else { return true }
        var text = text
        return text.withUTF8 { bytes in
            guard bytes.count >= needle.count else { return false }
            for start in 0...(bytes.count - needle.count) where bytes[start] == first {
                var matched = 1
                while matched < needle.count && bytes[start + matched] == needle[matched] { matched += 1 }
                if matched == needle.count { return true }
            }
            return false
        }
    }

    private mutating func read(_ root: Node, paths: PathStandardizer) {
        let folder = self.folder
        func absolute(_ relative: String) -> String { paths.standardized(relative, in: folder) }
        for key in ["resources", "bases"] {
            for reference in texts(root[key]) {
                if Self.isRemote(reference) { remoteResources.append(reference) } else { resources.append(absolute(reference)) }
            }
        }
        for reference in texts(root["components"]) {
            if Self.isRemote(reference) { remoteResources.append(reference) } else { components.append(absolute(reference)) }
        }
        for entry in (root["patches"]?.elements ?? []) + (root["patchesJson6902"]?.elements ?? []) {
            let target = entry["target"].map { ($0["kind"]?.scalarText, $0["name"]?.scalarText) }
            if let path = entry["path"]?.scalarText {
                patchFiles.append(absolute(path))
                if let target { patchTargets[absolute(path)] = target }
            } else if let patch = entry["patch"], patch.kind == .scalar {
                inlinePatches.append(inline(patch, target: target))
            }
        }
        for element in root["patchesStrategicMerge"]?.elements ?? [] {
            // An entry is a file name, or a whole patch written inline (several lines).
            guard let text = element.scalarText else { continue }
            if Self.holds(text, "\n") || Self.holds(text, ": ") {
                inlinePatches.append(inline(element, target: nil))
            } else {
                patchFiles.append(absolute(text))
            }
        }
        for key in ["configMapGenerator", "secretGenerator"] {
            for entry in root[key]?.elements ?? [] where entry.kind == .mapping {
                let files = entry["files"]?.elements ?? []
                for node in files {
                    guard let text = node.scalarText else { continue }
                    otherFiles.append(absolute(text.split(separator: "=", maxSplits: 1).last.map(String.init) ?? text))
                }
                otherFiles += texts(entry["envs"]).map(absolute)
                if let env = entry["env"]?.scalarText { otherFiles.append(absolute(env)) }
                if let nameNode = entry["name"], let name = nameNode.scalarText {
                    generators.append(GeneratorEntry(kind: key == "configMapGenerator" ? "ConfigMap" : "Secret", name: name, entry: entry,
                                                     nameNode: nameNode, literals: entry["literals"]?.elements ?? [], files: files))
                }
            }
        }
        for entry in root["replacements"]?.elements ?? [] {
            if let path = entry["path"]?.scalarText { otherFiles.append(absolute(path)) }
        }
        for key in ["crds", "configurations", "transformers", "generators", "validators"] {
            for text in texts(root[key]) where !Self.holds(text, "\n") && !Self.isRemote(text) { otherFiles.append(absolute(text)) }
        }
        if let path = root["openapi"]?["path"]?.scalarText { otherFiles.append(absolute(path)) }
        for entry in root["images"]?.elements ?? [] where entry.kind == .mapping {
            guard let name = entry["name"]?.scalarText,
                  let node = entry["newTag"] ?? entry["digest"] ?? entry["newName"] else { continue }
            images.append(ImageEntry(name: name, newName: entry["newName"]?.scalarText, node: node))
        }
        namespace = root["namespace"].flatMap { $0.kind == .scalar ? $0 : nil }
        needsHelm = root["helmCharts"] != nil || root["helmChartInflationGenerator"] != nil
        isComponent = root["kind"]?.scalarText == "Component"
    }

    /// An inline patch: its text loaded; for a literal block, where its first line starts in the file
    /// (the line after the indicator, at the block's indentation).
    private func inline(_ node: Node, target: (kind: String?, name: String?)?) -> InlinePatch {
        let content = ManifestLoader().load(SourceFile(path: file.path, bytes: Array((node.scalarText ?? "").utf8)))
        var origin: SourceLocation?
        if node.style == .literal {
            var line = node.span.start.line + 1
            while let text = file.source.text(ofLine: line), text.allSatisfy({ $0 == " " }), line < node.span.end.line { line += 1 }
            if let text = file.source.text(ofLine: line) {
                let indent = text.prefix { $0 == " " }.count
                // Blank lines before the first one are part of the text.
                origin = SourceLocation(line: node.span.start.line + 1, column: indent + 1)
            }
        }
        return InlinePatch(content: content, target: target, span: node.span, origin: origin)
    }

    /// The text scalars of a sequence (a lone scalar counts as a list of one).
    private func texts(_ node: Node?) -> [String] {
        guard let node else { return [] }
        if node.kind == .scalar { return node.scalarText.map { [$0] } ?? [] }
        return node.elements.compactMap(\.scalarText)
    }
}
