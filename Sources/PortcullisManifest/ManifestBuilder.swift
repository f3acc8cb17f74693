internal import CYAML
import PortcullisDiagnostics

/// Turns libyaml's event stream for one file into a `ManifestStorage` arena.
///
/// A struct with mutating methods (no closures capturing state): Swift's dynamic exclusivity
/// checks on captured state cost 5–8% on this path. Children are gathered on one `pending` stack
/// and copied contiguously into `children` when their container closes.
struct ManifestBuilder {
    private struct OpenContainer {
        var node: Int32
        var pendingStart: Int
        var isMapping: Bool
    }

    /// A finished top-level document: its position in the stream and its root node.
    struct DocumentRoot {
        var streamIndex: Int
        var root: Int32
    }

    private let limits: ManifestLimits
    private let source: SourceFile
    private let nodes: GrowableBuffer<NodeRecord>
    private let children: GrowableBuffer<Int32>
    private let text: GrowableBuffer<UInt8>
    private var keys = KeyTable()
    private let keyCache = ShortKeyCache()
    private var mappingIndex: [Int32: [Int32: Int32]] = [:]
    /// Nodes the current document stands for with its aliases expanded.
    private var expandedNodes: Int64 = 0
    /// Expanded size of the nodes aliases referred to in the current document (memo).
    private var aliasWeights: [Int32: Int64] = [:]
    private let pending = GrowableBuffer<Int32>(capacity: 1024)
    private var open: [OpenContainer] = []
    /// `pendingStart` of the innermost open container when it is a mapping, else -1 (cached from `open`).
    private var innermostMappingStart = -1
    private var anchors: [String: Int32] = [:]
    private let duplicateStamp = GrowableBuffer<Int32>(capacity: 256)
    private var mappingSerial: Int32 = 0
    private var streamIndex = -1
    private let mergeAtom: Int32
    private(set) var documents: [DocumentRoot] = []
    /// `# portcullis:` comments of the file (set by the event stream).
    var directiveComments: [DirectiveComment] = []
    private(set) var diagnostics: [Diagnostic] = []
    private var diagnosticCounts: [DiagnosticID: Int] = [:]
    /// Set when the rest of the file must not be read (limit exceeded).
    private(set) var stopped = false
    /// Set when an alias refers into a subtree the projection skipped: the file must be built again
    /// without the projection.
    private(set) var needsFullBuild = false
    /// Set when a container's children include a node made elsewhere (an alias, a merge key's
    /// pairs, a repeated key's later value): the arena is then not in document order
    /// (`ManifestStorage.isInDocumentOrder`).
    private var sharesNodes = false

    // Projection state: the kind of the current document (once seen at the top level), the atoms of
    // the keys to build for it, and the depth of the subtree being skipped (0: not skipping).
    private let projection: ManifestProjection?
    /// `projection != nil`, kept as a flag: asked for every scalar, and comparing the optional
    /// struct with nil copied it (a retain and a release of each of its tables).
    private let projects: Bool
    private let kindAtom: Int32
    private var keptAtoms: Set<Int32>?
    /// What `selectKeptKeys` worked out for each kind met in the file: the first few kinds in a list
    /// searched by name (a file holds few kinds; no table hashing each document's kind), any more in
    /// a table (a file of thousands of kinds does not search a list of thousands per document).
    private var keptByKind: [(kind: String, atoms: Set<Int32>?, partial: [Int32: Set<Int32>])] = []
    private var keptByMoreKinds: [String: (atoms: Set<Int32>?, partial: [Int32: Set<Int32>])] = [:]
    private static let listedKinds = 8
    // Top-level keys left out but built in part (`ManifestProjection.alwaysKeptNested`): key atom →
    // the atoms of the second-level keys to build; and those of the top-level mapping now open.
    private var partialAtoms: [Int32: Set<Int32>] = [:]
    private var openPartial: Set<Int32>?
    private var skipDepth = 0
    private var skipStart: yaml_mark_t = yaml_mark_t()
    private var skippedAnchors: Set<String> = []
    // Inside a skipped subtree, duplicate keys are still found: the open collections, and the keys
    // (atom, line, column) of the open mappings. The innermost collection is kept apart from those
    // around it: most events are scalars, and touch only it.
    private struct SkipFrame {
        var isMapping: Bool
        var children: Int
        var keyStart: Int
    }
    private var skipFrame = SkipFrame(isMapping: false, children: 0, keyStart: 0)
    private var skipFrames: [SkipFrame] = []
    /// A key of a skipped mapping: its `ShortKey`, or for a longer key its atom (as `first`, with
    /// `length` -1). Skipped keys of up to 16 bytes (nearly all) are compared, not interned: the
    /// file's key table holds the keys of what is built and only the rare longer skipped key.
    private struct SkippedKey {
        var key: ShortKey
        var line: Int32
        var column: Int32
    }
    private let skipKeys = GrowableBuffer<SkippedKey>(capacity: 16)
    /// The keys met so far in a large skipped mapping (`reportSkippedDuplicates`).
    private var skippedKeysSeen: Set<ShortKey> = []
    /// Up to this many keys, a skipped mapping's keys are compared pair by pair.
    private static let pairwiseKeys = 16

