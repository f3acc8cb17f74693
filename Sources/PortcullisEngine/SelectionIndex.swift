import PortcullisManifest
import Synchronization

/// Cross-document label selection answered from an index: `any w in workloads(ns): selects(S,
/// podLabels(w))` (which workload's pods does a Service select) and `any b in resources(K, ns):
/// selects(b.spec.selector, L)` (which PodDisruptionBudget selects these pods). Scanning costs every
/// resource of the namespace for each document that asks — quadratic in the run; the index narrows
/// the scan to the resources that share a required label pair with the query, and the quantifier's
/// body still decides each of them, in input order, so the verdict is the scan's. A body that is the
/// `selects` test alone is decided by `selects` on what it reads of each candidate
/// (`selectsOperand(at:)`), without binding the candidate or evaluating the body.
///
/// Recognised on the plan when the graph is built (`IndexedSelection.find`); an index is built once
/// per run and key (`SelectionIndexes`), on the first document that needs it.
struct IndexedSelection: Sendable {
    enum Shape: Sendable {
        /// `any x in workloads([namespace]): selects(selector, podLabels(x))`, `selector` not reading `x`.
        /// `wholeBody`: the test is the quantifier's whole body (not one conjunct of it).
        case podsSelectedBy(selector: Int32, namespace: Int32, wholeBody: Bool)
        /// `any x in resources(kinds [, namespace]): selects(x.path…, labels)`, `labels` not reading `x`.
        /// `orDefault`: the selector is `default(x.path…, constant)` (a resource without one is a candidate).
        /// `wholeBody`: the test, with no default, is the quantifier's whole body.
        case selectorsMatching(labels: Int32, kinds: Int32, namespace: Int32, path: [String], orDefault: Bool, wholeBody: Bool)
        /// `any x in resources(kinds [, namespace]): x.path… == value and …`, `value` not reading `x`:
        /// one (path, value) per such conjunct of the body (`EqualityIndex`).
        case equalTo(kinds: Int32, namespace: Int32, fields: [(path: [String], value: Int32)])
    }
    let shape: Shape

    /// Per plan node: the indexed form of an `any` quantifier of one of the two shapes, else nil.
    /// The test may be the whole body or one conjunct of it (`and`): when the body holds, so does the
    /// test, so the index's candidates still include every resource the scan would accept.
    static func find(_ instructions: [Instruction], functions: [BuiltinFunction], names: [String], operands: [Int32],
                     dependents: [[Int]]) -> [IndexedSelection?] {
        func builtin(_ id: Int32) -> (Builtin, Int32, Int32)? {
            guard id >= 0, case .call(let function, let first, let second) = instructions[Int(id)] else { return nil }
            return (functions[Int(function)].builtin, first, second)
        }
        func independent(_ id: Int32, of slot: Int32) -> Bool { id >= 0 && !dependents[Int(slot)].contains(Int(id)) }
        /// `x.a.b…` where `x` is the binding of `slot`: the field names.
        func fieldPath(_ id: Int32, from slot: Int32) -> [String]? {
            var names_: [String] = [], current = id
            while true {
                switch instructions[Int(current)] {
                case .binding(let bound) where bound == slot: return names_.isEmpty ? nil : names_.reversed()
                case .field(let base, let name): names_.append(names[Int(name)]); current = base
                default: return nil
                }
            }
        }
        func conjuncts(_ id: Int32) -> [Int32] {
            guard case .and(let start, let count) = instructions[Int(id)] else { return [id] }
            return Array(operands[Int(start)..<Int(start + count)])
        }
        return instructions.map { instruction in
            guard case .quantifier(.any, let slot, let collection, let body) = instruction,
                  let (lookup, first, second) = builtin(collection) else { return nil }
            let tests = conjuncts(body)
            for test in tests {
                guard let (function, selector, labels) = builtin(test), function == .selects else { continue }
                if lookup == .workloads, let (pods, argument, _) = builtin(labels), pods == .podLabels,
                   case .binding(let bound) = instructions[Int(argument)], bound == slot, independent(selector, of: slot) {
                    return IndexedSelection(shape: .podsSelectedBy(selector: selector, namespace: first, wholeBody: test == body))
                }
                if lookup == .resources, let path = fieldPath(selector, from: slot), independent(labels, of: slot) {
                    return IndexedSelection(shape: .selectorsMatching(labels: labels, kinds: first, namespace: second, path: path,
                                                                      orDefault: false, wholeBody: test == body))
                }
                // `selects(default(x.path…, {}), labels)` (network/default-deny).
                if lookup == .resources, let (fallback, field, constant) = builtin(selector), fallback == .default,
                   let path = fieldPath(field, from: slot), constant >= 0, case .constant = instructions[Int(constant)],
                   independent(labels, of: slot) {
                    return IndexedSelection(shape: .selectorsMatching(labels: labels, kinds: first, namespace: second, path: path,
                                                                      orDefault: true, wholeBody: false))
                }
            }
            guard lookup == .resources else { return nil }
            var fields: [(path: [String], value: Int32)] = []
            for test in tests {
                guard case .compare(.equal, let left, let right) = instructions[Int(test)] else { continue }
                if let path = fieldPath(left, from: slot), independent(right, of: slot) {
                    fields.append((path, right))
                } else if let path = fieldPath(right, from: slot), independent(left, of: slot) {
                    fields.append((path, left))
                }
            }
            return fields.isEmpty ? nil : IndexedSelection(shape: .equalTo(kinds: first, namespace: second, fields: fields))
        }
    }
}

