#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
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
    /// Each failure at its own line of the policy file (a missing finding at its `# expect`, an
    /// unexpected one at the manifest line that got it), ready to show with a caret.
    public var diagnostics: [Diagnostic] = []
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

    /// Runs all examples of all rules (or of `only`), in rule order. A policy without examples is
    /// a failure of its own (number 0): untested, it could deny everything or nothing.
    func run(only: Set<String>? = nil) -> [Result] {
        var results: [Result] = []
        // Examples load with the graph's projection, as `check` does, so they test it too.
        let loader = ManifestLoader(limits: ManifestLimits(projection: graph.projection))
        for rule in graph.rules where only?.contains(rule.info.id) ?? true {
            if rule.info.examples.isEmpty {
                let problem = "the policy has no examples: add an 'example pass' and an 'example fail' with '# expect' on the lines it must flag"
                results.append(Result(policyID: rule.info.id, number: 0, shouldFail: false, passed: false, problem: problem,
                                       path: rule.info.path, line: rule.info.span.start.line,
                                       diagnostics: [.error("test.no-examples", problem, path: rule.info.path, at: rule.info.span)].wrapped(sources: sources)))
            }
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
            let lines = ExampleLines(example: example, policyFile: sources.first { $0.path == rule.info.path })
            let at = error.span.map { lines.policyPosition(line: $0.start.line, column: $0.start.column) }
            result.problem = "the example does not load: \(at.map { "line \($0.line): " } ?? "")\(error.message)"
            result.diagnostics = [PortcullisDiagnostics.Diagnostic.error("test.example-does-not-load", "the example does not load: " + error.message,
                                                                           path: rule.info.path,
                                                                           at: SourceSpan(start: SourceLocation(line: at?.line ?? example.firstLine, column: at?.column ?? 1)))]
                .wrapped(sources: sources)
            return result
        }
        var evaluator = Evaluator(graph: graph)
        // The example is the whole input set of cross-document rules.
        evaluator.inputSet = InputSet(documents: file.resources)
        let lines = ExampleLines(example: example, policyFile: sources.first { $0.path == rule.info.path })
        let expectations = ExampleExpectation.parse(example.text, policyID: rule.info.id)
        // Policies an `# expect OTHER-ID` names run on the example too.
        let named = Set(expectations.map(\.policyID)).filter { graph.rule(id: $0) != nil }
        evaluator.onlyPolicies = named.union([rule.info.id])
        let findings = file.resources.flatMap { evaluator.evaluate($0) }
        var parts: [String] = []
        var diagnostics: [PortcullisDiagnostics.Diagnostic] = []
        func place(_ line: Int, _ column: Int) -> SourceSpan {
            let (fileLine, fileColumn) = lines.policyPosition(line: line, column: column)
            return SourceSpan(start: SourceLocation(line: fileLine, column: fileColumn))
        }
        func describe(_ finding: PortcullisEngine.Finding) -> String {
            "line \(lines.policyPosition(line: finding.span.start.line, column: 1).line): \(finding.message)"
                + (finding.policyID != rule.info.id || finding.check != nil ? " [\(finding.policyID)\(finding.check.map { "#" + $0 } ?? "")]" : "")
        }
        if !example.shouldFail {
            if findings.isEmpty {
                result.passed = true
            } else {
                result.problem = "expected no finding, got \(findings.count): " + describe(findings[0])
                for finding in findings {
                    diagnostics.append(.error("test.unexpected-finding", "unexpected finding in a pass example: \(finding.message)",
                                              path: rule.info.path, at: place(finding.span.start.line, finding.span.start.column)))
                }
            }
            result.diagnostics = diagnostics.wrapped(sources: sources)
            return result
        }
        if expectations.isEmpty {
            result.problem = "a fail example needs at least one line marked '# expect'"
            result.diagnostics = [PortcullisDiagnostics.Diagnostic.error("test.no-expectation", result.problem!, path: rule.info.path,
                                                                           at: place(1, 1))].wrapped(sources: sources)
            return result
        }
        let unmet = expectations.filter { expectation in !findings.contains { expectation.accepts($0) } }
        let unexpected = findings.filter { finding in !expectations.contains { $0.accepts(finding) } }
        if unmet.isEmpty && unexpected.isEmpty {
            result.passed = true
            return result
        }
        if !unmet.isEmpty {
            let numbers = unmet.map { String(lines.policyPosition(line: $0.line, column: 1).line) }
            let plain = unmet.allSatisfy(\.isPlain)
            parts.append((plain ? "no finding on expected line" : "no finding as expected on line") + (unmet.count > 1 ? "s " : " ")
                         + numbers.joined(separator: ", ") + (plain ? "" : " (" + unmet.map(\.text).joined(separator: "; ") + ")"))
            for expectation in unmet {
                let there = findings.filter { $0.span.start.line == expectation.line }
                diagnostics.append(.error("test.missing-finding", "no finding \(expectation.isPlain ? "" : "matching \(expectation.text) ")here"
                                          + (there.isEmpty ? "" : "; found: " + there.map(\.message).joined(separator: "; ")),
                                          path: rule.info.path, at: place(expectation.line, expectation.column)))
            }
        }
        if !unexpected.isEmpty {
            parts.append("unexpected finding\(unexpected.count > 1 ? "s" : "") at " + unexpected.map(describe).joined(separator: "; "))
            for finding in unexpected {
                diagnostics.append(.error("test.unexpected-finding", "unexpected finding: \(finding.message)",
                                          path: rule.info.path, at: place(finding.span.start.line, finding.span.start.column)))
            }
        }
        result.problem = parts.joined(separator: "; ")
        result.diagnostics = diagnostics.sorted(by: PortcullisDiagnostics.Diagnostic.reportOrder).wrapped(sources: sources)
        return result
    }
}