    /// Mappings with more pairs than this get a hash index.
    private static let indexThreshold = 12

    init(source: SourceFile, limits: ManifestLimits) {
        self.source = source
        self.limits = limits
        let estimate = max(16, source.bytes.count / 8)
        nodes = GrowableBuffer(capacity: estimate)
        children = GrowableBuffer(capacity: estimate)
        text = GrowableBuffer(capacity: source.bytes.count / 2)
        mergeAtom = keys.intern("<<")
        kindAtom = keys.intern("kind")
        projection = limits.projection
        projects = limits.projection != nil
    }

    /// The finished arena.
    consuming func finish() -> ManifestStorage {
        ManifestStorage(nodes: nodes, children: children, text: text, keys: keys, mappingIndex: mappingIndex,
                        isInDocumentOrder: !sharesNodes)
    }

    // MARK: Diagnostics

    mutating func report(_ diagnostic: Diagnostic) {
        let seen = diagnosticCounts[diagnostic.id, default: 0]
        diagnosticCounts[diagnostic.id] = seen + 1
        if seen < limits.maxRepeatedDiagnostics {
            diagnostics.append(diagnostic)
        } else if seen == limits.maxRepeatedDiagnostics {
            diagnostics.append(Diagnostic(
                id: diagnostic.id, severity: diagnostic.severity,
                message: "more diagnostics of this kind in this file are not shown", path: source.path))
        }
    }

    private mutating func stop(_ diagnostic: Diagnostic) {
        report(diagnostic)
        stopped = true
    }

    private static func location(_ mark: yaml_mark_t) -> SourceLocation {
        SourceLocation(line: Int(mark.line) + 1, column: Int(mark.column) + 1)
    }

    // MARK: Events

    /// Consumes one event. Returns `false` once the stream has ended or the file was stopped.
    mutating func handle(_ event: inout yaml_event_t) -> Bool {
        if skipDepth > 0 { return skip(&event) }
        switch event.type {
        case YAML_SCALAR_EVENT:
            addScalar(&event)
        case YAML_MAPPING_START_EVENT:
            openContainer(.mapping, event: &event, anchor: event.data.mapping_start.anchor)
        case YAML_SEQUENCE_START_EVENT:
            openContainer(.sequence, event: &event, anchor: event.data.sequence_start.anchor)
        case YAML_MAPPING_END_EVENT:
            closeMapping(end: event.end_mark)
        case YAML_SEQUENCE_END_EVENT:
            closeSequence(end: event.end_mark)
        case YAML_ALIAS_EVENT:
            addAlias(&event)
        case YAML_DOCUMENT_START_EVENT:
            streamIndex += 1
            if streamIndex >= limits.maxDocuments {
                stop(.error(ManifestDiagnostic.tooManyDocuments,
                            "more than \(limits.maxDocuments) documents in this file; the rest of the file is not read",
                            path: source.path, at: SourceSpan(start: Self.location(event.start_mark))))
                return false
            }
            keptAtoms = nil
            partialAtoms = [:]
            openPartial = nil
            skippedAnchors.removeAll(keepingCapacity: true)
            anchors.removeAll(keepingCapacity: true)
            aliasWeights.removeAll(keepingCapacity: true)
            expandedNodes = 0
            pending.truncate(to: 0)
        case YAML_DOCUMENT_END_EVENT:
            if let root = pending.last {
                documents.append(DocumentRoot(streamIndex: streamIndex, root: root))
            }
            pending.truncate(to: 0)
        case YAML_STREAM_END_EVENT:
            return false
        default:
            break
        }
        return !stopped
    }