/// Positions by label pair (a key and its value, `hash(key:value:)`), held as each pair's hash
/// beside its position, sorted by hash then position: 16 bytes an entry, where a dictionary of
/// pairs (two strings each) to arrays took about 100 bytes per workload label on the generated
/// corpus, for every pod label of a run. A pair gives the positions of its hash: those of another
/// pair with the same hash too, which does no harm, as every candidate is decided by the
/// quantifier's body.
struct LabelPairPositions: Sendable {
    private let entries: [(hash: Int, position: Int32)]

    /// The positions of `pairs`, each pair with the positions it was given.
    init(_ pairs: [(hash: Int, position: Int32)]) {
        var sorted = pairs.sorted { ($0.hash, $0.position) < ($1.hash, $1.position) }
        // A position given twice under one hash (two pairs of one element sharing a hash) once.
        sorted.removeAdjacentDuplicates { $0 == $1 }
        sorted.shrinkToFit()
        entries = sorted
    }

    /// The hash the pair of scalars `key` and `value` (of any file) is held under, from their
    /// bytes (label keys and values are compared byte for byte); `nil` when either is a container.
    static func hash(key: PortcullisManifest.Node, value: PortcullisManifest.Node) -> Int? {
        guard let keyHash = key.scalarTextHash, let valueHash = value.scalarTextHash else { return nil }
        return (keyHash &* 0x1F35_A7BD_9E37_79B9) ^ valueHash
    }

    /// Where the entries of the pair hashed `hash` (and of any other pair of that hash) are:
    /// `positions(in:)` reads them.
    func entries(ofHash hash: Int) -> Range<Int> {
        var low = 0, high = entries.count
        while low < high {
            let middle = (low + high) / 2
            if entries[middle].hash < hash { low = middle + 1 } else { high = middle }
        }
        var end = low
        while end < entries.count && entries[end].hash == hash { end += 1 }
        return low..<end
    }

    /// The positions of some entries, in ascending order.
    func positions(in range: Range<Int>) -> [Int32] {
        entries[range].map(\.position)
    }
}

