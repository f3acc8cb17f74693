import PortcullisDiagnostics
import PortcullisEngine
import PortcullisManifest
import Testing

/// Where each finding stands in evaluating every rule (`Evaluator.findingOrder`), which merges the
/// two passes of a run: one entry per finding of the last document, whatever came before it.
@Suite struct EvaluationOrderTests {
    @Test func oneEntryPerFindingOfTheLastDocumentOnly() throws {
        let harness = EngineHarness("""
            policy "test/a" {
              match workload
              for c in containers
              deny when c.image == "nginx:latest"
              message "{c.name}"
            }
            policy "test/b" {
              match workload
              deny when metadata.name exists
              message "named"
            }
            """)
        let graph = try #require(harness.graph)
        let file = ManifestLoader().load(SourceFile(path: "m.yaml", bytes: Array("""
            apiVersion: v1
            kind: Pod
            metadata: {name: p}
            spec:
              containers:
                - {name: a, image: "nginx:latest"}
                - {name: b, image: "nginx:1.25"}
                - {name: c, image: "nginx:latest"}
            ---
            settings: {replicas: 3}
            """.utf8)))
        var evaluator = Evaluator(graph: graph)
        evaluator.recordsOrder = true
        let pod = evaluator.evaluate(file.resources[0], keepingAtMost: .max)
        #expect(pod.findings.count == 3)
        #expect(evaluator.findingOrder.count == 3)
        // Elements in order, the same rule on both; the rule without a collection apart.
        let byContainer = zip(pod.findings, evaluator.findingOrder).filter { $0.0.policyID == "test/a" }.map(\.1)
        #expect(byContainer.count == 2 && byContainer[0] < byContainer[1])
        // A document that is not a resource has no findings, and no order left from the last one.
        let settings = evaluator.evaluate(file.resources[1], keepingAtMost: .max)
        #expect(settings.findings.isEmpty)
        #expect(evaluator.findingOrder.isEmpty)
    }
}
