import PortcullisDiagnostics
import PortcullisEngine
import PortcullisLanguage
import PortcullisManifest

/// The outcome of running one example of a policy.
public struct ExampleResult: Sendable {
    /// The policy the example belongs to.
    public var policyID: String
    /// 1-based number of the example within its policy.
    public var number: Int
    /// A `fail` example (it must give findings on the lines marked `# expect`).
    public var shouldFail: Bool
    /// Whether the example gave what it expects.
    public var passed: Bool
    /// Why it failed, when it did.
    public var problem: String?
    /// The policy file and the line where the example starts.
    public var path: String
    /// The line of `path` where the example starts.
    public var line: Int
}

extension PolicySet {
    /// Runs every policy's examples (or those of the policies in `only`): a `pass` example must
    /// yield no finding of its policy; a `fail` example findings exactly on its `# expect` lines.
    public func runExamples(only: Set<String>? = nil) -> [ExampleResult] {
        PolicyTestRunner(graph: graph, sources: sources, options: options).run(only: only)
    }
}

/// Runs every policy's examples: a `pass` example must yield no finding of its policy; a `fail`
/// example must yield findings exactly on the lines marked `# expect` (a wrong location fails).
struct PolicyTestRunner {
    typealias Result = ExampleResult

    let graph: RuleGraph
    /// The policy sources and options the graph was compiled from: an example with its own
    /// parameters (`example fail with {…}`) is run on a graph compiled again with them.
    let sources: [SourceFile]
    let options: PolicyOptions

    /// Runs all examples of all rules (or of `only`), in rule order.
    func run(only: Set<String>? = nil) -> [Result] {
        var results: [Result] = []
        // Examples load with the graph's projection, as `check` does, so they test it too.
        let loader = ManifestLoader(limits: ManifestLimits(projection: graph.projection))
        for rule in graph.rules where only?.contains(rule.info.id) ?? true {
            for (offset, example) in rule.info.examples.enumerated() {
                results.append(run(example, number: offset + 1, of: rule, loader: loader))
            }
        }
        return results
    }

    private func run(_ example: Example, number: Int, of rule: CompiledRule, loader: ManifestLoader) -> Result {
        var result = Result(policyID: rule.info.id, number: number, shouldFail: example.shouldFail, passed: false,
                            problem: nil, path: rule.info.path, line: example.firstLine)
        var graph = self.graph
        if !example.parameters.isEmpty {
            var literals: [String: Literal] = [:]
            for (name, expr) in example.parameters {
                guard let literal = PolicyCompiler.literal(expr) else {
                    result.problem = "the example's parameter '\(name)' is not a constant"
                    return result
                }
                literals[name] = literal
            }
            let (compiled, diagnostics) = PolicyCompiler.compile(sources, parameters: options.parameterTexts.filter { literals[$0.key] == nil },
                                                                 literalParameters: options.parameters.mapValues(\.literal).merging(literals) { $1 },
                                                                 selection: PolicySelection(only: [rule.info.id]), options: options.compileOptions)
            guard let compiled else {
                result.problem = "the example's parameters do not compile: " + diagnostics.map(\.message).joined(separator: "; ")
                return result
            }
            graph = compiled
        }
        let loader = example.parameters.isEmpty ? loader : ManifestLoader(limits: ManifestLimits(projection: graph.projection))
        let file = loader.load(SourceFile(path: "example \(number)", bytes: Array(example.text.utf8)))
        if let error = file.diagnostics.first(where: { $0.severity == .error }) {
            result.problem = "the example does not load: \(error.span.map { "line \($0.start.line): " } ?? "")\(error.message)"
            return result
        }
        var evaluator = Evaluator(graph: graph)
        evaluator.onlyPolicies = [rule.info.id]
        // The example is the whole input set of cross-document rules.
        evaluator.inputSet = InputSet(documents: file.resources)
        let findings = file.resources.flatMap { evaluator.evaluate($0) }
        let found = Set(findings.map(\.span.start.line))
        let expected = Set(example.text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            .filter { $0.element.contains("# expect") }.map { $0.offset + 1 })
        if !example.shouldFail {
            if let first = findings.first {
                result.problem = "expected no finding, got \(findings.count): line \(first.span.start.line): \(first.message)"
            } else {
                result.passed = true
            }
            return result
        }
        if expected.isEmpty {
            result.problem = "a fail example needs at least one line marked '# expect'"
        } else if found == expected {
            result.passed = true
        } else {
            let missing = expected.subtracting(found).sorted(), extra = found.subtracting(expected).sorted()
            var parts: [String] = []
            if !missing.isEmpty { parts.append("no finding on expected line\(missing.count > 1 ? "s" : "") \(missing.map(String.init).joined(separator: ", "))") }
            if !extra.isEmpty {
                let messages = findings.filter { extra.contains($0.span.start.line) }.map { "line \($0.span.start.line): \($0.message)" }
                parts.append("unexpected finding\(extra.count > 1 ? "s" : "") at " + messages.joined(separator: "; "))
            }
            result.problem = parts.joined(separator: "; ")
        }
        return result
    }
}
