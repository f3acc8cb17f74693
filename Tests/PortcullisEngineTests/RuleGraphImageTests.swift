import PortcullisDiagnostics
@testable import PortcullisEngine
import PortcullisManifest
import Testing

/// A rule graph stored (`RuleGraph.image`) and loaded back without compiling: the same plan and the
/// same findings; other sources or options, or a stream cut short, are refused rather than misread.
@Suite struct RuleGraphImageTests {
    static let policy = """
        param allowed = ["ghcr.io/*", "quay.io/*"]
        param min_replicas = 2

        policy "t/images" {
          title "Images from allowed registries"
          severity warning
          tags ["supply-chain"]
          match workload
          exclude namespace "kube-*"
          for c in containers
          deny when not (any p in params.allowed: glob(c.image, p)) and not (c.image matches "^localhost/")
          message "container '{c.name}' uses '{c.image}'"
          at c.image
          example fail with {allowed: ["docker.io/*"]} \"\"\"
            apiVersion: v1
            kind: Pod
            metadata: {name: p}
            spec: {containers: [{name: a, image: "ghcr.io/x:1"}]}
            \"\"\"
        }

        policy "t/replicas" {
          match kind Deployment
          deny when default(spec.replicas, 1) < params.min_replicas
          message "{metadata.name} runs {default(spec.replicas, 1)} replica(s)"
        }
        """

    static let manifest = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: shop}
        spec:
          template:
            spec:
              containers:
                - {name: a, image: "docker.io/nginx:1"}
                - {name: b, image: "ghcr.io/acme/b:2"}
                - {name: c, image: "localhost/c:3"}
        """

    static let sources = [SourceFile(path: "t.policy", bytes: Array(policy.utf8))]

    static func findings(_ graph: RuleGraph) -> [String] {
        let file = ManifestLoader(limits: ManifestLimits(projection: graph.projection)).load(SourceFile(path: "m.yaml", bytes: Array(manifest.utf8)))
        return ManifestChecker(graph: graph).evaluate(file).findings.map { "\($0.span.start) \($0.policyID) \($0.message)" }
    }

    static func compiled() throws -> RuleGraph {
        let (graph, diagnostics) = PolicyCompiler.compile(sources)
        #expect(diagnostics.isEmpty)
        return try #require(graph)
    }

    @Test func storedGraphLoadsBackTheSame() throws {
        let graph = try Self.compiled()
        let bytes = graph.image(sources: Self.sources, options: PolicyCompileOptions())
        let loaded = try bytes.withUnsafeBufferPointer { try RuleGraph(image: $0, sources: Self.sources, options: PolicyCompileOptions()) }
        #expect(PlanExplainer.explain(loaded) == PlanExplainer.explain(graph))
        // The nodes' users and readable text are read when asked for (only `--explain-plan` does),
        // and a loaded graph stored again is the same bytes.
        #expect(loaded.describedNodes.map(\.text) == graph.nodes.map(\.text))
        #expect(loaded.describedNodes.map(\.users) == graph.nodes.map(\.users))
        #expect(graph.nodes.contains { !$0.text.isEmpty && !$0.users.isEmpty })
        #expect(loaded.image(sources: Self.sources, options: PolicyCompileOptions()) == bytes)
        #expect(Self.findings(graph).count == 2)
        #expect(Self.findings(loaded) == Self.findings(graph))
        #expect(loaded.rules.map(\.info.id) == graph.rules.map(\.info.id))
        #expect(loaded.rules[0].info.examples.map(\.text) == graph.rules[0].info.examples.map(\.text))
        #expect(loaded.rules[0].info.examples[0].parameters.map(\.name) == ["allowed"])
        #expect(loaded.rules.map { $0.info.parameters.map(\.name) } == graph.rules.map { $0.info.parameters.map(\.name) })
        #expect(loaded.declaredPolicyIDs == graph.declaredPolicyIDs)
        #expect(loaded.projection.keysByKind == graph.projection.keysByKind)
    }

    @Test func otherSourcesOrOptionsAreStale() throws {
        let bytes = try Self.compiled().image(sources: Self.sources, options: PolicyCompileOptions())
        let edited = [SourceFile(path: "t.policy", bytes: Array((Self.policy + "\n").utf8))]
        var deeper = PolicyCompileOptions()
        deeper.maxNesting = 10
        var limited = PolicyCompileOptions()
        limited.regexMatchLimit = 5
        for (sources, options) in [(edited, PolicyCompileOptions()), (Self.sources, deeper), (Self.sources, limited)] {
            #expect(throws: RuleGraphImageError.self) {
                try bytes.withUnsafeBufferPointer { try RuleGraph(image: $0, sources: sources, options: options) }
            }
        }
    }

    @Test func truncatedBytesAreRefused() throws {
        let bytes = try Self.compiled().image(sources: Self.sources, options: PolicyCompileOptions())
        // Every prefix (a stream cut short, or one of another layout read as far as it goes) throws.
        for length in 0..<bytes.count {
            let prefix = Array(bytes[..<length])
            #expect(throws: RuleGraphImageError.self) {
                try prefix.withUnsafeBufferPointer { try RuleGraph(image: $0, sources: Self.sources, options: PolicyCompileOptions()) }
            }
        }
    }

    @Test func anImpossibleSlotCountIsRefusedNotAllocated() throws {
        // The stored form ends with the slot count, the declared policy ids and the nodes' details
        // (users, readable text): with the count made 2^62 the graph would allocate that many
        // slots; it is refused as unreadable instead.
        let graph = try Self.compiled()
        let image = graph.image(sources: Self.sources, options: PolicyCompileOptions())
        var details = CompactWriter()
        for node in graph.describedNodes {
            details.write(node.users)
            details.write(node.text)
        }
        var tail = CompactWriter()
        tail.write(graph.slotCount)
        tail.write(graph.declaredPolicyIDs.sorted())
        tail.write(block: details.bytes)
        #expect(Array(image.suffix(tail.bytes.count)) == tail.bytes)
        var damaged = Array(image.dropLast(tail.bytes.count))
        var huge = CompactWriter()
        huge.write(Int(1) << 62)
        huge.write(graph.declaredPolicyIDs.sorted())
        huge.write(block: details.bytes)
        damaged += huge.bytes
        for bytes in [damaged] {
            #expect(throws: RuleGraphImageError.self) {
                try bytes.withUnsafeBufferPointer { try RuleGraph(image: $0, sources: Self.sources, options: PolicyCompileOptions()) }
            }
        }
        #expect(throws: Never.self) {
            try image.withUnsafeBufferPointer { _ = try RuleGraph(image: $0, sources: Self.sources, options: PolicyCompileOptions()) }
        }
    }
}