/// The resources of one lookup (in input order) and, by label pair, which of them can match.
final class SelectionIndex: Sendable {
    let elements: ResourceList
    /// `selectorsMatching`: the path of each element's selector; nil for `podsSelectedBy`, whose
    /// elements are read for their pod labels (`selectsOperand(at:)`).
    private let selectorPath: [String]?
    /// `podsSelectedBy`: every (label, value) of each element's pod labels. `selectorsMatching`: one
    /// pair each element's selector requires (any one will do: all are needed).
    private let byPair: LabelPairPositions
    /// `selectorsMatching`: elements whose selector requires no pair (empty, expressions only): always candidates.
    private let unconditional: [Int32]

    init(elements: ResourceList, selectorPath: [String]?, byPair: LabelPairPositions, unconditional: [Int32]) {
        self.elements = elements
        self.selectorPath = selectorPath
        self.byPair = byPair
        self.unconditional = unconditional
    }

    /// An index of workloads by their pods' labels.
    static func pods(_ workloads: ResourceList) -> SelectionIndex {
        var byPair: [(hash: Int, position: Int32)] = []
        workloads.forEachLettingPagesGo { position, workload in
            guard case .node(let labels) = LabelSelector.podLabels(workload), labels.kind == .mapping else { return }
            for hash in pairHashes(of: labels) { byPair.append((hash, Int32(position))) }
        }
        return SelectionIndex(elements: workloads, selectorPath: nil, byPair: LabelPairPositions(byPair), unconditional: [])
    }

    /// An index of resources by one label pair their selector (at `path`) requires.
    /// `orDefault`: the selector read is `default(selector, constant)`: a resource whose selector is
    /// not a mapping is decided by the constant, so it is a candidate for any labels.
    static func selectors(_ resources: ResourceList, path: [String], orDefault: Bool = false) -> SelectionIndex {
        var byPair: [(hash: Int, position: Int32)] = [], unconditional: [Int32] = []
        resources.forEachLettingPagesGo { position, resource in
            let selector = Evaluator.field(resource, path: path)
            // `selects` is false for anything but a mapping: such a resource never matches.
            guard case .node(let node) = selector, node.kind == .mapping else {
                if orDefault { unconditional.append(Int32(position)) }
                return
            }
            if let hash = requiredPairHashes(of: node)?.first {
                byPair.append((hash, Int32(position)))
            } else {
                unconditional.append(Int32(position))
            }
        }
        return SelectionIndex(elements: resources, selectorPath: path, byPair: LabelPairPositions(byPair), unconditional: unconditional)
    }

    /// What `selects` reads of the element at `position`, read as the quantifier's body reads it:
    /// its pod labels (`podsSelectedBy`), or its selector at the path (`selectorsMatching`).
    func selectsOperand(at position: Int) -> Value {
        let element = elements[position]
        guard let selectorPath else { return LabelSelector.podLabels(element) }
        return Evaluator.field(element, path: selectorPath)
    }

    /// Positions of the workloads whose pods `selector` may select (in input order); nil: all may.
    func pods(selectedBy selector: Value) -> [Int32]? {
        guard case .node(let node) = selector, node.kind == .mapping, let required = Self.requiredPairHashes(of: node) else { return nil }
        var best: Range<Int>?
        for hash in required {
            let entries = byPair.entries(ofHash: hash)
            if best == nil || entries.count < best!.count { best = entries }
            if entries.isEmpty { break }
        }
        return best.map(byPair.positions(in:))
    }

    /// Positions of the resources whose selector may select pods with `labels` (in input order).
    func selectors(matching labels: Value) -> [Int32] {
        guard case .node(let node) = labels, node.kind == .mapping else { return unconditional }
        var positions = unconditional
        for hash in Self.pairHashes(of: node) { positions += byPair.positions(in: byPair.entries(ofHash: hash)) }
        if positions.count > unconditional.count {
            positions.sort()
            // Two pairs of `labels` sharing a hash give the same positions twice: once each.
            positions.removeAdjacentDuplicates(by: ==)
        }
        return positions
    }