/// Where the lines of an example stand in its policy file: the block starts at `firstLine`, and
/// its common indentation was removed (it is added back to columns).
struct ExampleLines {
    let example: Example
    let policyFile: SourceFile?

    /// The policy file's line and column of the example's `line` and `column`.
    func policyPosition(line: Int, column: Int) -> (line: Int, column: Int) {
        let fileLine = example.firstLine + line - 1
        return (fileLine, column + indent(ofExampleLine: line))
    }

    /// How many characters of the policy file's line the block's dedent removed.
    private func indent(ofExampleLine line: Int) -> Int {
        let exampleLines = example.text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let policyFile, line >= 1, line <= exampleLines.count else { return 0 }
        let fileLines = String(decoding: policyFile.bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let index = example.firstLine + line - 2
        guard index >= 0, index < fileLines.count else { return 0 }
        let dedented = exampleLines[line - 1]
        let original = fileLines[index]
        guard !dedented.isEmpty, original.unicodeScalars.count >= dedented.unicodeScalars.count else { return 0 }
        return original.unicodeScalars.count - dedented.unicodeScalars.count
    }
}

/// One `# expect` mark of a fail example: a finding must land on its line — of the example's own
/// policy, or of `# expect POLICY-ID` (`id#check` names one `deny` block, `#check` one of the own
/// policy's), with `# expect "text"` in its message.
struct ExampleExpectation {
    var line: Int
    /// Column of the `#` of `# expect` (1-based, in the example).
    var column: Int
    var policyID: String
    var check: String?
    var message: String?
    /// What follows `# expect`, for messages.
    var text: String
    /// A bare `# expect`: any finding of the own policy.
    var isPlain: Bool { text.isEmpty }

    func accepts(_ finding: PortcullisEngine.Finding) -> Bool {
        finding.span.start.line == line && finding.policyID == policyID
            && (check == nil || finding.check == check) && (message.map { finding.message.contains($0) } ?? true)
    }

    static func parse(_ text: String, policyID: String) -> [ExampleExpectation] {
        var expectations: [ExampleExpectation] = []
        for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            guard let mark = line.firstRange(of: "# expect") else { continue }
            let rest = TextTrimming.trimmed(line[mark.upperBound...]) { $0.isWhitespace && !$0.isNewline }
            var expectation = ExampleExpectation(line: offset + 1, column: line[..<mark.lowerBound].unicodeScalars.count + 1,
                                                 policyID: policyID, text: rest)
            var words = Substring(rest)
            if let quote = words.firstIndex(of: "\"") {
                let after = words[words.index(after: quote)...]
                let close = after.lastIndex(of: "\"") ?? after.endIndex
                expectation.message = String(after[..<close]).replacing("\\\"", with: "\"")
                words = words[..<quote]
            }
            let id = TextTrimming.trimmed(words) { $0.isWhitespace && !$0.isNewline }
            if !id.isEmpty {
                let parts = id.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
                if !parts[0].isEmpty { expectation.policyID = String(parts[0]) }
                if parts.count > 1 { expectation.check = String(parts[1]) }
            }
            expectations.append(expectation)
        }
        return expectations
    }
}
