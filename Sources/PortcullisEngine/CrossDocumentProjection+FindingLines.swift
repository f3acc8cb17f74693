import PortcullisManifest

extension CrossDocumentProjection {
    /// Where the lookup rules' findings can point in the documents they are evaluated on, per kind:
    /// what a waiting file keeps the text of as its bytes go, so that the report shows the second
    /// pass's findings without reading the file again.
    ///
    /// A finding points where its check's `at` expression leads; here, the key paths that
    /// expression can denote in the document itself (`default(spec.replicas, metadata.name)`: both,
    /// a pod spec's path resolved for each workload kind). What it cannot tell (no `at`, an element
    /// of a list, a looked-up document, a computed value) adds nothing: a line not kept is read from
    /// the file again when shown, as before, so these lines only ever spare a read.
    struct FindingLines: Sendable {
        /// A path from a document's root: its keys, the first `podPrefix` of them where the kind
        /// keeps its pod spec or pod metadata (a finding points at the root when one is not there).
        struct Path: Hashable, Sendable {
            var keys: [String] = []
            var podPrefix = 0
        }

        /// A path with its keys numbered in `keyNames` (found in a file's arena once per file,
        /// `ArenaKeyIDs`).
        struct NumberedPath: Sendable {
            let keys: [Int32]
            let podPrefix: Int
        }

        /// Per kind, the paths a lookup rule's finding on a document of that kind can point at
        /// (asked for every document copied: `FixedStringMap`).
        let pathsByKind: FixedStringMap<[NumberedPath]>
        /// Every key the paths name, once.
        let keyNames: [String]

        /// The paths of `graph`'s lookup rules, told by `analysis`.
        init(_ graph: RuleGraph, analysis: inout Analysis) {
            var paths: [String: Set<Path>] = [:]
            for (index, rule) in graph.rules.enumerated() where graph.lookupRules[index] {
                guard let kinds = rule.kinds, !analysis.unknown else { continue }
                var memo: [Int: Set<Reference>] = [:]
                for check in rule.checks {
                    guard let at = check.at else { continue }
                    for reference in analysis.references(at, memo: &memo) where reference.origin == .subject && !reference.roots {
                        for kind in kinds {
                            if let path = Self.path(of: reference.steps, kind: kind) { paths[kind, default: []].insert(path) }
                        }
                    }
                }
            }
            var numbering = Numbering<String, String>()
            pathsByKind = FixedStringMap(paths.mapValues { paths in
                paths.map { path in NumberedPath(keys: path.keys.map { numbering.number(of: $0, $0) }, podPrefix: path.podPrefix) }
            })
            keyNames = numbering.elements
        }

        /// `steps` as a path from the root of a document of `kind`; `nil` through a list's
        /// elements or a pod spec `kind` does not have.
        static func path(of steps: [Step], kind: String) -> Path? {
            // A pod template's step past the first is not where the evaluator's pod parts are.
            guard !steps.dropFirst().contains(where: { $0 == .podSpec || $0 == .podMetadata }),
                  let (resolved, podSteps) = CrossDocumentProjection.resolved(steps, kind: kind) else { return nil }
            var keys: [String] = []
            for step in resolved {
                guard case .key(let name) = step else { return nil }
                keys.append(name)
            }
            return Path(keys: keys, podPrefix: podSteps)
        }

        /// Appends to `lines` those of `document` (of `kind`) a lookup rule's finding can point at:
        /// per path, where the evaluator places a finding on it (a scalar at itself, a mapping or a
        /// list at its key, the root at itself; a missing field at the key of the deepest node
        /// there is). `keys` are `keyNames` resolved in the document's file.
        func appendLines(of document: Document, kind: String?, keys: inout ArenaKeyIDs, to lines: inout [Int]) {
            guard pathsByKind.count > 0, let kind, let paths = pathsByKind[kind] else { return }
            let root = document.root
            for path in paths { lines.append(line(of: path, in: root, keys: &keys)) }
        }

        private func line(of path: NumberedPath, in root: Node, keys: inout ArenaKeyIDs) -> Int {
            var node = root
            var keyLine: Int?
            for (depth, number) in path.keys.enumerated() {
                guard let id = keys.id(Int(number), in: root.storage), let (keyNode, value) = node.entry(id) else {
                    // Missing: at the key of the deepest node there is (past a pod path, the root).
                    return depth < path.podPrefix ? root.span.start.line : keyLine ?? node.span.start.line
                }
                keyLine = keyNode.span.start.line
                node = value
            }
            return node.kind == .scalar ? node.span.start.line : keyLine ?? node.span.start.line
        }
    }
}
