import PortcullisManifest

/// Quantifiers over cross-document lookups (`any b in resources("PodDisruptionBudget", ns): …`,
/// `any w in workloads(ns): …`) decided through the input set's indexes: only the candidates an
/// index gives are bound and tested, in input order, as a scan of every element would find them.
extension Evaluator {
    /// An `any` over a cross-document lookup whose body is a label selection: the body is evaluated
    /// on the index's candidates only, in input order (the others cannot satisfy it).
    mutating func anySelected(_ selection: IndexedSelection, node: Int32, slot: Int, body: Int32) -> Bool {
        let index: SelectionIndex, candidates: [Int32]?
        switch selection.shape {
        case .equalTo(let kindsID, let namespace, let fields):
            return anyEqual(node: node, kindsID: kindsID, namespace: namespace, fields: fields, slot: slot, body: body)
        case .podsSelectedBy(let selector, let namespace, let wholeBody):
            let namespace = lookupNamespace(namespace)
            index = lookupIndexes.selectionIndex(node: node, kinds: [], namespace: namespace) { inputSet.podIndex(namespace: namespace) }
            let selectorValue = value(selector)
            candidates = index.pods(selectedBy: selectorValue)
            if wholeBody {
                return Self.anyCandidate(of: index, candidates) { LabelSelector.selects(selectorValue, $0) }
            }
        case .selectorsMatching(let labels, let kindsID, let namespace, let path, let orDefault, let wholeBody):
            let kinds = lookupKinds(kindsID), namespace = lookupNamespace(namespace)
            index = lookupIndexes.selectionIndex(node: node, kinds: kinds, namespace: namespace) {
                inputSet.selectorIndex(kinds: kinds, namespace: namespace, path: path, orDefault: orDefault)
            }
            let labelsValue = value(labels)
            candidates = index.selectors(matching: labelsValue)
            if wholeBody {
                return Self.anyCandidate(of: index, candidates) { LabelSelector.selects($0, labelsValue) }
            }
        }
        return anyHolds(body, slot: slot, over: index.elements, candidates: candidates)
    }

    /// Whether `test` holds for what `selects` reads of some candidate of `index` (of every element
    /// when `candidates` is nil), in input order: a quantifier whose body is that `selects` test
    /// alone, decided as evaluating the body on each bound element decides it.
    private static func anyCandidate(of index: SelectionIndex, _ candidates: [Int32]?, _ test: (Value) -> Bool) -> Bool {
        if let candidates { return candidates.contains { test(index.selectsOperand(at: Int($0))) } }
        return index.elements.indices.contains { test(index.selectsOperand(at: $0)) }
    }

    /// An `any` over `resources(…)` whose body compares fields of the element for equality with
    /// values of the document: the body is evaluated on the resources whose field has the value (the
    /// fewest of the compared fields'), in input order.
    mutating func anyEqual(node: Int32, kindsID: Int32, namespace: Int32, fields: [(path: [String], value: Int32)], slot: Int, body: Int32) -> Bool {
        let kinds = lookupKinds(kindsID), namespace = lookupNamespace(namespace)
        let index = lookupIndexes.equalityIndex(node: node, kinds: kinds, namespace: namespace) {
            inputSet.equalityIndex(kinds: kinds, namespace: namespace, paths: fields.map(\.path))
        }
        guard !index.elements.isEmpty else { return false }
        var candidates: [Int32]?
        for (number, field) in fields.enumerated() {
            // A value without a key (a mapping, a list) narrows nothing: that conjunct is left to the body.
            guard let key = EqualityKey(value(field.value)) else { continue }
            let positions = index.candidates(path: number, equalTo: key)
            if candidates == nil || positions.count < candidates!.count { candidates = positions }
            if positions.isEmpty { break }
        }
        return anyHolds(body, slot: slot, over: index.elements, candidates: candidates)
    }

    /// Whether `body` holds for some element bound to `slot`: the `candidates` positions only, in
    /// order, when an index gave them; else every element.
    private mutating func anyHolds(_ body: Int32, slot: Int, over elements: ResourceList, candidates: [Int32]?) -> Bool {
        let saved = bindings[slot]
        defer { bind(slot, saved) }
        if let candidates {
            for position in candidates {
                bind(slot, elements[Int(position)])
                if truth(body) { return true }
            }
        } else {
            for element in elements {
                bind(slot, element)
                if truth(body) { return true }
            }
        }
        return false
    }

    /// The kinds a lookup's first argument names (one kind or a list of them).
    private mutating func lookupKinds(_ kindsID: Int32) -> [String] {
        let kinds = value(kindsID)
        return kinds.elements?.compactMap(\.stringValue) ?? kinds.stringValue.map { [$0] } ?? []
    }

    /// A lookup's namespace argument (`""` when it is not text), or `nil` when none was given.
    private mutating func lookupNamespace(_ namespace: Int32) -> String? {
        namespace >= 0 ? (value(namespace).stringValue ?? "") : nil
    }
}
