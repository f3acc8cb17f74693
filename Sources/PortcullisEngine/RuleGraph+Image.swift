import PortcullisDiagnostics
import PortcullisRegex

/// Why a stored graph was not used (the caller then compiles the sources).
package enum RuleGraphImageError: Error, Sendable {
    /// The graph was compiled from other sources or with other options.
    case stale
    /// The bytes do not read back (a stream from another build of the engine).
    case unreadable(String)
}

/// A compiled rule graph as the build stores it (`PolicyPrecompiler`): what `RuleGraph.init` takes,
/// plus what it was compiled from and with. Loading it skips parsing, parameters, type check and
/// lowering; `RuleGraph.init` derives the rest (instructions, indexes, projection) as after compiling.
extension RuleGraph {
    /// The first bytes of a stored graph: another layout is refused, never misread.
    static let imageTag = "portcullis-graph-2"

    /// The graph's stored form, compiled from `sources` with `options` (as `PolicyCompiler.compile`
    /// took them): `init(image:sources:options:)` loads it when given the same.
    package func image(sources: [SourceFile], options: PolicyCompileOptions) -> [UInt8] {
        var writer = CompactWriter()
        writer.write(Self.imageTag)
        writer.write(sources.map(\.path))
        writer.write(sources.map(\.bytes.count))
        writer.write(options.maxNesting)
        writer.write(regexLimits.match)
        writer.write(regexLimits.depth)
        writer.write(UInt64(rules.count))
        for rule in rules { rule.store(in: &writer) }
        writer.write(UInt64(nodes.count))
        for node in nodes {
            writer.write(node.op)
            writer.write(node.slots)
        }
        writer.write(regexes.map(\.pattern))
        writer.write(slotCount)
        writer.write(declaredPolicyIDs.sorted())
        // What only `--explain-plan` shows, apart: loading keeps these bytes without reading them.
        var details = CompactWriter()
        for node in describedNodes {
            details.write(node.users)
            details.write(node.text)
        }
        writer.write(block: details.bytes)
        return writer.bytes
    }

    /// The graph a stored image holds, when it was compiled from exactly `sources` (paths and sizes)
    /// with `options`' limits; nothing else in `options` may differ from the defaults.
    package init(image bytes: UnsafeBufferPointer<UInt8>, sources: [SourceFile], options: PolicyCompileOptions) throws(RuleGraphImageError) {
        var reader = CompactReader(bytes)
        do {
            guard try reader.string() == Self.imageTag else { throw RuleGraphImageError.unreadable("not a stored rule graph") }
            let paths: [String] = try reader.read(), sizes: [Int] = try reader.read()
            let defaults = PolicyCompileOptions()
            guard paths == sources.map(\.path), sizes == sources.map(\.bytes.count), try reader.integer() == options.maxNesting else {
                throw RuleGraphImageError.stale
            }
            let matchLimit: UInt32 = try reader.read(), depthLimit: UInt32 = try reader.read()
            guard matchLimit == options.regexMatchLimit, depthLimit == options.regexDepthLimit, options.parameterOrigins.isEmpty,
                  options.nameOrigins.isEmpty, options.typeCheckBuiltins == defaults.typeCheckBuiltins else { throw RuleGraphImageError.stale }
            let ruleCount = try reader.count()
            var rules: [CompiledRule] = []
            rules.reserveCapacity(ruleCount)
            for _ in 0..<ruleCount { rules.append(try CompiledRule(from: &reader)) }
            let nodeCount = try reader.count()
            var nodes: [PlanNode] = []
            nodes.reserveCapacity(nodeCount)
            for _ in 0..<nodeCount { nodes.append(PlanNode(op: try reader.read(), slots: try reader.read(), users: [], text: "")) }
            let patterns: [String] = try reader.read()
            let slotCount = try reader.integer()
            // Each slot is iterated or bound by a plan node of its own (nodes are unique by their
            // operation, which names the slot): a count far past the nodes' is damage, refused before
            // anything is allocated for it.
            guard slotCount >= 0, slotCount <= 2 * nodes.count + 64 else {
                throw RuleGraphImageError.unreadable("\(slotCount) iteration slots for \(nodes.count) nodes")
            }
            let declared: [String] = try reader.read()
            let details = try reader.block()
            guard reader.isAtEnd else { throw RuleGraphImageError.unreadable("bytes after the graph") }
            var regexes: [RegexPattern] = []
            regexes.reserveCapacity(patterns.count)
            for pattern in patterns {
                do {
                    regexes.append(try RegexPattern(pattern, matchLimit: matchLimit, depthLimit: depthLimit))
                } catch {
                    throw RuleGraphImageError.unreadable("pattern \(pattern): \(error)")
                }
            }
            try Self.checkReferences(rules: rules, nodes: nodes, regexCount: regexes.count, slotCount: slotCount)
            self.init(rules: rules, nodes: nodes, regexes: regexes, slotCount: slotCount)
            declaredPolicyIDs = Set(declared)
            regexLimits = (matchLimit, depthLimit)
            storedNodeDetails = details
        } catch let error as RuleGraphImageError {
            throw error
        } catch {
            throw .unreadable(String(describing: error))
        }
    }

    /// Node, slot and pattern numbers in range, operands before their users (as compiling builds
    /// them): a damaged image is refused here rather than trapping in the evaluator.
    private static func checkReferences(rules: [CompiledRule], nodes: [PlanNode], regexCount: Int, slotCount: Int) throws(RuleGraphImageError) {
        var bad = false
        for id in nodes.indices {
            let op = nodes[id].op
            op.forEachOperand { if $0 < 0 || $0 >= id { bad = true } }
            switch op {
            case .binding(let slot), .quantifier(_, let slot, _, _): if slot < 0 || slot >= slotCount { bad = true }
            case .regex(_, let pattern): if pattern < 0 || pattern >= regexCount { bad = true }
            default: break
            }
            if nodes[id].slots.contains(where: { $0 < 0 || $0 >= slotCount }) { bad = true }
        }
        for rule in rules {
            if rule.planRoots.contains(where: { $0 < 0 || $0 >= nodes.count }) { bad = true }
            if let slot = rule.slot, slot < 0 || slot >= slotCount { bad = true }
            if rule.nested.contains(where: { $0.slot < 0 || $0.slot >= slotCount }) { bad = true }
        }
        if bad { throw .unreadable("a node, slot or pattern number out of range") }
    }
}

extension CompiledRule {
    func store(in writer: inout CompactWriter) {
        writer.write(info)
        writer.write(matches)
        writer.write(excludes)
        writer.write(kinds)
        writer.write(collection)
        writer.write(slot)
        writer.write(nested.map(\.collection))
        writer.write(nested.map(\.slot))
        writer.write(checks)
    }

    convenience init(from reader: inout CompactReader) throws(CompactStorageError) {
        let info: PolicyInfo = try reader.read()
        let matches: [CompiledMatcher] = try reader.read(), excludes: [CompiledMatcher] = try reader.read()
        let kinds: Set<String>? = try reader.read()
        let collection: Int? = try reader.read(), slot: Int? = try reader.read()
        let collections: [Int] = try reader.read(), slots: [Int] = try reader.read()
        guard collections.count == slots.count else { throw CompactStorageError("nested iterations: collections and slots differ in number") }
        self.init(info: info, matches: matches, excludes: excludes, kinds: kinds, collection: collection, slot: slot,
                  nested: zip(collections, slots).map { (collection: $0, slot: $1) }, checks: try reader.read())
    }
}
