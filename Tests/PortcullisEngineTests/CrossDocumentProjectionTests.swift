import PortcullisDiagnostics
@testable import PortcullisEngine
@testable import PortcullisManifest
import Testing

/// What a run copies of the documents the cross-document rules wait for (`CrossDocumentProjection`).
@Suite struct CrossDocumentProjectionTests {
    /// A lookup rule that reads nothing of its subjects (only of what it looks up) keeps their
    /// identity, not the whole document: the subject's kind still has a tree of its own.
    @Test func aSubjectTheRuleReadsNothingOfKeepsItsIdentityOnly() throws {
        let harness = EngineHarness("""
            policy "test/autoscaled-anywhere" {
              match kind Deployment
              deny when any h in resources("HorizontalPodAutoscaler", "elsewhere"): h.spec.minReplicas > 100
              message "x"
            }
            """)
        #expect(harness.errors.isEmpty, "\(harness.errors)")
        let graph = try #require(harness.graph)
        let text = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web, namespace: shop, labels: {app: web}}
            spec:
              replicas: 3
              template: {spec: {containers: [{name: web, image: "web:1.0.0"}]}}
            ---
            apiVersion: autoscaling/v2
            kind: HorizontalPodAutoscaler
            metadata: {name: web, namespace: elsewhere}
            spec: {minReplicas: 200, maxReplicas: 300, scaleTargetRef: {kind: Deployment, name: web}}
            """
        let file = ManifestLoader().load(SourceFile(path: "a.yaml", bytes: Array(text.utf8)))
        let scope = CrossDocumentScope(graph)
        let projection = CrossDocumentProjection(graph)
        #expect(!projection.isWhole)
        let projected = projection.projected(file, keeping: file.resources.map(scope.contains))
        #expect(projected.copied == [true, true])
        let deployment = try #require(projected.file.resources.first?.root)
        #expect(deployment.entries.compactMap(\.key.scalarText) == ["apiVersion", "kind", "metadata"])
        #expect(deployment[literal: "metadata"]?.entries.compactMap(\.key.scalarText) == ["name", "namespace"])
        let autoscaler = try #require(projected.file.resources.last?.root)
        #expect(autoscaler[literal: "spec"]?.entries.compactMap(\.key.scalarText) == ["minReplicas"])
        // The rule's verdict on the copies is the one on the file.
        let checker = ManifestChecker(graph: graph)
        #expect(checker.evaluate(projected.file, in: InputSet(files: [projected.file])).findings.count == 1)
        #expect(checker.evaluate(file, in: InputSet(files: [file])).findings.count == 1)
    }
}
