import PortcullisManifest

/// `any x in L: glob(text, x)` where `L` is a constant list of texts (a parameter:
/// `any n in params.prod_namespaces: glob(default(metadata.namespace, ""), n)`) and `text` does not
/// read `x`: decided as one test of `text`, read once, against patterns read once, when the graph
/// is built. The quantifier's verdict is the loop's: false for an empty list (`text` not read),
/// false for a `text` that is not text, else whether some pattern matches it.
///
/// Recognised on the plan when the graph is built (`find`), as `IndexedSelection` is: the loop
/// would bind each element, read `text` again and make its `String` once per pattern.
struct ConstantGlobs: Sendable {
    /// The plan node of the text matched.
    let text: Int32
    /// The list's patterns, in order (text mode, as `glob()` reads a pattern).
    let patterns: [GlobPattern]

    /// Per plan node: the constant-globs form of an `any` quantifier of that shape, else nil.
    static func find(_ instructions: [Instruction], functions: [BuiltinFunction], constants: [Value?],
                     dependents: [[Int]]) -> [ConstantGlobs?] {
        instructions.map { instruction in
            guard case .quantifier(.any, let slot, let collection, let body) = instruction,
                  case .constant = instructions[Int(collection)], case .list(let elements)? = constants[Int(collection)],
                  case .call(let function, let text, let pattern) = instructions[Int(body)], functions[Int(function)].builtin == .glob,
                  text >= 0, pattern >= 0, case .binding(let bound) = instructions[Int(pattern)], bound == slot,
                  !dependents[Int(slot)].contains(Int(text)) else { return nil }
            // Only texts: `glob()` reads another value's text too (a number), which the loop would.
            var patterns: [GlobPattern] = []
            for element in elements {
                guard case .string(let source) = element else { return nil }
                patterns.append(GlobPattern(source, mode: .text))
            }
            return ConstantGlobs(text: text, patterns: patterns)
        }
    }

    /// Whether some pattern matches `text`.
    func matches(_ text: String) -> Bool {
        patterns.contains { $0.matches(text) }
    }
}

extension RuleGraph {
    /// How many `any` quantifiers of the plan over constant patterns are decided as one test
    /// (`ConstantGlobs`) instead of a loop.
    package var constantGlobCount: Int { constantGlobs.count { $0 != nil } }
}
