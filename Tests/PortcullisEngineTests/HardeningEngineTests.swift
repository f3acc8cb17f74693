import Foundation
import Testing
import PortcullisDiagnostics
import PortcullisLanguage
@testable import PortcullisEngine
@testable import PortcullisManifest

/// Issue 13, the policy language's and the engine's share: each item's reproducer, shrunk.
@Suite struct HardeningEngineTests {
    static let configMap = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {mode: fast, pattern: \"[unclosed\", text: \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab\"}\n"

    // Item 3: nesting past the limit is a located error, not a SIGSEGV.
    @Test(arguments: [
        ("parentheses", String(repeating: "(", count: 5_000) + "true" + String(repeating: ")", count: 5_000)),
        ("not", String(repeating: "not ", count: 5_000) + "true"),
        ("member access", "data" + String(repeating: ".a", count: 5_000) + " exists"),
        ("index", "data" + String(repeating: "[0]", count: 5_000) + " exists"),
        ("literal", String(repeating: "[", count: 5_000) + String(repeating: "]", count: 5_000) + " == null"),
        ("calls", String(repeating: "lower(", count: 5_000) + "\"a\"" + String(repeating: ")", count: 5_000) + " == \"a\""),
    ])
    func deepNestingIsALocatedError(_ shape: String, _ condition: String) throws {
        let harness = EngineHarness(policy(condition))
        let error = try #require(harness.diagnostics.first { $0.id == "policy.too-deep" }, "\(shape): \(harness.errors.prefix(3))")
        #expect(error.path == "test.policy")
        #expect(error.span?.start.line == 4, "\(shape)")
        #expect(harness.graph == nil)
    }

    @Test func deepParameterLiteralIsALocatedError() {
        let harness = EngineHarness("param p = " + String(repeating: "[", count: 3_000) + String(repeating: "]", count: 3_000) + "\n" + policy("true"))
        #expect(harness.diagnostics.contains { $0.id == "policy.too-deep" && $0.span?.start.line == 1 })
    }

    @Test func nestingUpToTheLimitCompilesAndRuns() {
        let depth = Parser.defaultMaxNesting - 2
        let harness = EngineHarness(policy(String(repeating: "(", count: depth) + "data.mode == \"fast\"" + String(repeating: ")", count: depth)))
        #expect(harness.errors.isEmpty, "\(harness.errors)")
        #expect(harness.findings(Self.configMap).count == 1)
    }

    /// Parsing, lowering and evaluating at the nesting limit fit in a 512 KiB stack (a Dispatch or
    /// cooperative thread's), so the limit is a real bound on the stack, even in a debug build.
    @Test func theNestingLimitFitsASmallThreadStack() {
        let depth = Parser.defaultMaxNesting - 1
        let nots = String(repeating: "not (", count: depth / 2) + "data.mode == \"x\"" + String(repeating: ")", count: depth / 2)
        final class Box: @unchecked Sendable { var findings = -1 }
        let box = Box()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            let harness = EngineHarness(policy(nots))
            box.findings = harness.errors.isEmpty ? harness.findings(Self.configMap).count : -2
            done.signal()
        }
        thread.stackSize = 512 << 10
        thread.start()
        done.wait()
        #expect(box.findings == 0 || box.findings == 1)
    }

    // Item 3: long and/or chains are one node, built in linear time and memory.
    @Test(arguments: ["or", "and"])
    func longChainsAreLinear(_ op: String) throws {
        let terms = (0..<20_000).map { "data.mode == \"m\($0)\"" }.joined(separator: " \(op) ")
        let started = ContinuousClock.now
        let harness = EngineHarness(policy(terms))
        #expect(harness.errors.isEmpty)
        let graph = try #require(harness.graph)
        // One comparison per term, the strings, the field, the chain: no node per prefix.
        #expect(graph.nodes.count < 20_000 * 2 + 10)
        #expect(ContinuousClock.now - started < .seconds(60))
        #expect(harness.findings(Self.configMap).count == (op == "or" ? 0 : 0))
        #expect(EngineHarness(policy(terms + " \(op) data.mode == \"fast\"")).findings(Self.configMap).count == (op == "or" ? 1 : 0))
    }

