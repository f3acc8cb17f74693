import PortcullisDiagnostics
@testable import PortcullisEngine
@testable import PortcullisManifest
import Testing

/// What a run copies of the documents the cross-document rules wait for (`CrossDocumentProjection`).
@Suite struct CrossDocumentProjectionTests {
    /// `text` loaded as one file, `graph`'s projection, and the file as a run copies it for the
    /// cross-document rules (the documents their scope keeps).
    private static func projected(_ text: String, _ graph: RuleGraph)
        -> (file: ManifestFile, projection: CrossDocumentProjection, projected: (file: ManifestFile, copied: [Bool])) {
        let file = ManifestLoader().load(SourceFile(path: "a.yaml", bytes: Array(text.utf8)))
        let scope = CrossDocumentScope(graph)
        let projection = CrossDocumentProjection(graph)
        return (file, projection, projection.projected(file, keeping: file.resources.map(scope.contains)))
    }

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
        let (file, projection, projected) = Self.projected(text, graph)
        #expect(!projection.isWhole)
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

    /// A custom resource looked up through `customResources()` keeps its identity and what the rule
    /// reads of it (its labels), not its whole spec; one that is also a subject keeps what the rule
    /// reads of its kind as well. The verdicts on the copies are those on the file.
    @Test func aCustomResourceKeepsWhatTheRulesReadOfIt() throws {
        let harness = EngineHarness("""
            policy "test/service-operator" {
              match kind Service
              deny when not (any r in customResources(default(metadata.namespace, "")): selects(spec.selector, r.metadata.labels))
              message "x"
              at spec.selector
            }
            policy "test/prometheus-retention" {
              match kind Prometheus
              deny when spec.retention == "1d" and len(customResources()) > 1
              message "y"
              at spec.retention
            }
            """)
        #expect(harness.errors.isEmpty, "\(harness.errors)")
        let graph = try #require(harness.graph)
        let text = """
            apiVersion: v1
            kind: Service
            metadata: {name: prometheus, namespace: monitoring}
            spec: {selector: {app: prometheus}}
            ---
            apiVersion: monitoring.coreos.com/v1
            kind: Prometheus
            metadata: {name: k8s, namespace: monitoring, labels: {app: prometheus}, annotations: {note: big}}
            spec: {retention: 1d, replicas: 2, resources: {requests: {memory: 400Mi}}}
            ---
            apiVersion: cert-manager.io/v1
            kind: Certificate
            metadata: {name: web, namespace: monitoring, labels: {app: web}}
            spec: {secretName: web-tls, dnsNames: [web.example.com]}
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: web, namespace: monitoring}
            spec: {selector: {app: nothing}}
            """
        let (file, projection, projected) = Self.projected(text, graph)
        #expect(!projection.isWhole)
        #expect(projected.copied == [true, true, true, true])
        let prometheus = try #require(projected.file.resources.dropFirst().first?.root)
        // The annotations are walked through for the suppression annotation only.
        #expect(prometheus[literal: "metadata"]?.entries.compactMap(\.key.scalarText) == ["name", "namespace", "labels", "annotations"])
        #expect(prometheus[literal: "metadata"]?[literal: "annotations"]?.entries.isEmpty == true)
        #expect(prometheus[literal: "spec"]?.entries.compactMap(\.key.scalarText) == ["retention"])
        let certificate = try #require(projected.file.resources.dropFirst(2).first?.root)
        #expect(certificate.entries.compactMap(\.key.scalarText) == ["apiVersion", "kind", "metadata"])
        #expect(certificate[literal: "metadata"]?.entries.compactMap(\.key.scalarText) == ["name", "namespace", "labels"])
        let checker = ManifestChecker(graph: graph)
        let onCopies = checker.evaluate(projected.file, in: InputSet(files: [projected.file])).findings.map(\.message)
        #expect(onCopies == ["y", "x"])
        #expect(checker.evaluate(file, in: InputSet(files: [file])).findings.map(\.message) == onCopies)
    }

    /// A custom resource of a workload kind (OpenKruise's `StatefulSet`) looked up through
    /// `customResources()` keeps its pod template's labels where the kind keeps them, which
    /// `podLabels` reads, though no rule names the kind.
    @Test func aCustomWorkloadKeepsItsPodLabels() throws {
        let harness = EngineHarness("""
            policy "test/service-custom-workload" {
              match kind Service
              deny when not (any r in customResources(default(metadata.namespace, "")): selects(spec.selector, podLabels(r)))
              message "x"
              at spec.selector
            }
            """)
        #expect(harness.errors.isEmpty, "\(harness.errors)")
        let graph = try #require(harness.graph)
        let text = """
            apiVersion: v1
            kind: Service
            metadata: {name: kr, namespace: shop}
            spec: {selector: {app: kr}}
            ---
            apiVersion: apps.kruise.io/v1beta1
            kind: StatefulSet
            metadata: {name: kr, namespace: shop}
            spec:
              replicas: 3
              template:
                metadata: {labels: {app: kr}}
                spec: {containers: [{name: kr, image: "kr:1.0.0"}]}
            """
        let (file, _, projected) = Self.projected(text, graph)
        #expect(projected.copied == [true, true])
        let workload = try #require(projected.file.resources.last?.root)
        #expect(workload[literal: "spec"]?[literal: "template"]?[literal: "metadata"]?[literal: "labels"]?[literal: "app"]?.scalarText == "kr")
        #expect(workload[literal: "spec"]?[literal: "replicas"] == nil)
        let checker = ManifestChecker(graph: graph)
        #expect(checker.evaluate(projected.file, in: InputSet(files: [projected.file])).findings.isEmpty)
        #expect(checker.evaluate(file, in: InputSet(files: [file])).findings.isEmpty)
    }

    /// What a rule reads through `customResources()` is built by the loader's projection for a
    /// custom resource no rule names (`spec.secretName` of a Certificate), and shown in messages.
    @Test func theLoaderBuildsWhatIsReadThroughCustomResources() throws {
        let harness = EngineHarness("""
            policy "test/tls-secret-exists" {
              match kind Secret
              deny when metadata.name == "web-tls"
                and any c in customResources(default(metadata.namespace, "")): c.spec.secretName == metadata.name
              message "{metadata.name} is issued by a Certificate"
            }
            """)
        #expect(harness.errors.isEmpty, "\(harness.errors)")
        let graph = try #require(harness.graph)
        #expect(graph.projection.keys(forKind: "Certificate")?.contains("spec") == true)
        #expect(graph.projection.keys(forKind: "ConfigMap")?.contains("data") == false)
        let text = """
            apiVersion: cert-manager.io/v1
            kind: Certificate
            metadata: {name: web, namespace: shop}
            spec: {secretName: web-tls, dnsNames: [web.example.com]}
            ---
            apiVersion: v1
            kind: Secret
            metadata: {name: web-tls, namespace: shop}
            type: kubernetes.io/tls
            """
        let file = ManifestLoader(limits: ManifestLimits(projection: graph.projection))
            .load(SourceFile(path: "a.yaml", bytes: Array(text.utf8)))
        let checker = ManifestChecker(graph: graph)
        #expect(checker.evaluate(file, in: InputSet(files: [file])).findings.map(\.message) == ["web-tls is issued by a Certificate"])
    }
}
