import PortcullisDiagnostics
import PortcullisManifest

/// What the cross-document rules read of the documents a run keeps for them (their subjects and
/// what they look up), per kind: a run evaluates every other rule as soon as a file is loaded, then
/// keeps only these fields of the documents the cross-document rules need, not whole documents.
///
/// Derived from the plan, as the loader's projection is, but deeper: a field path read from the
/// document (`spec.replicas`), through a pod spec (`containers[*].env[*].valueFrom`), or through a
/// variable bound to looked-up resources (`any b in resources("PodDisruptionBudget"):
/// selects(b.spec.selector, …)`). A value compared, shown, located or handed to a function is kept
/// whole; a mapping only walked through keeps the pairs read,
/// so positions and paths stay those of the file. `apiVersion`, `kind`, `metadata.name`,
/// `metadata.namespace` and the suppression annotation are always kept (matchers, identity,
/// inline suppressions); other annotations only when a rule or matcher reads them. A custom
/// resource keeps what the rules read of its kind and what they read through `customResources()`;
/// CustomResourceDefinitions, and custom resources when rules read scopes or schemas, are kept whole.
package struct CrossDocumentProjection: Sendable {
    /// Per kind, what is kept; `nil`: documents are kept whole (a lookup of computed kinds, a
    /// cross-document rule over every kind).
    let trees: [String: FieldTree]?
    /// `trees` laid out for copying (`CopyPlans`), with a row for a whole document and one for the
    /// suppression annotation alone.
    let plans: CopyPlans
    /// Per kind, its tree's row in `plans` (asked for every document copied: a table whose keys
    /// are hashed without SipHash, `FixedStringMap`).
    let rowsByKind: FixedStringMap<Int32>
    /// Per kind, the row of a custom resource of that kind: its tree with what rules read through
    /// `customResources()` added; `customRow` for a kind no tree names.
    let customRowsByKind: FixedStringMap<Int32>
    let customRow: Int32
    let wholeRow: Int32
    let suppressionOnlyRow: Int32
    /// Whether documents of a group a CustomResourceDefinition may declare are kept whole (a rule
    /// reads scopes or schemas).
    let declarableWhole: Bool
    /// The identities of the documents copied, each held once (`DocumentIdentities`).
    let identities = DocumentIdentities()
    /// Where the lookup rules' findings can point in the documents they are evaluated on: the
    /// lines a waiting file keeps for the second pass's findings.
    let findingLines: FindingLines

    /// The projection of `graph`'s cross-document rules.
    package init(_ graph: RuleGraph) {
        var analysis = Analysis(graph: graph)
        var trees: [String: FieldTree]? = [:]
        var declarableWhole = false
        var customReads: [Read] = []
        for (index, rule) in graph.rules.enumerated() where graph.crossDocumentRules[index] {
            guard graph.lookupRules[index] else { declarableWhole = true; continue }
            guard let kinds = rule.kinds, let reads = analysis.reads(of: rule) else { trees = nil; break }
            // A subject the rule reads nothing of keeps its identity, not the whole document.
            for kind in kinds where trees?[kind] == nil { trees?[kind] = Self.identity }
            for read in reads {
                let readKinds: Set<String>
                switch read.origin {
                case .subject: readKinds = kinds
                case .lookup(let looked): readKinds = looked
                case .customResources:
                    customReads.append(read)
                    continue
                }
                for kind in readKinds { trees?[kind, default: Self.identity].insert(read, kind: kind) }
            }
        }
        self.trees = trees
        self.declarableWhole = declarableWhole
        findingLines = FindingLines(graph, analysis: &analysis)
        var plans = CopyPlans()
        wholeRow = plans.add(FieldTree(whole: true))
        suppressionOnlyRow = plans.add(Self.suppressionOnly)
        rowsByKind = FixedStringMap((trees ?? [:]).mapValues { plans.add($0) })
        // What rules read through `customResources()` resolves by kind, as the evaluator reads it: a
        // custom resource of a workload kind (OpenKruise's `StatefulSet`) has its pod template where
        // the kind keeps it (`WorkloadKinds`), so those kinds get rows of their own; any other kind
        // has none.
        func withCustomReads(_ tree: FieldTree, kind: String) -> FieldTree {
            var tree = tree
            for read in customReads { tree.insert(read, kind: kind) }
            return tree
        }
        let customKinds = Set((trees ?? [:]).keys).union(customReads.isEmpty ? [] : Array(WorkloadKinds.podSpecPaths.keys))
        customRowsByKind = FixedStringMap(Dictionary(uniqueKeysWithValues: customKinds.map { kind in
            (kind, plans.add(withCustomReads(trees?[kind] ?? Self.identity, kind: kind)))
        }))
        customRow = plans.add(withCustomReads(Self.identity, kind: ""))
        self.plans = plans
    }

    /// What every document the cross-document rules read keeps: its identity (`apiVersion`,
    /// `kind`, name and namespace, what matchers and findings read) and its suppression annotation.
    static let identity: FieldTree = {
        var tree = suppressionOnly
        for key in ["apiVersion", "kind"] { tree.insert([FieldTree.Step.key(key)], whole: true) }
        for key in ["name", "namespace"] { tree.insert([FieldTree.Step.key("metadata"), .key(key)], whole: true) }
        return tree
    }()

    /// What a document no cross-document rule reads keeps: its suppression annotation
    /// (`Suppression.annotation`), read when its file's findings are settled.
    static let suppressionOnly: FieldTree = {
        var tree = FieldTree()
        tree.insert([FieldTree.Step.key("metadata"), .key("annotations"), .key(Suppression.annotation)], whole: true)
        return tree
    }()

    /// Whether some document is kept whole anyway.
    package var isWhole: Bool { trees == nil }

    /// What to keep of `document` (of `kind`), as its row in `plans`: whole for a definition, a
    /// document of a declarable group when scopes or schemas are read, and any kind the rules read
    /// whole or do not name; for a custom resource, what the rules read of its kind and through
    /// `customResources()`.
    func row(for document: Document, kind: String?) -> Int32 {
        guard trees != nil, let kind, kind != ResourceScopes.definitionKind else { return wholeRow }
        if declarableWhole && ResourceScopes.isDeclarable(document) { return wholeRow }
        if let apiVersion = document.apiVersion, InputSet.isCustom(apiVersion: apiVersion) {
            return customRowsByKind[kind] ?? customRow
        }
        return rowsByKind[kind] ?? wholeRow
    }

    /// `file` with its documents copied into an arena of their own: those `kept` marks with what
    /// the cross-document rules read of them, the others with their suppression annotation only
    /// (what inline suppressions read), and not at all when they have none (other annotations
    /// included: nothing reads them again); `copied` says which documents the result holds. Its bytes are let go when they can be read again,
    /// the text of `lines`, of the lines its diagnostics point at and of those the lookup rules'
    /// findings on the documents kept can point at (`findingLines`) kept within `budget`.
    /// The arena's buffers go to `region` when it takes them.
    package func projected(_ file: ManifestFile, keeping kept: [Bool], keepingLines lines: [Int] = [], within budget: KeptLineBudget? = nil,
                           spillingTo region: SpillRegion? = nil) -> (file: ManifestFile, copied: [Bool]) {
        var shown = lines + file.diagnostics.lines(in: file.path)
        let keepsLines = budget.map { !$0.isSpent } ?? false
        guard let storage = file.storage, !isWhole, !file.resources.isEmpty else {
            if keepsLines {
                var keys = ArenaKeyIDs(findingLines.keyNames)
                for (document, isKept) in zip(file.resources, kept) where isKept {
                    findingLines.appendLines(of: document, kind: document.kind, keys: &keys, to: &shown)
                }
            }
            let same = ManifestFile(source: file.source.detached(keepingLines: shown, within: budget), storage: file.storage,
                                    resources: file.resources, diagnostics: file.diagnostics, directiveComments: file.directiveComments)
            return (same, file.resources.map { _ in true })
        }
        // A file no mapping of which has the annotation's key (most) has no document copied for it.
        let mayBeSuppressed = storage.holdsKey(Suppression.annotation)
        var copied: [Bool] = []
        var originals: [Document] = []
        var rows: [Int32] = []
        var keys = ArenaKeyIDs(findingLines.keyNames)
        copied.reserveCapacity(kept.count)
        // By position: a document left out is not copied out of the array to be looked at (three
        // counted references), unless its suppression annotation may have to be read.
        let resources = file.resources
        for index in resources.indices {
            if kept[index] {
                let document = resources[index]
                let kind = document.kind
                rows.append(row(for: document, kind: kind))
                if keepsLines { findingLines.appendLines(of: document, kind: kind, keys: &keys, to: &shown) }
                originals.append(consume document)
            } else if mayBeSuppressed && resources[index].root["metadata"]?["annotations"]?[Suppression.annotation] != nil {
                rows.append(suppressionOnlyRow)
                originals.append(resources[index])
            } else {
                copied.append(false)
                continue
            }
            copied.append(true)
        }
        let source = file.source.detached(keepingLines: shown, within: budget)
        let (copy, roots) = storage.copying(originals.map(\.root.index), keeping: rows, in: plans, spillingTo: region)
        let documents = Document.moved(originals, to: roots.map { Node(storage: copy, index: $0) }, sharing: identities)
        let result = ManifestFile(source: source, storage: copy, resources: documents, diagnostics: file.diagnostics,
                                  directiveComments: file.directiveComments, resourceCount: file.resourceCount)
        return (result, copied)
    }
}

extension FieldTree {
    /// Marks `read` (steps resolved for `kind`) as read.
    fileprivate mutating func insert(_ read: CrossDocumentProjection.Read, kind: String) {
        // Not a workload: the rule reads nothing there.
        guard let (path, _) = CrossDocumentProjection.resolved(read.steps, kind: kind) else { return }
        insert(path, whole: read.whole)
    }
}