    // Item 5: equality and literals over deep values use explicit stacks.
    @Test func deepValuesCompareWithoutRecursion() throws {
        let depth = 50_000
        let text = "a: " + String(repeating: "[", count: depth) + "x" + String(repeating: "]", count: depth)
        let limits = ManifestLimits(maxDepth: depth + 10)
        // The files hold the arenas their nodes are in.
        let files = [Array((text + "\n").utf8), Array((text + "\n").utf8), Array(text.replacingOccurrences(of: "x", with: "y").utf8) + [10]]
            .enumerated().map { ManifestLoader(limits: limits).load(SourceFile(path: "\($0.offset + 1)", bytes: $0.element)) }
        let one = try #require(files[0].resources.first?.root["a"])
        let two = try #require(files[1].resources.first?.root["a"])
        let other = try #require(files[2].resources.first?.root["a"])
        #expect(Value.equal(.node(one), .node(two)))
        #expect(!Value.equal(.node(one), .node(other)))
    }

    @Test func literalFromADeepNodeNeedsNoRecursion() throws {
        let depth = 20_000
        let text = "a: " + String(repeating: "[", count: depth) + "1, {k: v}" + String(repeating: "]", count: depth) + "\n"
        let file = ManifestLoader(limits: ManifestLimits(maxDepth: depth + 10)).load(SourceFile(path: "d", bytes: Array(text.utf8)))
        let node = try #require(file.resources.first?.root["a"])
        var literal = Literal(node)
        var levels = 0
        while case .list(let items) = literal, items.count == 1 { literal = items[0]; levels += 1 }
        #expect(levels == depth - 1)
        #expect(literal == .list([.number(1), .mapping([LiteralEntry(key: "k", value: .string("v"))])]))
    }

    // Item 6: a parameter of the wrong type from a configuration is an error at its line.
    @Test func configuredParameterOfTheWrongTypeIsLocated() throws {
        var options = PolicyCompileOptions()
        let span = SourceSpan(start: SourceLocation(line: 3, column: 22))
        options.parameterOrigins = ["min_replicas": .configured(path: ".portcullis.yaml", span: span)]
        let source = SourceFile(path: "p.policy", bytes: Array(("param min_replicas = 2\n" + policy("spec.replicas < params.min_replicas")).utf8))
        let (graph, diagnostics) = PolicyCompiler.compile([source], literalParameters: ["min_replicas": .string("3")], options: options)
        #expect(graph == nil)
        let error = try #require(diagnostics.first)
        #expect(error.id == "config.invalid-parameter")
        #expect(error.path == ".portcullis.yaml" && error.span == span)
        #expect(error.message == "parameter 'min_replicas' takes a number, not a text")
        // Lists check their elements against the default's.
        let list = SourceFile(path: "p.policy", bytes: Array(("param names = [\"a\"]\n" + policy("data.mode in params.names")).utf8))
        #expect(PolicyCompiler.compile([list], literalParameters: ["names": .list([.number(1)])]).1.first?.message == "parameter 'names' takes a list of texts, not a list")
        #expect(PolicyCompiler.compile([list], literalParameters: ["names": .list([.string("b")])]).0 != nil)
    }

