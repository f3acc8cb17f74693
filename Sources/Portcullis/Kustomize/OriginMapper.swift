#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import PortcullisDiagnostics
import PortcullisEngine
import PortcullisManifest

/// Points findings on a rendered kustomization back at the repository's files.
///
/// Each rendered resource names its origin (`config.kubernetes.io/origin`): a file, or the
/// kustomization whose generator made it. A finding is reported, in this order of preference:
/// 1. at the same field of the resource in its origin file, when the value there is the rendered
///    one (sequence elements matched by their merge key: `name`, `containerPort`, `mountPath`…);
/// 2. where the overlay set the value: a strategic-merge patch, a JSON 6902 operation, an `images:`
///    entry, `namespace:`, a generator's literal or file entry;
/// 3. at the resource in its origin file (its name), or at the generator entry.
///
/// Findings of cases 2 and 3 name the overlay in their message: the same file feeds every overlay.
struct OriginMapper {
    /// The rendered root.
    var root: String
    /// The root as shown (`overlays/prod`).
    var overlay: String
    var closure: KustomizeLayout.Closure
    /// The folder origin paths are relative to.
    var wrapperFolder: String
    /// Every file the mapping may point into, loaded, by absolute path.
    var files: [String: ManifestFile]
    /// Absolute paths by real path (symbolic links resolved): origin paths come resolved.
    var byRealPath: [String: String]
    /// What the origin files find as they are written: a rendered finding that is one of these is
    /// the origin's own, not the overlay's.
    var originFindings: Set<OriginFinding> = []

    /// A finding of an origin file as written: policy and place.
    struct OriginFinding: Hashable, Sendable {
        var policyID: String
        var path: String
        var documentIndex: Int
        var listItemIndex: Int?
        var span: SourceSpan

        init(policyID: String, path: String, documentIndex: Int, listItemIndex: Int?, span: SourceSpan) {
            self.policyID = policyID
            self.path = path
            self.documentIndex = documentIndex
            self.listItemIndex = listItemIndex
            self.span = span
        }

        init(_ finding: PortcullisEngine.Finding) {
            self.init(policyID: finding.policyID, path: finding.path, documentIndex: finding.documentIndex,
                      listItemIndex: finding.listItemIndex, span: finding.span)
        }
    }

    static let originAnnotation = "config.kubernetes.io/origin"
    /// Keys that identify an element of a list that strategic merge patches merge by.
    static let mergeKeys = ["name", "containerPort", "mountPath", "devicePath", "ip", "port", "topologyKey", "type"]

    /// Where a rendered resource came from.
    enum Origin {
        /// A resource in a file.
        case file(String)
        /// Made by a generator configured in a kustomization file.
        case generator(kustomization: String, kind: String?)
        case unknown
    }

    /// The origin of a rendered resource (absolute paths).
    func origin(of document: Document) -> Origin {
        guard let text = document.root["metadata"]?["annotations"]?[Self.originAnnotation]?.scalarText else { return .unknown }
        let parsed = ManifestLoader().load(SourceFile(path: Self.originAnnotation, bytes: Array(text.utf8)))
        // The parsed file holds the arena its nodes are in (a node does not) while they are read.
        return withExtendedLifetime(parsed) {
            guard let fields = parsed.resources.first?.root else { return .unknown }
            if let path = fields["path"]?.scalarText, fields["repo"] == nil { return .file(absolute(path)) }
            if let configuredIn = fields["configuredIn"]?.scalarText {
                return .generator(kustomization: absolute(configuredIn), kind: fields["configuredBy"]?["kind"]?.scalarText)
            }
            return .unknown
        }
    }

    private func absolute(_ originPath: String) -> String {
        let real = URL(fileURLWithPath: wrapperFolder).appendingPathComponent(originPath).standardizedFileURL.path
        return byRealPath[real] ?? real
    }

    /// The findings of one rendered resource, in the repository's files.
    func map(_ findings: [PortcullisEngine.Finding], of rendered: Document) -> [PortcullisEngine.Finding] {
        let origin = origin(of: rendered)
        return findings.map { map($0, rendered: rendered, origin: origin) }
    }

