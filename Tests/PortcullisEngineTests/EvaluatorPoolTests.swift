import PortcullisDiagnostics
import PortcullisEngine
import PortcullisManifest
import Testing

/// Evaluators handed from file to file (`EvaluatorPool`): one given back finds what a new one
/// finds, holds nothing of the files it evaluated, and reports each file's problems again.
@Suite struct EvaluatorPoolTests {
    static let policies = """
        policy "test/image" {
          match workload
          for c in containers
          deny when c.image == "nginx:latest"
          message "container {c.name} runs {c.image}"
        }
        policy "test/team" {
          match workload
          deny when metadata.labels.team missing
          message "no team label"
        }
        policy "test/pattern" {
          match kind ConfigMap
          deny when data.mode matches data.pattern
          message "mode matches"
        }
        """

    static func pod(_ name: String, images: [String], team: String? = nil) -> String {
        """
        apiVersion: v1
        kind: Pod
        metadata:
          name: \(name)
        \(team.map { "  labels: {team: \($0)}" } ?? "")
        spec:
          containers:
        \(images.enumerated().map { "    - {name: c\($0.offset), image: \"\($0.element)\"}" }.joined(separator: "\n"))
        """
    }

    static let badPattern = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {mode: fast, pattern: \"[unclosed\"}\n"

    static func load(_ path: String, _ text: String) -> ManifestFile {
        ManifestLoader().load(SourceFile(path: path, bytes: Array(text.utf8)))
    }

    static func described(_ findings: [Finding]) -> [String] {
        findings.map { "\($0.path):\($0.span.start.line):\($0.span.start.column) \($0.policyID) \($0.jsonPath) \($0.message)" }
    }

    @Test func aReusedEvaluatorFindsWhatANewOneFinds() throws {
        let graph = try #require(EngineHarness(Self.policies).graph)
        let pool = EvaluatorPool(graph: graph, capacity: 1)
        let first = Self.load("a.yaml", Self.pod("a", images: ["nginx:latest", "nginx:1.25", "nginx:latest"]) + "\n---\n" + Self.badPattern)
        let second = Self.load("b.yaml", Self.pod("b", images: ["redis:7", "nginx:latest"], team: "web") + "\n---\n"
                                   + Self.pod("c", images: ["nginx:latest"]))
        var used = pool.take()
        for document in first.resources { _ = used.evaluate(document, keepingAtMost: .max) }
        pool.giveBack(used)
        #expect(pool.idleCount == 1)
        var reused = pool.take()
        #expect(pool.idleCount == 0)
        var fresh = Evaluator(graph: graph)
        for document in second.resources {
            let again = reused.evaluate(document, keepingAtMost: .max)
            let new = fresh.evaluate(document, keepingAtMost: .max)
            #expect(Self.described(again.findings) == Self.described(new.findings))
            #expect(again.count == new.count)
        }
        #expect(Self.described(ManifestChecker(graph: graph).evaluate(second).findings).count == 3)
    }

    @Test func anEvaluatorGivenBackHoldsNoFile() throws {
        let graph = try #require(EngineHarness(Self.policies).graph)
        let pool = EvaluatorPool(graph: graph, capacity: 1)
        weak var arena: ManifestStorage?
        do {
            let file = Self.load("a.yaml", Self.pod("a", images: ["nginx:latest", "redis:7"]) + "\n---\n" + Self.badPattern)
            arena = file.storage
            var evaluator = pool.take()
            for document in file.resources { _ = evaluator.evaluate(document, keepingAtMost: .max) }
            #expect(evaluator.issues.count == 1)
            pool.giveBack(evaluator)
        }
        #expect(pool.idleCount == 1)
        #expect(arena == nil, "the pooled evaluator still holds the file's arena")
    }

    @Test func eachFileReportsItsOwnInvalidPattern() throws {
        let graph = try #require(EngineHarness(Self.policies).graph)
        let checker = ManifestChecker(graph: graph)
        for name in ["a.yaml", "b.yaml", "c.yaml"] {
            let result = checker.evaluate(Self.load(name, Self.badPattern))
            #expect(result.issues.map(\.id.description) == ["engine.invalid-regex"], "\(name)")
            #expect(result.issues.first?.path == name)
        }
        #expect(checker.evaluators.idleCount == 1)
    }
}