    /// The keys to build for the document's kind, as atoms of this file.
    private mutating func selectKeptKeys(kind: String) {
        if let known = keptByKind.first(where: { $0.kind == kind }) ?? keptByMoreKinds[kind].map({ (kind, $0.atoms, $0.partial) }) {
            keptAtoms = known.atoms
            partialAtoms = known.partial
            return
        }
        var atoms: Set<Int32>?
        var partial: [Int32: Set<Int32>] = [:]
        if let names = projection?.keys(forKind: kind) {
            atoms = Set(names.map { keys.intern($0) })
            for (key, nested) in ManifestProjection.alwaysKeptNested[kind] ?? [:] where !names.contains(key) {
                partial[keys.intern(key)] = Set(nested.map { keys.intern($0) })
            }
        }
        if keptByKind.count < Self.listedKinds {
            keptByKind.append((kind, atoms, partial))
        } else {
            keptByMoreKinds[kind] = (atoms, partial)
        }
        keptAtoms = atoms
        partialAtoms = partial
    }

    /// Consumes an event inside a skipped subtree; at its end, a null placeholder takes its place.
    /// Syntax, depth and duplicate keys are still checked; an alias sends the file to a full build
    /// (anchors and alias expansion are then checked exactly).
    private mutating func skip(_ event: inout yaml_event_t) -> Bool {
        switch event.type {
        case YAML_MAPPING_START_EVENT, YAML_SEQUENCE_START_EVENT:
            skipDepth += 1
            skipFrame.children += 1
            skipFrames.append(skipFrame)
            skipFrame = SkipFrame(isMapping: event.type == YAML_MAPPING_START_EVENT, children: 0, keyStart: skipKeys.count)
            let anchor = event.type == YAML_MAPPING_START_EVENT ? event.data.mapping_start.anchor : event.data.sequence_start.anchor
            if let anchor { skippedAnchors.insert(String(cString: anchor)) }
            if open.count + skipDepth > limits.maxDepth {
                stop(.error(ManifestDiagnostic.tooDeep,
                            "nesting deeper than \(limits.maxDepth) levels; the rest of the file is not read",
                            path: source.path, at: SourceSpan(start: Self.location(event.start_mark))))
            }
        case YAML_MAPPING_END_EVENT, YAML_SEQUENCE_END_EVENT:
            skipDepth -= 1
            if skipFrame.isMapping { reportSkippedDuplicates(from: skipFrame.keyStart) }
            if skipDepth > 0 {
                skipFrame = skipFrames.removeLast()
            } else {
                let id = Int32(nodes.count)
                nodes.append(NodeRecord(
                    kind: .scalar, scalarType: .null, style: .plain, flags: NodeRecord.skippedFlag, first: Int32(text.count), count: 0,
                    atom: -1, startLine: Int32(skipStart.line) + 1, startColumn: Int32(skipStart.column) + 1,
                    endLine: Int32(event.end_mark.line) + 1, endColumn: Int32(event.end_mark.column) + 1))
                pending.append(id)
            }
        case YAML_SCALAR_EVENT:
            let scalar = event.data.scalar
            if let anchor = scalar.anchor { skippedAnchors.insert(String(cString: anchor)) }
            if skipFrame.isMapping && skipFrame.children & 1 == 0 {
                let bytes = UnsafeRawBufferPointer(start: scalar.value, count: Int(scalar.length))
                let key = ShortKey(bytes) ?? ShortKey(atom: keys.intern(bytes))
                skipKeys.append(SkippedKey(key: key, line: Int32(truncatingIfNeeded: event.start_mark.line + 1),
                                           column: Int32(truncatingIfNeeded: event.start_mark.column + 1)))
            }
            skipFrame.children += 1
        case YAML_ALIAS_EVENT:
            needsFullBuild = true
            stopped = true
        default:
            break
        }
        return !stopped
    }