    private func map(_ finding: PortcullisEngine.Finding, rendered: Document, origin: Origin) -> PortcullisEngine.Finding {
        let renderedNode = rendered.root.node(at: finding.pathComponents)
        switch origin {
        case .file(let path):
            guard let file = files[path], let source = Self.matchingDocument(in: file, kind: rendered.kind, name: rendered.name) else { break }
            let same = Self.sameField(finding.pathComponents, rendered: rendered.root, renderedNode: renderedNode, in: source.root)
            // 1. The origin resource's own finding: the same field, as the origin file has it.
            if let same, originFindings.contains(OriginFinding(policyID: finding.policyID, path: file.path, documentIndex: source.streamIndex,
                                                                listItemIndex: source.listItemIndex, span: same.span)) {
                var mapped = finding
                mapped.path = file.path
                mapped.span = same.span
                mapped.pathComponents = same.path
                mapped.documentIndex = source.streamIndex
                mapped.listItemIndex = source.listItemIndex
                mapped.kind = source.kind
                mapped.namespace = source.namespace
                mapped.name = source.name
                return mapped
            }
            // 2. Where the overlay set the value; 3. a patch changing the same element.
            if let placed = setByOverlay(finding, rendered: rendered, renderedNode: renderedNode, originName: source.name) { return placed }
            if let placed = nearPatch(finding, rendered: rendered, originName: source.name) { return placed }
            // 4. The field in the origin (the overlay made it a finding: its path, its namespace); 5. the resource.
            let at = same?.span ?? (source.root["metadata"]?["name"] ?? source.root).span
            return overlayFinding(finding, path: file.path, span: at, documentIndex: source.streamIndex, listItemIndex: source.listItemIndex)
        case .generator(let kustomizationPath, let kind):
            if let placed = setByOverlay(finding, rendered: rendered, renderedNode: renderedNode, originName: nil) { return placed }
            if let kustomization = closure.kustomizations.first(where: { $0.path == kustomizationPath }) {
                let entry = kustomization.generators.first { generator in
                    (kind == nil || kind == generator.kind + "Generator") && Self.generated(rendered.name, from: generator.name)
                }
                return overlayFinding(finding, path: kustomization.file.path, span: (entry?.nameNode ?? kustomization.file.resources.first!.root).span,
                                      documentIndex: 0, listItemIndex: nil)
            }
        case .unknown:
            if let placed = setByOverlay(finding, rendered: rendered, renderedNode: renderedNode, originName: nil) { return placed }
        }
        // Nothing names the origin: the root's kustomization.
        let kustomization = closure.kustomizations[0]
        return overlayFinding(finding, path: kustomization.file.path, span: kustomization.file.resources.first!.root.span,
                              documentIndex: 0, listItemIndex: nil)
    }

    /// A finding placed where the overlay set the value, or at the resource: the overlay is named.
    private func overlayFinding(_ finding: PortcullisEngine.Finding, path: String, span: SourceSpan, documentIndex: Int,
                                listItemIndex: Int?) -> PortcullisEngine.Finding {
        var mapped = finding
        mapped.path = path
        mapped.span = span
        mapped.documentIndex = documentIndex
        mapped.listItemIndex = listItemIndex
        mapped.message += " (in overlay \(overlay))"
        return mapped
    }

    // MARK: Case 1: the same field

    /// The place of the finding in the origin resource, when the origin holds the rendered value
    /// there (a missing field: when the origin lacks it too, at the mapping where it belongs).
    static func sameField(_ components: [PathComponent], rendered: Node, renderedNode: Node?, in origin: Node)
        -> (span: SourceSpan, path: [PathComponent])? {
        if let renderedNode {
            guard let found = corresponding(components[...], rendered: rendered, other: origin), agree(renderedNode, found.node) else { return nil }
            let span = found.node.kind != .scalar ? (found.key?.span ?? found.node.span) : found.node.span
            return (span, found.path)
        }
        // A missing field: the origin's mapping where it belongs, lacking it as well.
        guard let last = components.last, case .key(let key) = last,
              let parent = corresponding(components.dropLast(), rendered: rendered, other: origin),
              parent.node.kind == .mapping, parent.node[key] == nil else { return nil }
        return (parent.key?.span ?? parent.node.span, parent.path + [last])
    }