    /// The hashes of the (key, value) pairs of a label mapping, as `selects` reads them (a loaded
    /// mapping holds each key once, with its last value: `ManifestBuilder`).
    private static func pairHashes(of labels: PortcullisManifest.Node) -> [Int] {
        labels.entries.compactMap { LabelPairPositions.hash(key: $0.key, value: $0.value) }
    }

    /// The hashes of the pairs a selector requires as `LabelSelector.selects` decides:
    /// `matchLabels`' when it is a LabelSelector, else a Service map's pairs except controller-added
    /// labels. nil when it requires none (it may select anything).
    private static func requiredPairHashes(of selector: PortcullisManifest.Node) -> [Int]? {
        var result: [Int] = []
        let matchLabels = selector[known: .matchLabels], matchExpressions = selector[known: .matchExpressions]
        if matchLabels != nil || matchExpressions != nil {
            if let matchLabels, matchLabels.kind == .mapping {
                for entry in matchLabels.entries {
                    if let hash = LabelPairPositions.hash(key: entry.key, value: entry.value) { result.append(hash) }
                }
            }
        } else {
            for entry in selector.entries where entry.key.kind == .scalar && !LabelSelector.isControllerLabel(entry.key) {
                if let hash = LabelPairPositions.hash(key: entry.key, value: entry.value) { result.append(hash) }
            }
        }
        return result.isEmpty ? nil : result
    }
}

/// The selection indexes of one run, built on first use and kept for the run (shared by every
/// evaluator, on all cores). Each key has its own lock: the table's lock is held only to find a
/// key's slot, so workers build the indexes of different keys at the same time, and only a worker
/// asking for an index another is building waits for it.
final class SelectionIndexes: Sendable {
    enum Key: Hashable {
        case pods(namespace: String?)
        case selectors(kinds: [String], namespace: String?, path: [String], orDefault: Bool)
    }
    private let built = Mutex<[Key: Slot<SelectionIndex>]>([:])
    private let equalities = Mutex<[EqualityKeyPaths: Slot<EqualityIndex>]>([:])

    /// What identifies an equality index: the lookup and the field paths compared.
    struct EqualityKeyPaths: Hashable {
        let kinds: [String]
        let namespace: String?
        let paths: [[String]]
    }

    /// One key's index, once built.
    private final class Slot<Index: Sendable>: Sendable {
        let index = Mutex<Index?>(nil)
    }

    func index(_ key: Key, build: () -> SelectionIndex) -> SelectionIndex {
        Self.cached(in: built, key, build: build)
    }

    func equalityIndex(_ key: EqualityKeyPaths, build: () -> EqualityIndex) -> EqualityIndex {
        Self.cached(in: equalities, key, build: build)
    }

    /// The index built for `key`, building it (under the key's own lock) the first time it is asked for.
    private static func cached<Key: Hashable & Sendable, Index: Sendable>(in table: borrowing Mutex<[Key: Slot<Index>]>, _ key: Key,
                                                                         build: () -> Index) -> Index {
        let slot = table.withLock { slots in
            if let slot = slots[key] { return slot }
            let slot = Slot<Index>()
            slots[key] = slot
            return slot
        }
        return slot.index.withLock { index in
            if let index { return index }
            let made = build()
            index = made
            return made
        }
    }
}

extension RuleGraph {
    /// How many `any` quantifiers of the plan are answered from an index instead of a scan.
    package var indexedLookupCount: Int { selections.count { $0 != nil } }

    /// How many of them are decided without evaluating their body (`IndexedSelection.Shape`'s
    /// `wholeBody`: the body is the `selects` test alone).
    package var wholeBodySelectionCount: Int {
        selections.count { selection in
            switch selection?.shape {
            case .podsSelectedBy(_, _, true)?, .selectorsMatching(_, _, _, _, _, true)?: true
            default: false
            }
        }
    }
}
