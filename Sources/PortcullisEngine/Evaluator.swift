import PortcullisDiagnostics
import PortcullisManifest
import PortcullisRegex

/// Evaluates a `RuleGraph` over documents. One evaluator per thread: it keeps a cache of plan-node
/// values for the current document (and iteration element), so shared nodes are computed once.
package struct Evaluator {
    package let graph: RuleGraph
    /// `graph.rules`, as references counted by no call: `graph` holds the rules. A rule loaded from
    /// the array for a call was retained and released, some 360,000 times a run of 20,000 documents.
    private let ruleReferences: [Unmanaged<CompiledRule>]
    /// `graph.regexes`, likewise: a pattern loaded for a match was retained and released, some
    /// 150,000 times a run of 20,000 documents.
    private let regexReferences: [Unmanaged<RegexPattern>]
    private let cache: Slots<Value>
    /// Per plan node: how its result is kept (`NodeCaching`): a condition's in `truths`, a cached
    /// value's in `cache`, a transient value's nowhere.
    private let caching: Slots<NodeCaching>
    /// The cached results of condition nodes: a byte each, so deciding a condition never makes,
    /// stores or copies a `Value`.
    private let truths: Slots<Bool>
    private let stamps: Slots<UInt32>
    private var generation: UInt32 = 1
    /// The generation of the file's path: what the stamps of nodes kept per file (`NodeCaching.perFile`)
    /// are compared with. It changes when a document comes from another path than the one before.
    private var fileGeneration: UInt32 = 1
    private var filePath: String?
    /// The slots whose stamp left 0 since the evaluator was made or reset, each once: what
    /// `reset()` puts back, instead of reading every plan node's stamp.
    private var written: [Int32] = []
    let bindings: Slots<Value>
    /// The binding slots written since the evaluator was made or reset, each once (`isBound`
    /// says which are listed): what `reset()` lets go of.
    private var boundSlots: [Int32] = []
    private let isBound: Slots<Bool>
    private var document: Document?
    /// The current document's root (kept apart: copying `document` costs two reference counts).
    private var root: PortcullisManifest.Node?
    private var dynamicPatterns: [String: RegexPattern?] = [:]
    /// What each quantifier over a constant list remembers between documents (`ConstantQuantifier.Memo`).
    private var constantMemos: [ConstantQuantifier.Memo]
    private var kind: String?
    /// Where each node of the current file stands, for findings' paths (walked up, never searched).
    private var places = NodePlaces()
    /// What the current document's findings share (file, document, identity), made on its first finding.
    private var resource: (stamp: UInt32, part: SharedFindingPart<FindingResource>?) = (0, nil)
    /// A finding's message as it is built, piece by piece; the finding keeps a copy made to size.
    private var messageBytes: [UInt8] = []
    /// The run's finding texts, when findings of equal text share one (`FindingTextInterner`).
    package var texts: FindingTextInterner?
    /// Field names resolved to key ids for the current file, by plan node (`fieldStamps` says which are valid).
    private var fieldKeys: [KeyID?]
    private var fieldStamps: [UInt32]
    private var storageGeneration: UInt32 = 0
    private var storage: ObjectIdentifier?
    /// Problems met while evaluating (a pattern hitting its match limit), as diagnostics.
    package private(set) var issues: [Diagnostic] = []
    /// Restrict evaluation to these policy ids (`nil`: all).
    package var onlyPolicies: Set<String>? {
        didSet { selectedRules = onlyPolicies.map { only in graph.rules.map { only.contains($0.info.id) } } }
    }
    /// `onlyPolicies` by rule index (asked for every rule of every document: no string hashing there).
    private var selectedRules: [Bool]?
    /// Restrict evaluation to the rules whose index is true (`nil`: all): a run evaluates the
    /// cross-document rules apart from the others.
    package var ruleMask: [Bool]?
    /// The run's resources, for cross-document rules.
    package var inputSet: InputSet = .empty {
        didSet { lookupIndexes.removeAll() }
    }
    /// The indexes of `inputSet` this evaluator's lookups have used (taken once, not per document).
    var lookupIndexes = LookupIndexMemo()
    /// Whether `findingOrder` is kept: where each finding of the last `evaluate` stands in the order
    /// of evaluating every rule, so findings of two passes with different rule masks can be merged
    /// as one pass would have found them.
    package var recordsOrder = false
    /// With `recordsOrder`, one entry per finding of the last `evaluate`, aligned with its findings.
    package private(set) var findingOrder: [EvaluationOrder] = []
    /// The group and element being evaluated (for `findingOrder`).
    private var currentGroup: Int32 = 0
    private var currentPosition: Int32 = 0

    package init(graph: RuleGraph) {
        self.graph = graph
        ruleReferences = graph.rules.map { Unmanaged.passUnretained($0) }
        regexReferences = graph.regexes.map { Unmanaged.passUnretained($0) }
        cache = Slots(count: graph.nodes.count, initial: .absent)
        caching = Slots(count: graph.nodes.count, initial: .cached)
        for (id, caching) in graph.caching.enumerated() { self.caching[id] = caching }
        truths = Slots(count: graph.nodes.count, initial: false)
        stamps = Slots(count: graph.nodes.count, initial: 0)
        bindings = Slots(count: graph.slotCount, initial: .absent)
        isBound = Slots(count: graph.slotCount, initial: false)
        fieldKeys = Array(repeating: nil, count: graph.nodes.count)
        fieldStamps = Array(repeating: 0, count: graph.nodes.count)
        constantMemos = graph.constantQuantifierMemos()
    }

    /// The findings of every applicable rule on `document`, in rule order; none when it is not a
    /// resource (no `apiVersion` or no `kind`: a Helm values file, an application's configuration).
    package mutating func evaluate(_ document: Document) -> [Finding] {
        evaluate(document, keepingAtMost: .max).findings
    }

    /// The first `limit` findings of `document` in rule order, and how many there are in all: past
    /// the limit a violation is only counted (no message, no location), so a resource with 50,000
    /// failing containers costs its conditions, not 50,000 findings.
    package mutating func evaluate(_ document: Document, keepingAtMost limit: Int) -> (findings: [Finding], count: Int) {
        if recordsOrder { findingOrder.removeAll(keepingCapacity: true) }
        guard document.isResource else { return ([], 0) }
        self.document = document
        root = document.root
        kind = document.kind
        let identity = ObjectIdentifier(document.root.storage)
        if identity != storage {
            storage = identity
            storageGeneration &+= 1
        }
        if document.path != filePath {
            filePath = document.path
            fileGeneration &+= 1
        }
        generation &+= 1
        if generation == Self.invalidated || fileGeneration == Self.invalidated {
            // Every stamp would soon match a new generation again: start over.
            stamps.reset()
            cache.reset()
            written.removeAll(keepingCapacity: true)
            generation = 1
            fileGeneration = 1
        }
        var findings: [Finding] = []
        var count = 0
        let rules = ruleReferences  // read once, not through `self` per rule
        var applicable: [Int] = []
        let inAdmission = document.operation != nil  // asked once: every rule's excludes depend on it
        // Rules iterating the same collection share one pass over its elements; their matchers
        // depend on the document only, so they are decided once per group.
        for (groupIndex, group) in graph.groups(forKind: kind).enumerated() {
            applicable.removeAll(keepingCapacity: true)
            for index in group.rules where rules[index]._withUnsafeGuaranteedRef({ applies(index, $0, to: document, inAdmission: inAdmission) }) {
                applicable.append(index)
            }
            guard !applicable.isEmpty else { continue }
            currentGroup = Int32(truncatingIfNeeded: groupIndex)
            currentPosition = 0
            guard let collection = group.collection, let slot = group.slot else {
                for index in applicable {
                    rules[index]._withUnsafeGuaranteedRef { check($0, index, elementSlot: nil, limit: limit, count: &count, into: &findings) }
                }
                continue
            }
            let elements = value(collection)
            for position in 0..<Self.count(elements) {
                bind(slot, Self.element(elements, position))
                currentPosition = Int32(truncatingIfNeeded: position)
                for index in applicable {
                    rules[index]._withUnsafeGuaranteedRef { rule in
                        if rule.nested.isEmpty {
                            check(rule, index, elementSlot: slot, limit: limit, count: &count, into: &findings)
                        } else {
                            iterate(rule, index, level: 0, limit: limit, count: &count, into: &findings)
                        }
                    }
                }
            }
        }
        return (findings, count)
    }

    /// The findings of the rule's `deny` blocks for the current bindings; past `limit` findings of
    /// the document a violation is only counted. A finding's default location is the element bound
    /// to `elementSlot` (read when a finding is made: the element is not copied for every check).
    @inline(__always)
    private mutating func check(_ rule: CompiledRule, _ ruleIndex: Int, elementSlot: Int?, limit: Int, count: inout Int,
                                into findings: inout [Finding]) {
        for index in rule.checks.indices where value(rule.checks[index].condition).isTrue {
            count += 1
            guard count <= limit else { continue }
            findings.append(finding(rule, index, element: elementSlot.map { bindings[$0] }))
            if recordsOrder {
                findingOrder.append(EvaluationOrder(group: currentGroup, position: currentPosition, rule: Int32(ruleIndex), check: Int32(index)))
            }
        }
    }

    /// A nested iteration (`for c in containers, m in c.volumeMounts`): each element of the level's
    /// collection, with the outer variables still bound; the innermost element is the default location.
    private mutating func iterate(_ rule: CompiledRule, _ ruleIndex: Int, level: Int, limit: Int, count: inout Int,
                                  into findings: inout [Finding]) {
        let (collection, slot) = rule.nested[level]
        let elements = value(collection)
        for position in 0..<Self.count(elements) {
            bind(slot, Self.element(elements, position))
            if level + 1 == rule.nested.count {
                check(rule, ruleIndex, elementSlot: slot, limit: limit, count: &count, into: &findings)
            } else {
                iterate(rule, ruleIndex, level: level + 1, limit: limit, count: &count, into: &findings)
            }
        }
    }

    /// Whether `rule` runs on `document`: selected policies only, and its per-document matchers.
    @inline(__always)
    private func applies(_ index: Int, _ rule: CompiledRule, to document: Document, inAdmission: Bool) -> Bool {
        if let selectedRules, !selectedRules[index] { return false }
        if let ruleMask, !ruleMask[index] { return false }
        return (inAdmission ? rule.matchesEveryDocument : rule.matchesEveryDocumentOutsideAdmission)
            || rule.applies(to: document, inAdmission: inAdmission, in: inputSet)
    }

    /// Binds `element` to `slot` and forgets the kept values that read it.
    mutating func bind(_ slot: Int, _ element: consuming Value) {
        // Moved in: assigned as it is, the value was copied into the slot and then destroyed.
        bindings[slot] = consume element
        if !isBound[slot] {
            isBound[slot] = true
            boundSlots.append(Int32(truncatingIfNeeded: slot))
        }
        for position in Int(graph.dependentOffsets[slot])..<Int(graph.dependentOffsets[slot + 1]) {
            let id = Int(graph.dependentNodes[position])
            if stamps[id] == 0 { written.append(Int32(truncatingIfNeeded: id)) }
            stamps[id] = Self.invalidated
        }
    }

    /// The stamp of a cache slot computed once and invalid since (its binding changed); 0 marks a
    /// slot never written since the evaluator was made or reset (the others are in `written`).
    private static let invalidated = UInt32.max

    /// The evaluator as made, but for its allocations: what it holds of the last file (cached
    /// values, bindings, the document, places, the resource's shared part, problems) is let go,
    /// so a pooled evaluator keeps no file's arena alive. Puts back only the slots written since
    /// the last reset (`written`): far less than making an evaluator, which fills every slot and
    /// frees them all, or reading every plan node's stamp.
    package mutating func reset() {
        for id in written {
            cache[Int(id)] = .absent
            stamps[Int(id)] = 0
        }
        written.removeAll(keepingCapacity: true)
        generation = 1
        fileGeneration = 1
        filePath = nil
        for slot in boundSlots {
            bindings[Int(slot)] = .absent
            isBound[Int(slot)] = false
        }
        boundSlots.removeAll(keepingCapacity: true)
        document = nil
        root = nil
        kind = nil
        places = NodePlaces()
        resource = (0, nil)
        // The next document's arena is a new one even at a freed arena's address.
        storage = nil
        dynamicPatterns.removeAll()
        issues.removeAll()
        findingOrder.removeAll(keepingCapacity: true)
        texts = nil
        inputSet = .empty
        ruleMask = nil
        recordsOrder = false
        onlyPolicies = nil
    }

    // MARK: Findings

    private mutating func finding(_ rule: CompiledRule, _ checkIndex: Int, element: Value?) -> Finding {
        let document = document!
        let check = rule.checks[checkIndex]
        messageBytes.removeAll(keepingCapacity: true)
        for piece in check.message {
            switch piece {
            case .text(let text): messageBytes.append(contentsOf: text.utf8)
            case .value(let id):
                let shown = value(id).display
                messageBytes.append(contentsOf: shown.utf8)
            }
        }
        if resource.stamp != generation {
            resource = (generation, SharedFindingPart(FindingResource(
                path: document.path, documentIndex: document.streamIndex, listItemIndex: document.listItemIndex, kind: kind,
                namespace: document.namespace, name: document.name)))
        }
        let target = check.at.map { value($0) } ?? element ?? .node(document.root)
        let (span, components) = locate(target, fallback: element, in: document)
        var text = messageBytes.withUnsafeBufferPointer { FindingText(messageUTF8: $0, path: components) }
        if let texts { text = texts.intern(text) }
        return Finding(rule: rule.findingRules[checkIndex], resource: resource.part!, text: text, span: span)
    }

    /// Where a finding points: a scalar at itself; a mapping or sequence held under a key at that key
    /// (the line a reader looks for); a missing field at the key of the mapping where it belongs. A
    /// node of another arena (a parameter's mapping, another resource looked up) has no place in
    /// this document: the finding points at the element, else at the document, as for a plain value.
    private mutating func locate(_ target: Value, fallback: Value?, in document: Document) -> (SourceSpan, [PathComponent]) {
        switch target {
        case .node(let node) where isInDocument(node):
            let found = path(to: node, near: fallback, in: document)
            let span = node.kind != .scalar ? (found?.key?.span ?? node.span) : node.span
            return (span, found?.components ?? [])
        case .missing(let parent?, let key) where isInDocument(parent):
            let found = path(to: parent, near: fallback, in: document)
            var components = found?.components ?? []
            if let key { components.append(.key(key.name)) }
            return (found?.key?.span ?? parent.span, components)
        default:
            if let fallback, case .node = fallback { return locate(fallback, fallback: nil, in: document) }
            return (document.root.span, [])
        }
    }

    /// The path of `target`: below the current iteration element when it is there (the element's own
    /// path, then the rest), else from the root. Both are walked up from `target` in `places`, so a
    /// finding costs the depth of its node, not the size of its document. A node shared through an
    /// alias has one recorded place; when that place is not under the element but the node is (an
    /// anchored value reused in another container), it is searched for within the element only.
    private mutating func path(to target: PortcullisManifest.Node, near element: Value?, in document: Document)
        -> (components: [PathComponent], key: PortcullisManifest.Node?)? {
        let root = document.root
        if case .node(let base)? = element, base.kind != .scalar, base.storage === root.storage {
            if let inner = places.path(to: target, from: base, root: root) ?? base.path(to: target) {
                let outer = places.path(to: base, from: root, root: root)
                return ((outer?.components ?? []) + inner.components, inner.components.isEmpty ? outer?.key : inner.key)
            }
        }
        return places.path(to: target, from: root, root: root)
    }

    // MARK: Values

    mutating func value(_ id: Int) -> Value {
        switch caching[id] {
        case .condition, .perFileCondition: return .bool(truth(id))
        case .transient: return compute(id)
        case .perFile:
            if stamps[id] == fileGeneration { return cache[id] }
            let result = compute(id)
            cache[id] = result
            stamp(id, fileGeneration)
            return result
        case .cached: break
        }
        if stamps[id] == generation { return cache[id] }
        if case .constant = graph.instructions[id] {
            return graph.constants[id]!
        }
        let result = compute(id)
        cache[id] = result
        stamp(id)
        return result
    }

    /// Marks node `id`'s cached result as this generation's. Read after computing: binding an
    /// iteration slot may have marked the node meanwhile (then it is already listed in `written`).
    @inline(__always)
    private mutating func stamp(_ id: Int) {
        stamp(id, generation)
    }

    /// Marks node `id`'s cached result as of `current` (the document's generation, or the file's
    /// for a node kept per file).
    @inline(__always)
    private mutating func stamp(_ id: Int, _ current: UInt32) {
        if stamps[id] == 0 { written.append(Int32(truncatingIfNeeded: id)) }
        stamps[id] = current
    }

    @inline(__always)
    mutating func value(_ id: Int32) -> Value { value(Int(id)) }

    /// Whether node `id` holds (only `true` does): a condition node is decided and cached as a
    /// byte; any other node's value is asked for.
    mutating func truth(_ id: Int) -> Bool {
        let current: UInt32
        switch caching[id] {
        case .condition: current = generation
        case .perFileCondition: current = fileGeneration
        case .cached, .transient, .perFile: return value(id).isTrue
        }
        if stamps[id] == current { return truths[id] }
        let result = decide(id)
        truths[id] = result
        stamp(id, current)
        return result
    }

    @inline(__always)
    mutating func truth(_ id: Int32) -> Bool { truth(Int(id)) }

    private mutating func compute(_ id: Int) -> Value {
        switch graph.instructions[id] {
        case .constant: return graph.constants[id]!
        case .root: return .node(root!)
        case .podSpec:
            guard let kind, WorkloadKinds.hasPodTemplate(kind) else { return .absent }
            return WorkloadKinds.pod(.spec, of: root!, kind: kind).map(Value.node) ?? .missing(parent: root!, key: nil)
        case .podMetadata:
            guard let kind, WorkloadKinds.hasPodTemplate(kind) else { return .absent }
            return WorkloadKinds.pod(.metadata, of: root!, kind: kind).map(Value.node) ?? .missing(parent: root!, key: nil)
        case .allContainers: return podContainers()
        case .filePath: return .string(document?.path ?? "")
        case .binding(let slot): return bindings[Int(slot)]
        case .field(let base, let nameIndex):
            let b = value(base)
            // The name's text is read only where it is needed (a `String` longer than a small one
            // is counted each time it is taken from the graph's array): a missing base stays what
            // it is, and a field of this document is found by its key id, kept per file.
            if case .missing = b { return b }
            if case .node(let node) = b {
                // Key ids are per file: a node of another file (a cross-document rule, a parameter) is
                // looked up by name.
                let missingKey = graph.missingKeys[Int(nameIndex)]
                if !isInDocument(node) { return Self.field(b, graph.names[Int(nameIndex)], missingKey: missingKey) }
                guard node.kind == .mapping, let key = keyID(for: id, nameIndex: nameIndex, in: node) else {
                    return .missing(parent: node, key: missingKey)
                }
                return node[key].map(Value.node) ?? .missing(parent: node, key: missingKey)
            }
            return Self.field(b, graph.names[Int(nameIndex)], missingKey: graph.missingKeys[Int(nameIndex)])
        case .index(let base, let subscriptID):
            let b = value(base), s = value(subscriptID).resolved
            // A number too large for a position (`1e300`, from a manifest) is past every end.
            let position: Int? = if case .number(let n) = s { Self.position(n) } else { nil }
            if case .node(let node) = b {
                if let position, let element = node[position] { return .node(element) }
                if case .string(let key) = s, let child = node[key] { return .node(child) }
                return .missing(parent: node, key: nil)
            }
            if case .list(let items) = b, let position, position >= 0, position < items.count { return items[position] }
            if case .resources(let list) = b, let position, position >= 0, position < list.count { return list[position] }
            return .absent
        case .call(let function, let first, let second):
            let arguments = BuiltinFunction.Arguments(count: second >= 0 ? 2 : (first >= 0 ? 1 : 0),
                                                      first: first >= 0 ? value(first) : .absent,
                                                      second: second >= 0 ? value(second) : .absent)
            return graph.functions[Int(function)].evaluate(arguments, inputSet)
        case .not, .exists, .missing, .and, .or, .compare, .member, .regex, .regexDynamic, .quantifier:
            return .bool(decide(id))
        }
    }

    /// Decides a condition node (`Instruction.isCondition`); operands that are conditions are
    /// decided too, never made into values.
    private mutating func decide(_ id: Int) -> Bool {
        switch graph.instructions[id] {
        case .not(let operand): return !truth(operand)
        case .exists(let operand): return value(operand).exists
        case .missing(let operand): return !value(operand).exists
        case .and(let start, let count):
            for offset in 0..<Int(count) where !truth(graph.operands[Int(start) + offset]) { return false }
            return true
        case .or(let start, let count):
            for offset in 0..<Int(count) where truth(graph.operands[Int(start) + offset]) { return true }
            return false
        case .compare(let op, let l, let r): return Self.compare(op, value(l), value(r))
        case .member(let l, let r, let negated): return Self.contains(value(r), value(l)) != negated
        case .regex(let subject, let pattern):
            let subjectValue = value(subject)
            let regex = regexReferences[Int(pattern)]
            if let matched = regex._withUnsafeGuaranteedRef({ matchInPlace($0, subject: subjectValue) }) { return matched }
            guard let text = subjectValue.stringValue else { return false }
            return regex._withUnsafeGuaranteedRef { match($0, text, subject: subjectValue) }
        case .regexDynamic(let subject, let patternID):
            let subjectValue = value(subject), patternValue = value(patternID)
            guard let text = subjectValue.stringValue, let source = patternValue.stringValue else { return false }
            if dynamicPatterns[source] == nil {
                do throws(RegexError) {
                    dynamicPatterns[source] = .some(try RegexPattern(source, matchLimit: graph.regexLimits.match, depthLimit: graph.regexLimits.depth))
                } catch {
                    dynamicPatterns[source] = .some(nil)
                    // Parameters' patterns were compiled with the policies; this one comes from the
                    // manifest: an input error at the value, never a quiet "no match".
                    if case .invalidPattern(let message, let offset) = error {
                        report(.error("engine.invalid-regex", "'\(source)' is not a valid regular expression: \(message) (at offset \(offset)); the condition using it cannot be decided",
                                      path: document?.path, at: span(of: patternValue)))
                    }
                }
            }
            guard let pattern = dynamicPatterns[source]! else { return false }
            return match(pattern, text, subject: subjectValue)
        case .quantifier(let quantifier, let slot32, let collection, let body):
            let slot = Int(slot32)
            if let selection = graph.selections[id] { return anySelected(selection, node: Int32(id), slot: slot, body: body) }
            if let constant = graph.constantQuantifiers[id] {
                guard !constant.isEmpty else { return false }
                let tested = value(constant.readNode)
                return constant.holds(for: tested, memo: &constantMemos[Int(constant.memo)], arena: root?.storage.address ?? 0,
                                      generation: storageGeneration)
            }
            let elements = value(collection)
            let saved = bindings[slot]
            defer { bind(slot, saved) }
            for position in 0..<Self.count(elements) {
                bind(slot, Self.element(elements, position))
                let holds = truth(body)
                if quantifier == .any && holds { return true }
                if quantifier == .all && !holds { return false }
            }
            return quantifier == .all
        case .constant, .root, .podSpec, .podMetadata, .allContainers, .filePath, .binding, .field, .index, .call:
            // Not conditions (`Instruction.isCondition`): `truth` never sends them here, and
            // `compute` would send a condition back (a loop), so a mismatch stops here.
            preconditionFailure("plan node \(id) is decided but is not a condition")
        }
    }

    /// A subscript's position: the number truncated, as `Int(n)` has it; `nil` when it is not
    /// finite or beyond ±2⁵³ (no collection is that long, and `Int(n)` would trap past `Int`'s range).
    static func position(_ n: Double) -> Int? {
        n.isFinite && abs(n) <= 9_007_199_254_740_992 ? Int(n) : nil
    }

    /// How many elements a collection value has (0 for anything else); with `element`, iteration
    /// without building an array of the elements.
    private static func count(_ collection: Value) -> Int {
        switch collection {
        case .list(let values): return values.count
        case .resources(let list): return list.count
        case .node(let node) where node.kind == .sequence: return node.count
        default: return 0
        }
    }

    private static func element(_ collection: Value, _ position: Int) -> Value {
        switch collection {
        case .list(let values): return values[position]
        case .resources(let list): return list[position]
        case .node(let node): return node[position].map(Value.node) ?? .absent
        default: return .absent
        }
    }

    /// The key id of a field node's name in the current file, resolved once per file.
    private mutating func keyID(for id: Int, nameIndex: Int32, in node: PortcullisManifest.Node) -> KeyID? {
        if fieldStamps[id] != storageGeneration {
            fieldKeys[id] = node.storage.keyID(graph.names[Int(nameIndex)])
            fieldStamps[id] = storageGeneration
        }
        return fieldKeys[id]
    }

    private mutating func podContainers() -> Value {
        guard let kind, let spec = WorkloadKinds.pod(.spec, of: root!, kind: kind) else { return .list([]) }
        var all: [Value] = []
        for key in ["containers", "initContainers", "ephemeralContainers"] {
            if let list = spec[key], list.kind == .sequence { all += list.elements.map(Value.node) }
        }
        return .list(all)
    }

    private mutating func match(_ pattern: RegexPattern, _ text: String, subject: Value) -> Bool {
        do throws(RegexError) {
            return try pattern.matches(text)
        } catch {
            reportMatchLimit(pattern, subject: subject)
            return false
        }
    }

    /// The match of a document's string scalar that is ASCII, made on its bytes where the document
    /// holds them (no `String` is made of it); `nil` for any other subject, matched as its text.
    private mutating func matchInPlace(_ pattern: RegexPattern, subject: Value) -> Bool? {
        guard case .node(let node) = subject, node.kind == .scalar, node.scalarType == .string else { return nil }
        let outcome: Result<Bool, RegexError>? = node.withScalarBytes { bytes in
            guard bytes.isASCII else { return nil }
            return Result { () throws(RegexError) in try pattern.matches(validUTF8: bytes) }
        }
        switch outcome {
        case nil: return nil
        case .success(let matched): return matched
        case .failure:
            reportMatchLimit(pattern, subject: subject)
            return false
        }
    }

    private mutating func reportMatchLimit(_ pattern: RegexPattern, subject: Value) {
        report(.error("engine.regex-limit", "pattern /\(pattern.pattern)/ hit its match limit on this value; treated as no match",
                      path: document?.path, at: span(of: subject)))
    }

    /// Where a value stands in the document: its node, else the document (a node of another arena,
    /// a parameter's or another resource's, has no place in it).
    private func span(of value: Value) -> SourceSpan? {
        if case .node(let node) = value, isInDocument(node) { return node.span }
        if case .missing(let parent?, _) = value, isInDocument(parent) { return parent.span }
        return root?.span
    }

    /// Whether `node` is in the current document's arena (`storage`, what field lookups compare
    /// with too): a node of another arena, a parameter's or another resource's, has no place in it.
    private func isInDocument(_ node: PortcullisManifest.Node) -> Bool {
        ObjectIdentifier(node.storage) == storage
    }

    /// An evaluation problem; at most 20 per file.
    private mutating func report(_ diagnostic: Diagnostic) {
        guard issues.count < 20, document != nil else { return }
        issues.append(diagnostic)
    }
}

/// Where a finding stands in the order of evaluating every rule on its document: the rule group,
/// the element of the group's collection, the rule, the `deny` block. Findings of one rule on
/// nested elements share it and keep the order they were found in.
package struct EvaluationOrder: Comparable, Sendable {
    let group: Int32
    let position: Int32
    let rule: Int32
    let check: Int32

    package static func < (a: EvaluationOrder, b: EvaluationOrder) -> Bool {
        (a.group, a.position, a.rule, a.check) < (b.group, b.position, b.rule, b.check)
    }
}