    /// Whether the origin's node holds what was rendered (scalars by text; containers by kind).
    static func agree(_ rendered: Node, _ other: Node) -> Bool {
        guard rendered.kind == other.kind else { return false }
        return rendered.kind != .scalar || rendered.scalarText == other.scalarText
    }

    /// The node of `other` at the place `components` lead to in `rendered`: mapping keys by name,
    /// sequence elements by merge key, scalars in a list by value, else by position.
    static func corresponding(_ components: ArraySlice<PathComponent>, rendered: Node, other: Node)
        -> (node: Node, key: Node?, path: [PathComponent])? {
        var r = rendered, o = other
        var key: Node?
        var path: [PathComponent] = []
        for component in components {
            switch component {
            case .key(let name):
                guard let next = r[name], o.kind == .mapping,
                      let entry = o.entries.last(where: { $0.key.scalarText == name }) else { return nil }
                r = next
                o = entry.value
                key = entry.key
                path.append(component)
            case .index(let position):
                guard let element = r[position], o.kind == .sequence else { return nil }
                let candidates = o.elements
                var match: Int?
                if element.kind == .mapping, let mergeKey = mergeKeys.first(where: { element[$0]?.scalarText != nil }) {
                    let value = element[mergeKey]!.scalarText
                    match = candidates.firstIndex { $0[mergeKey]?.scalarText == value }
                } else if element.kind == .scalar {
                    match = candidates.firstIndex { $0.kind == .scalar && $0.scalarText == element.scalarText }
                } else if candidates.count == r.count {
                    match = position
                }
                guard let match else { return nil }
                r = element
                o = candidates[match]
                key = nil
                path.append(.index(match))
            }
        }
        return (o, key, path)
    }

    // MARK: Case 2: set by the overlay

    /// A patch to search: a patch file, or a patch written in a kustomization.
    struct PatchSource {
        /// The patch, loaded: strategic-merge documents and JSON 6902 operation lists.
        var content: ManifestFile
        /// The file findings point into, and how positions in `content` map into it.
        var file: ManifestFile
        var place: (SourceSpan) -> SourceSpan
        var target: (kind: String?, name: String?)?
        /// Written in the kustomization: its documents are not the file's.
        var isInline: Bool
    }

    /// The patches of the closure, the root's kustomization first (the outer patch is applied last).
    var patches: [PatchSource] {
        closure.kustomizations.flatMap { kustomization -> [PatchSource] in
            let files = kustomization.patchFiles.compactMap { path in
                self.files[path].map { PatchSource(content: $0, file: $0, place: { $0 }, target: kustomization.patchTargets[path], isInline: false) }
            }
            let inline = kustomization.inlinePatches.map { patch in
                PatchSource(content: patch.content, file: kustomization.file, place: patch.place, target: patch.target, isInline: true)
            }
            return files + inline
        }
    }