    /// Warns of each key of the skipped mapping whose keys start at `start` that an earlier key
    /// of it equals, in key order; then forgets its keys.
    private mutating func reportSkippedDuplicates(from start: Int) {
        let end = skipKeys.count
        if end - start <= Self.pairwiseKeys {
            for index in start..<end {
                let key = skipKeys.base[index].key
                for earlier in start..<index where skipKeys.base[earlier].key == key {
                    reportSkippedDuplicate(skipKeys.base[index])
                    break
                }
            }
        } else {
            skippedKeysSeen.removeAll(keepingCapacity: true)
            for index in start..<end where !skippedKeysSeen.insert(skipKeys.base[index].key).inserted {
                reportSkippedDuplicate(skipKeys.base[index])
            }
        }
        skipKeys.truncate(to: start)
    }

    private mutating func reportSkippedDuplicate(_ skipped: SkippedKey) {
        let name = skipped.key.length < 0 ? keys.string(Int32(truncatingIfNeeded: skipped.key.first)) : skipped.key.text
        report(.warning(ManifestDiagnostic.duplicateKey, "duplicate key '\(name)' in this mapping; the last value is used",
                        path: source.path,
                        at: SourceSpan(start: SourceLocation(line: Int(skipped.line), column: Int(skipped.column)))))
    }

    /// Whether the next node completes a key position in the innermost open mapping.
    @inline(__always)
    private var nextIsKey: Bool {
        innermostMappingStart >= 0 && (pending.count - innermostMappingStart) & 1 == 0
    }