    // Item 7: patterns known only at run time.
    @Test func invalidPatternInAParameterIsAnErrorWhereItIsSet() throws {
        let text = "param pattern = \"^ok$\"\nparam patterns = [\"^a\"]\n" + policy("data.mode matches params.pattern or any p in params.patterns: data.mode matches p")
        let good = EngineHarness(text)
        #expect(good.errors.isEmpty, "\(good.errors)")
        let bad = EngineHarness(text, parameters: ["pattern": "a("])
        #expect(bad.graph == nil)
        #expect(bad.diagnostics.first?.message.hasPrefix("--param parameter 'pattern': invalid regular expression 'a('") == true, "\(bad.errors)")
        let badList = EngineHarness(text, parameters: ["patterns": "ok,(("])
        #expect(badList.graph == nil && badList.diagnostics.first?.id == "config.invalid-parameter", "\(badList.errors)")
        let badDefault = EngineHarness("param pattern = \"a(\"\n" + policy("data.mode matches params.pattern"))
        #expect(badDefault.diagnostics.first?.span?.start == SourceLocation(line: 1, column: 17), "\(badDefault.errors)")
    }

    @Test func invalidPatternFromTheManifestIsAnInputErrorAtTheValue() throws {
        let harness = EngineHarness(policy("data.mode matches data.pattern"))
        #expect(harness.errors.isEmpty)
        let graph = try #require(harness.graph)
        let file = ManifestLoader().load(SourceFile(path: "m.yaml", bytes: Array(Self.configMap.utf8)))
        let result = ManifestChecker(graph: graph).evaluate(file)
        let issue = try #require(result.issues.first)
        #expect(issue.id == "engine.invalid-regex" && issue.severity == .error)
        #expect(issue.span?.start == SourceLocation(line: 4, column: 29))
    }

    @Test func matchLimitPointsAtTheValue() throws {
        var options = PolicyCompileOptions()
        options.regexMatchLimit = 1_000
        let source = SourceFile(path: "t.policy", bytes: Array(policy("data.text matches \"^(a+)+$\"").utf8))
        let graph = try #require(PolicyCompiler.compile([source], options: options).0)
        let file = ManifestLoader().load(SourceFile(path: "m.yaml", bytes: Array(Self.configMap.utf8)))
        let issue = try #require(ManifestChecker(graph: graph).evaluate(file).issues.first)
        #expect(issue.id == "engine.regex-limit")
        #expect(issue.span?.start == SourceLocation(line: 4, column: 48))
    }

    // Findings per resource are bounded.
    @Test func findingsPerResourceAreCapped() throws {
        let harness = EngineHarness(policy("true", match: "match kind ConfigMap", extra: "for x in data.list"))
        let graph = try #require(harness.graph)
        let list = (0..<50).map { "  - \($0)" }.joined(separator: "\n")
        let file = ManifestLoader().load(SourceFile(path: "m.yaml", bytes: Array("apiVersion: v1\nkind: ConfigMap\ndata:\n  list:\n\(list)\n".utf8)))
        let result = ManifestChecker(graph: graph, maxFindingsPerResource: 10).evaluate(file)
        #expect(result.findings.count == 10)
        #expect(result.issues.map(\.id) == ["engine.too-many-findings"])
        #expect(result.issues.first?.span?.start.line == 1)
    }

    // Item 15: lowering and duplicate-id errors are capped per file and kind.
    @Test func compileErrorsAreCapped() {
        let policies = (0..<100).map { "policy \"t/p\" {\n  match kind A\n  deny when nosuch(\($0))\n}\n" }.joined()
        let (_, diagnostics) = PolicyCompiler.compile([SourceFile(path: "many.policy", bytes: Array(policies.utf8))])
        for id in ["policy.duplicate-id"] {
            let of = diagnostics.filter { $0.id.rawValue == id }
            #expect(of.count == PolicyCompiler.diagnosticCap + 1, "\(id)")
            #expect(of.last?.message == "\(99 - PolicyCompiler.diagnosticCap) more diagnostics of this kind in this file not shown")
        }
        let unknown = (0..<100).map { "policy \"t/p\($0)\" {\n  match kind A\n  deny when nosuch(\($0))\n}\n" }.joined()
        let lowering = PolicyCompiler.compile([SourceFile(path: "many.policy", bytes: Array(unknown.utf8))]).1
        #expect(lowering.filter { $0.id == "policy.unknown-function" }.count == PolicyCompiler.diagnosticCap + 1)
    }
}