    private func setByOverlay(_ finding: PortcullisEngine.Finding, rendered: Document, renderedNode: Node?, originName: String?)
        -> PortcullisEngine.Finding? {
        let components = finding.pathComponents
        var place: (file: ManifestFile, span: SourceSpan, documentIndex: Int)?
        search: for patch in patches {
            if let kind = patch.target?.kind, kind != rendered.kind { continue }
            if let name = patch.target?.name, name != originName && name != rendered.name { continue }
            for operations in patch.content.sequenceDocuments {
                if let span = Self.jsonPatchSpan(components, operations: operations, rendered: rendered.root, renderedNode: renderedNode) {
                    place = (patch.file, patch.place(span), 0)
                    break search
                }
            }
            // A field a strategic merge removed: no line says so. A merge key (a container's name,
            // the resource's name) identifies what the patch changes; it sets nothing.
            guard let renderedNode, !Self.isIdentifier(components) else { continue }
            for document in patch.content.resources where document.kind == rendered.kind
                && (patch.target?.name != nil || document.name == originName || document.name == rendered.name) {
                if let found = Self.corresponding(components[...], rendered: rendered.root, other: document.root),
                   Self.agree(renderedNode, found.node) {
                    let span = found.node.kind != .scalar ? (found.key?.span ?? found.node.span) : found.node.span
                    place = (patch.file, patch.place(span), patch.isInline ? 0 : document.streamIndex)
                    break search
                }
            }
        }
        guard let renderedNode else {
            guard let place else { return nil }
            return overlayFinding(finding, path: place.file.path, span: place.span, documentIndex: place.documentIndex, listItemIndex: nil)
        }
        // An image set by an `images:` entry.
        if place == nil, case .key("image")? = components.last, let image = renderedNode.scalarText {
            let name = Self.imageName(image)
            for kustomization in closure.kustomizations {
                if let entry = kustomization.images.first(where: { ($0.newName ?? $0.name) == name || $0.name == name }) {
                    place = (kustomization.file, entry.node.span, 0)
                    break
                }
            }
        }
        // The namespace set by `namespace:`.
        if place == nil, components == [.key("metadata"), .key("namespace")], let value = renderedNode.scalarText {
            if let kustomization = closure.kustomizations.first(where: { $0.namespace?.scalarText == value }) {
                place = (kustomization.file, kustomization.namespace!.span, 0)
            }
        }
        // A generated ConfigMap's or Secret's key: the literal or file entry that sets it.
        if place == nil, components.count == 2, case .key(let section) = components[0], ["data", "stringData", "binaryData"].contains(section),
           case .key(let dataKey) = components[1] {
            search: for kustomization in closure.kustomizations {
                for generator in kustomization.generators where generator.kind == rendered.kind && Self.generated(rendered.name, from: generator.name) {
                    let literal = generator.literals.first { node in
                        guard let text = node.scalarText, let equals = text.firstIndex(of: "=") else { return false }
                        return text[..<equals] == dataKey && (renderedNode.scalarText == nil || String(text[text.index(after: equals)...]) == renderedNode.scalarText
                                                               || section != "data")
                    }
                    let file = generator.files.first { node in
                        guard let text = node.scalarText else { return false }
                        if let equals = text.firstIndex(of: "=") { return text[..<equals] == dataKey }
                        return PathResolution.lastName(of: text) == dataKey
                    }
                    if let node = literal ?? file {
                        place = (kustomization.file, node.span, 0)
                        break search
                    }
                }
            }
        }
        guard let place else { return nil }
        return overlayFinding(finding, path: place.file.path, span: place.span, documentIndex: place.documentIndex, listItemIndex: nil)
    }

    /// A patch that changes the element holding the finding's node (the list element, a container,
    /// or the mapping below the top level): a JSON 6902 operation inside it, else a strategic-merge
    /// patch that has it — the likely cause when nothing set the node
    /// itself (an operation names a change; a merge patch names the element to find it).
    private func nearPatch(_ finding: PortcullisEngine.Finding, rendered: Document, originName: String?) -> PortcullisEngine.Finding? {
        // The element: through the last list index (a container), else a parent below the top level.
        let components = finding.pathComponents
        let parent: [PathComponent]
        if let last = components.lastIndex(where: { if case .index = $0 { return true } else { return false } }) {
            parent = Array(components[...last])
        } else {
            parent = Array(components.dropLast())
            guard parent.count >= 2 else { return nil }
        }
        let applicable = patches.filter { patch in
            if let kind = patch.target?.kind, kind != rendered.kind { return false }
            if let name = patch.target?.name, name != originName && name != rendered.name { return false }
            return true
        }
        for patch in applicable {
            for operations in patch.content.sequenceDocuments {
                for operation in operations.elements.reversed() {
                    guard let pathNode = operation["path"], let pointer = pathNode.scalarText else { continue }
                    let target = Self.jsonPointer(pointer)
                    if target.count >= parent.count, Array(target.prefix(parent.count)) == parent {
                        return overlayFinding(finding, path: patch.file.path, span: patch.place(pathNode.span), documentIndex: 0, listItemIndex: nil)
                    }
                }
            }
        }
        for patch in applicable {
            for document in patch.content.resources where document.kind == rendered.kind
                && (patch.target?.name != nil || document.name == originName || document.name == rendered.name) {
                if let found = Self.corresponding(parent[...], rendered: rendered.root, other: document.root) {
                    let span = found.key?.span ?? found.node.span
                    return overlayFinding(finding, path: patch.file.path, span: patch.place(span),
                                          documentIndex: patch.isInline ? 0 : document.streamIndex, listItemIndex: nil)
                }
            }
        }
        return nil
    }