    private mutating func addScalar(_ event: inout yaml_event_t) {
        let scalar = event.data.scalar
        let length = Int(scalar.length)
        let bytes = UnsafeRawBufferPointer(start: scalar.value, count: length)
        let style: ScalarStyle
        switch scalar.style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: style = .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: style = .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: style = .literal
        case YAML_FOLDED_SCALAR_STYLE: style = .folded
        default: style = .plain
        }
        let isKey = nextIsKey
        let type: ScalarType
        if let tag = scalar.tag {
            type = Self.resolveTagged(tag: tag, value: bytes, plain: style == .plain)
        } else if isKey {
            type = .string  // keys keep their text (docs/yaml.md, "Keys")
        } else {
            type = style == .plain ? ScalarResolver.resolvePlain(bytes) : .string
        }
        let atom: Int32 = isKey ? keyCache.intern(bytes, table: &keys) : -1
        let start = Int32(text.count)
        text.append(contentsOf: bytes)
        let id = Int32(nodes.count)
        nodes.append(NodeRecord(
            kind: .scalar, scalarType: type, style: style, flags: 0,
            first: start, count: Int32(length), atom: atom,
            startLine: Int32(event.start_mark.line) + 1, startColumn: Int32(event.start_mark.column) + 1,
            endLine: Int32(event.end_mark.line) + 1, endColumn: Int32(event.end_mark.column) + 1))
        expandedNodes &+= 1
        pending.append(id)
        if let anchor = scalar.anchor { anchors[String(cString: anchor)] = id }
        if projects && !isKey && open.count == 1 && innermostMappingStart >= 0
            && nodes[Int(pending[pending.count - 2])].atom == kindAtom {
            selectKeptKeys(kind: String(decoding: bytes, as: UTF8.self))
        }
    }

    private static func resolveTagged(
        tag: UnsafeMutablePointer<yaml_char_t>, value: UnsafeRawBufferPointer, plain: Bool
    ) -> ScalarType {
        let name = String(cString: tag)
        switch name {
        case "tag:yaml.org,2002:str", "!": return .string
        case "tag:yaml.org,2002:null": return ScalarResolver.resolvePlain(value) == .null ? .null : .string
        case "tag:yaml.org,2002:bool": return ScalarResolver.resolvePlain(value) == .bool ? .bool : .string
        case "tag:yaml.org,2002:int":
            return ScalarResolver.resolvePlain(value) == .int ? .int : .string
        case "tag:yaml.org,2002:float":
            let resolved = ScalarResolver.resolvePlain(value)
            return resolved == .float || resolved == .int ? .float : .string
        default:
            return plain ? ScalarResolver.resolvePlain(value) : .string
        }
    }

    private mutating func openContainer(
        _ kind: NodeKind, event: inout yaml_event_t, anchor: UnsafeMutablePointer<yaml_char_t>?
    ) {
        if open.count == 1 { openPartial = nil }
        if let keptAtoms, open.count <= 2, innermostMappingStart >= 0, (pending.count - innermostMappingStart) & 1 == 1 {
            let key = nodes[Int(pending[pending.count - 1])].atom
            if open.count == 1, !keptAtoms.contains(key) {
                // A top-level value no rule reads: parse it, build nothing (or, for the few keys
                // `ManifestProjection.alwaysKeptNested` names, build it in part).
                guard kind == .mapping, let nested = partialAtoms[key] else { return skipValue(kind, event: &event, anchor: anchor) }
                openPartial = nested
            } else if open.count == 2, let openPartial, !openPartial.contains(key) {
                return skipValue(kind, event: &event, anchor: anchor)
            }
        }
        buildContainer(kind, event: &event, anchor: anchor)
    }

    /// Parses the value that starts with `event` without building it: a null placeholder takes its place.
    private mutating func skipValue(_ kind: NodeKind, event: inout yaml_event_t, anchor: UnsafeMutablePointer<yaml_char_t>?) {
        skipDepth = 1
        skipStart = event.start_mark
        skipFrame = SkipFrame(isMapping: kind == .mapping, children: 0, keyStart: 0)
        skipFrames.removeAll(keepingCapacity: true)
        skipKeys.truncate(to: 0)
        if let anchor { skippedAnchors.insert(String(cString: anchor)) }
    }

    private mutating func buildContainer(
        _ kind: NodeKind, event: inout yaml_event_t, anchor: UnsafeMutablePointer<yaml_char_t>?
    ) {
        let position = Self.location(event.start_mark)
        if nextIsKey {
            report(.error(ManifestDiagnostic.complexKey,
                          "a mapping key must be a scalar; Kubernetes manifests cannot hold \(kind == .mapping ? "a mapping" : "a sequence") as a key",
                          path: source.path, at: SourceSpan(start: position)))
        }
        if open.count >= limits.maxDepth {
            stop(.error(ManifestDiagnostic.tooDeep,
                        "nesting deeper than \(limits.maxDepth) levels; the rest of the file is not read",
                        path: source.path, at: SourceSpan(start: position)))
            return
        }
        let id = Int32(nodes.count)
        nodes.append(NodeRecord(
            kind: kind, scalarType: .null, style: .plain, flags: 0, first: 0, count: 0, atom: -1,
            startLine: Int32(position.line), startColumn: Int32(position.column),
            endLine: Int32(position.line), endColumn: Int32(position.column)))
        expandedNodes &+= 1
        pending.append(id)
        open.append(OpenContainer(node: id, pendingStart: pending.count, isMapping: kind == .mapping))
        innermostMappingStart = kind == .mapping ? pending.count : -1
        if let anchor { anchors[String(cString: anchor)] = id }
    }

    private mutating func addAlias(_ event: inout yaml_event_t) {
        let name = event.data.alias.anchor.map { String(cString: $0) } ?? ""
        let position = Self.location(event.start_mark)
        let isKey = nextIsKey
        if skippedAnchors.contains(name) {
            needsFullBuild = true
            stopped = true
            return
        }
        guard let target = anchors[name] else {
            report(.error(ManifestDiagnostic.unknownAnchor, "alias '*\(name)' refers to no anchor defined before it",
                          path: source.path, at: SourceSpan(start: position)))
            addPlaceholderNull(event.start_mark, isKey: isKey)
            return
        }
        if open.contains(where: { $0.node == target }) {
            report(.error(ManifestDiagnostic.recursiveAlias, "alias '*\(name)' refers to a node that contains it",
                          path: source.path, at: SourceSpan(start: position)))
            addPlaceholderNull(event.start_mark, isKey: isKey)
            return
        }
        expandedNodes &+= expandedWeight(of: target)
        if expandedNodes > Int64(limits.maxExpandedNodes) {
            stop(.error(ManifestDiagnostic.aliasBomb,
                        "aliases expand this document past \(limits.maxExpandedNodes) nodes (a YAML bomb?); the rest of the file is not read",
                        path: source.path, at: SourceSpan(start: position)))
            return
        }
        if isKey {
            if nodes[Int(target)].kind != .scalar {
                report(.error(ManifestDiagnostic.complexKey, "alias '*\(name)' used as a key refers to a collection",
                              path: source.path, at: SourceSpan(start: position)))
            } else if nodes[Int(target)].atom < 0 {
                let record = nodes[Int(target)]
                let atom = keys.intern(UnsafeRawBufferPointer(start: text.base + Int(record.first), count: Int(record.count)))
                nodes[Int(target)].atom = atom
            }
        }
        sharesNodes = true
        pending.append(target)
    }

    private mutating func addPlaceholderNull(_ mark: yaml_mark_t, isKey: Bool) {
        let id = Int32(nodes.count)
        let line = Int32(mark.line) + 1, column = Int32(mark.column) + 1
        nodes.append(NodeRecord(
            kind: .scalar, scalarType: .null, style: .plain, flags: NodeRecord.placeholderFlag, first: Int32(text.count), count: 0,
            atom: isKey ? keys.intern("") : -1,
            startLine: line, startColumn: column, endLine: line, endColumn: column))
        expandedNodes &+= 1
        pending.append(id)
    }

    private mutating func closeSequence(end: yaml_mark_t) {
        guard let container = open.popLast() else { return }
        innermostMappingStart = open.last.map { $0.isMapping ? $0.pendingStart : -1 } ?? -1
        let start = container.pendingStart
        let first = Int32(children.count)
        children.append(from: pending, range: start..<pending.count)
        finishContainer(container, first: first, count: pending.count - start, end: end)
        pending.truncate(to: start)
    }

    /// The number of nodes `node` stands for with aliases expanded, memoised per document so that
    /// nested aliases (each level of a "billion laughs") cost one walk each. An explicit stack: an
    /// anchored node may be as deep as a raised `maxDepth` allows.
    private mutating func expandedWeight(of node: Int32) -> Int64 {
        if let known = aliasWeights[node] { return known }
        // (node, next child slot, weight so far)
        var stack: [(node: Int32, cursor: Int, end: Int, weight: Int64)] = []
        func frame(_ builder: ManifestBuilder, _ index: Int32) -> (node: Int32, cursor: Int, end: Int, weight: Int64) {
            let record = builder.nodes[Int(index)]
            guard record.kind != .scalar else { return (index, 0, 0, 1) }
            let first = Int(record.first)
            return (index, first, first + Int(record.count) * (record.kind == .mapping ? 2 : 1), 1)
        }
        stack.append(frame(self, node))
        var result: Int64 = 0
        while !stack.isEmpty {
            let top = stack.count - 1
            if stack[top].cursor == stack[top].end {
                let done = stack.removeLast()
                aliasWeights[done.node] = done.weight
                if stack.isEmpty { result = done.weight } else { stack[stack.count - 1].weight &+= done.weight }
                continue
            }
            let child = children[stack[top].cursor]
            stack[top].cursor += 1
            if let known = aliasWeights[child] {
                stack[top].weight &+= known
            } else {
                stack.append(frame(self, child))
            }
        }
        return result
    }

    private mutating func closeMapping(end: yaml_mark_t) {
        guard let container = open.popLast() else { return }
        innermostMappingStart = open.last.map { $0.isMapping ? $0.pendingStart : -1 } ?? -1
        let start = container.pendingStart
        if (pending.count - start) & 1 == 1 {  // defensive
            pending.append(pending[pending.count - 1])
            sharesNodes = true
        }
        mappingSerial += 1
        while duplicateStamp.count < keys.count { duplicateStamp.append(0) }
        var needsSlowPath = false
        var index = start
        while index < pending.count {
            let key = pending[index]
            let atom = nodes[Int(key)].atom
            if atom >= 0 {
                if atom == mergeAtom && nodes[Int(key)].style == .plain { needsSlowPath = true }
                if duplicateStamp[Int(atom)] == mappingSerial { needsSlowPath = true }
                duplicateStamp[Int(atom)] = mappingSerial
            }
            index += 2
        }
        let first = Int32(children.count)
        var pairs = (pending.count - start) / 2
        if needsSlowPath {
            sharesNodes = true
            pairs = appendEffectiveEntries(from: start)
        } else {
            children.append(from: pending, range: start..<pending.count)
        }
        if pairs > Self.indexThreshold {
            var table: [Int32: Int32] = [:]
            table.reserveCapacity(pairs)
            var cursor = Int(first)
            while cursor < children.count {
                table[nodes[Int(children[cursor])].atom] = children[cursor + 1]
                cursor += 2
            }
            mappingIndex[container.node] = table
            nodes[Int(container.node)].flags |= NodeRecord.indexedFlag
        }
        finishContainer(container, first: first, count: pairs, end: end)
        pending.truncate(to: start)
    }

    /// Resolves duplicate keys (first position, last value) and merge keys (explicit keys win,
    /// then earlier merged mappings over later ones), appending the result to `children`. A key
    /// that is a collection (already reported: `complexKey`) has no atom and equals no other key:
    /// it is kept where it stands.
    private mutating func appendEffectiveEntries(from start: Int) -> Int {
        var pairs: [(key: Int32, value: Int32)] = []
        var position: [Int32: Int] = [:]
        var merged: [Int32] = []
        var index = start
        while index < pending.count {
            let key = pending[index], value = pending[index + 1]
            index += 2
            let record = nodes[Int(key)]
            if record.atom < 0 {
                pairs.append((key, value))
                continue
            }
            if record.atom == mergeAtom && record.style == .plain {
                collectMergeSources(value, into: &merged, key: record)
                continue
            }
            if let at = position[record.atom] {
                report(.warning(ManifestDiagnostic.duplicateKey,
                                "duplicate key '\(keys.string(record.atom))' in this mapping; the last value is used",
                                path: source.path,
                                at: SourceSpan(start: SourceLocation(line: Int(record.startLine), column: Int(record.startColumn)))))
                pairs[at].value = value
            } else {
                position[record.atom] = pairs.count
                pairs.append((key, value))
            }
        }
        for source in merged {
            let record = nodes[Int(source)]
            var cursor = Int(record.first)
            let end = cursor + Int(record.count) * 2
            while cursor < end {
                let key = children[cursor], value = children[cursor + 1]
                let atom = nodes[Int(key)].atom
                if atom < 0 {
                    pairs.append((key, value))
                } else if position[atom] == nil {
                    position[atom] = pairs.count
                    pairs.append((key, value))
                }
                cursor += 2
            }
        }
        for pair in pairs {
            children.append(pair.key)
            children.append(pair.value)
        }
        return pairs.count
    }

    private mutating func collectMergeSources(_ value: Int32, into merged: inout [Int32], key: NodeRecord) {
        let record = nodes[Int(value)]
        switch record.kind {
        case .mapping:
            merged.append(value)
            return
        case .sequence:
            var valid = true
            for cursor in Int(record.first)..<Int(record.first + record.count) {
                let element = children[cursor]
                if nodes[Int(element)].kind == .mapping { merged.append(element) } else { valid = false }
            }
            if valid { return }
        case .scalar:
            if record.flags & NodeRecord.placeholderFlag != 0 { return }
        }
        report(.error(ManifestDiagnostic.badMerge,
                      "the value of a merge key '<<' must be a mapping or a sequence of mappings",
                      path: source.path,
                      at: SourceSpan(start: SourceLocation(line: Int(key.startLine), column: Int(key.startColumn)))))
    }

    private mutating func finishContainer(_ container: OpenContainer, first: Int32, count: Int, end: yaml_mark_t) {
        let id = Int(container.node)
        nodes[id].first = first
        nodes[id].count = Int32(count)
        nodes[id].endLine = Int32(end.line) + 1
        nodes[id].endColumn = Int32(end.column) + 1
    }
}
