import PortcullisDiagnostics
import PortcullisManifest

/// An `any` quantifier over a constant list of texts (a parameter) whose body tests each text
/// against a value that does not read the element, decided as one test instead of a loop that
/// binds each element and, for a glob, makes the value's `String` once per element:
///
/// - `any n in params.prod_namespaces: glob(default(metadata.namespace, ""), n)`: the text read
///   once, against patterns read when the graph is built;
/// - `any t in params.probe_types: container[p][t] exists`: the mapping read once, asked for each
///   key.
///
/// Recognised on the plan when the graph is built (`find`), as `IndexedSelection` is. The verdict is
/// the loop's: false for an empty list (nothing read), else the first element's test that holds.
/// Each has a `Memo` in the evaluator (`memo` numbers it): the text last tested and its verdict,
/// the keys' ids in the file last read.
enum ConstantQuantifier: Sendable {
    /// `any x in L: glob(text, x)`: whether some pattern matches the value of `textNode` (false when
    /// it has no text: null, a container, missing).
    case globs(textNode: Int32, patterns: [GlobPattern], memo: Int32)
    /// `any x in L: base[x] exists`: whether the value of `mappingNode` is a mapping with some key
    /// of `keys` whose value is not null (false when it is not a mapping).
    case keys(mappingNode: Int32, keys: [String], memo: Int32)

    /// What one evaluator remembers of a quantifier between documents: the verdict of the text
    /// last tested (a namespace: most documents of a run share a few), or the keys' ids in the
    /// arena last read (looked up by their bytes once a file, not once a mapping).
    struct Memo {
        /// The bytes of the text last tested (`.globs`, when `tested`), and whether some pattern
        /// matched them.
        var text: [UInt8] = []
        var tested = false
        var matched = false
        /// The keys' ids in the document's arena (`.keys`).
        var keyIDs: ArenaKeyIDs
    }

    /// Where its memo is among the evaluator's.
    var memo: Int32 {
        switch self {
        case .globs(_, _, let memo), .keys(_, _, let memo): return memo
        }
    }

    /// The plan node the test reads.
    var readNode: Int32 {
        switch self {
        case .globs(let textNode, _, _): return textNode
        case .keys(let mappingNode, _, _): return mappingNode
        }
    }

    /// Whether the list is empty (the loop then reads nothing and is false).
    var isEmpty: Bool {
        switch self {
        case .globs(_, let patterns, _): return patterns.isEmpty
        case .keys(_, let keys, _): return keys.isEmpty
        }
    }

    /// Per plan node: the constant form of an `any` quantifier of one of the shapes, else nil.
    static func find(_ instructions: [Instruction], functions: [BuiltinFunction], constants: [Value?],
                     dependents: [[Int]]) -> [ConstantQuantifier?] {
        var memos: Int32 = 0
        return instructions.map { instruction in
            guard case .quantifier(.any, let slot, let collection, let body) = instruction,
                  case .constant = instructions[Int(collection)], case .list(let elements)? = constants[Int(collection)] else { return nil }
            // Only texts: `glob()` reads another value's text too (a number), and a number subscripts
            // a list by position, as the loop would.
            var texts: [String] = []
            for element in elements {
                guard case .string(let text) = element else { return nil }
                texts.append(text)
            }
            func isElement(_ id: Int32) -> Bool {
                guard id >= 0, case .binding(let bound) = instructions[Int(id)] else { return false }
                return bound == slot
            }
            func readsElement(_ id: Int32) -> Bool { dependents[Int(slot)].contains(Int(id)) }
            switch instructions[Int(body)] {
            case .call(let function, let text, let pattern) where functions[Int(function)].builtin == .glob:
                guard text >= 0, isElement(pattern), !readsElement(text) else { return nil }
                defer { memos += 1 }
                return .globs(textNode: text, patterns: texts.map { GlobPattern($0, mode: .text) }, memo: memos)
            case .exists(let operand):
                guard case .index(let base, let key) = instructions[Int(operand)], isElement(key), !readsElement(base) else { return nil }
                defer { memos += 1 }
                return .keys(mappingNode: base, keys: texts, memo: memos)
            default:
                return nil
            }
        }
    }

    /// The test on the value of `readNode` (the list not empty), with this quantifier's `memo`; the
    /// document being evaluated is in `arena` (its address, `ManifestStorage.address`), the
    /// evaluator's arena `generation` (which changes whenever the document's arena does).
    func holds(for value: Value, memo: inout Memo, arena: UInt, generation: UInt32) -> Bool {
        switch self {
        case .globs(_, let patterns, _):
            // A document's text scalar in ASCII (a namespace, a path) is matched where its arena
            // keeps it: its `String` was made, and counted once more for every pattern tried. The
            // text last matched is remembered with its verdict: the same bytes are not matched again.
            if case .node(let node) = value, node.kind == .scalar, node.scalarType == .string,
               let matched = node.withScalarBytes({ bytes -> Bool? in
                   guard bytes.isASCII else { return nil }
                   if memo.tested, memo.text.count == bytes.count,
                      bytes.isEmpty || memo.text.withUnsafeBytes({ bytesEqual($0.baseAddress!, bytes.baseAddress!, count: bytes.count) }) {
                       return memo.matched
                   }
                   let matched = patterns.contains { $0.matchesText(bytes) }
                   memo.text.removeAll(keepingCapacity: true)
                   memo.text.append(contentsOf: bytes)
                   memo.tested = true
                   memo.matched = matched
                   return matched
               }) {
                return matched
            }
            guard let text = value.stringValue else { return false }
            return patterns.contains { $0.matches(text) }
        case .keys(_, let keys, _):
            // As `base[x]` reads a text subscript: a mapping's value under it, else missing. In the
            // document's own arena the keys' ids are found once for each arena (every mapping of a
            // file shares them); a mapping elsewhere (a parameter, a looked-up resource) is asked by text.
            guard case .node(let node) = value, node.kind == .mapping else { return false }
            let storage = node.storage
            guard storage.address == arena else { return keys.contains { key in node[key].map { !$0.isNull } ?? false } }
            return keys.indices.contains { number in
                memo.keyIDs.id(number, in: storage, generation: generation).flatMap { node[$0] }.map { !$0.isNull } ?? false
            }
        }
    }
}

extension RuleGraph {
    /// How many `any` quantifiers of the plan over constant lists are decided as one test
    /// (`ConstantQuantifier`) instead of a loop.
    package var constantQuantifierCount: Int { constantQuantifiers.count { $0 != nil } }

    /// A memo for each quantifier decided as one test (`ConstantQuantifier.Memo`), by its `memo`.
    func constantQuantifierMemos() -> [ConstantQuantifier.Memo] {
        constantQuantifiers.compactMap { $0 }.map { quantifier in
            guard case .keys(_, let keys, _) = quantifier else { return ConstantQuantifier.Memo(keyIDs: ArenaKeyIDs([])) }
            return ConstantQuantifier.Memo(keyIDs: ArenaKeyIDs(keys))
        }
    }
}