    /// The span in a JSON 6902 patch of what set the node: the `value` of an `add` or `replace`
    /// operation; for a field the rendering lacks (`renderedNode` nil), the `path` of a `remove`.
    static func jsonPatchSpan(_ components: [PathComponent], operations: Node, rendered: Node, renderedNode: Node?) -> SourceSpan? {
        for operation in operations.elements.reversed() {  // the last operation on a path wins
            guard let op = operation["op"]?.scalarText, let pathNode = operation["path"], let pointer = pathNode.scalarText else { continue }
            let target = jsonPointer(pointer)
            guard target.count <= components.count, Array(components.prefix(target.count)) == target else { continue }
            guard let renderedNode else {
                if op == "remove" { return pathNode.span }
                continue
            }
            guard op == "add" || op == "replace", let value = operation["value"], let renderedValue = rendered.node(at: target),
                  let valueKey = operation.entries.first(where: { $0.key.scalarText == "value" })?.key else { continue }
            let rest = components.dropFirst(target.count)
            if rest.isEmpty {
                guard agree(renderedNode, value) else { continue }
                return value.kind == .scalar ? value.span : valueKey.span
            }
            if let found = corresponding(rest, rendered: renderedValue, other: value), agree(renderedNode, found.node) {
                return found.node.kind != .scalar ? (found.key?.span ?? found.node.span) : found.node.span
            }
        }
        return nil
    }

    /// Whether the path leads to what a strategic-merge patch names to find its target: the
    /// resource's `apiVersion`, `kind`, `metadata.name`, or a list element's merge key.
    static func isIdentifier(_ components: [PathComponent]) -> Bool {
        if components == [.key("apiVersion")] || components == [.key("kind")] || components == [.key("metadata"), .key("name")] { return true }
        guard components.count >= 2, case .key(let key) = components[components.count - 1], case .index = components[components.count - 2] else { return false }
        return mergeKeys.contains(key)
    }

    /// `/spec/containers/0/image` as path components (`~1` is `/`, `~0` is `~`).
    static func jsonPointer(_ pointer: String) -> [PathComponent] {
        pointer.split(separator: "/", omittingEmptySubsequences: true).map { part in
            let text = String(part).replacing("~1", with: "/").replacing("~0", with: "~")
            if let index = Int(text), text.allSatisfy(\.isNumber) { return .index(index) }
            return .key(text)
        }
    }

    // MARK: Matching resources

    /// The resource of `file` that was rendered as `kind`/`name`: the same name, else the longest
    /// name the rendered one contains (`namePrefix`, `nameSuffix`), else the only one of its kind.
    static func matchingDocument(in file: ManifestFile, kind: String?, name: String?) -> Document? {
        let candidates = file.resources.filter { $0.kind == kind }
        if let exact = candidates.first(where: { $0.name == name }) { return exact }
        let rendered = name ?? ""
        let contained = candidates.filter { ($0.name).map { !$0.isEmpty && rendered.contains($0) } ?? false }
        if let best = contained.max(by: { ($0.name ?? "").count < ($1.name ?? "").count }) { return best }
        return candidates.count == 1 ? candidates[0] : nil
    }

    /// Whether a rendered name was made by a generator called `name` (prefixes, suffixes and the
    /// content hash added around it).
    static func generated(_ rendered: String?, from name: String) -> Bool {
        guard let rendered else { return false }
        return rendered == name || rendered.contains(name + "-") || rendered.hasSuffix(name)
    }

    /// An image reference without its tag and digest: `ghcr.io/acme/web`.
    static func imageName(_ reference: String) -> String {
        var name = reference
        if let at = name.firstIndex(of: "@") { name = String(name[..<at]) }
        if let colon = name.lastIndex(of: ":"), !name[colon...].contains("/") { name = String(name[..<colon]) }
        return name
    }
}
