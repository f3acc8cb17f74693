import PortcullisDiagnostics
import PortcullisEngine
import PortcullisManifest
import Testing

/// Cross-document label selection answered from an index gives the verdicts a scan gives. The same
/// conditions are written twice: in the shape the graph indexes, and with `and true` in the body,
/// which the graph does not recognise, so it scans every resource.
@Suite struct SelectionIndexTests {
    static let workloads = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: shop}
        spec:
          replicas: 3
          template:
            metadata: {labels: {app: web, tier: front}}
        ---
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: db, namespace: shop}
        spec:
          replicas: 2
          template:
            metadata: {labels: {app: db, tier: back, app.kubernetes.io/name: db}}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: nolabels, namespace: shop}
        spec:
          replicas: 2
          template: {metadata: {}}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: other, namespace: elsewhere}
        spec:
          replicas: 2
          template:
            metadata: {labels: {app: web}}
        """
    static let services = """
        apiVersion: v1
        kind: Service
        metadata: {name: web, namespace: shop}
        spec: {selector: {app: web}}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: web-back, namespace: shop}
        spec: {selector: {app: web, tier: back}}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: per-pod, namespace: shop}
        spec: {selector: {statefulset.kubernetes.io/pod-name: db-0, app: db}}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: controller-only, namespace: shop}
        spec: {selector: {pod-template-hash: abc}}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: nested, namespace: shop}
        spec: {selector: {app: {name: web}}}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: ghost, namespace: shop}
        spec: {selector: {app: ghost}}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: labelselector, namespace: shop}
        spec: {selector: {matchLabels: {app: db}}}
        """
    static let budgets = """
        apiVersion: policy/v1
        kind: PodDisruptionBudget
        metadata: {name: front, namespace: shop}
        spec: {selector: {matchLabels: {tier: front}}}
        ---
        apiVersion: policy/v1
        kind: PodDisruptionBudget
        metadata: {name: expressions, namespace: shop}
        spec:
          selector:
            matchExpressions: [{key: app.kubernetes.io/name, operator: In, values: [db]}]
        ---
        apiVersion: policy/v1
        kind: PodDisruptionBudget
        metadata: {name: two-pairs, namespace: elsewhere}
        spec: {selector: {matchLabels: {app: web, tier: front}}}
        ---
        apiVersion: policy/v1
        kind: PodDisruptionBudget
        metadata: {name: broken, namespace: elsewhere}
        spec: {selector: [app]}
        """

    /// Names of the resources `condition` denies across the three files, the indexed way and the scanning way.
    func verdicts(kind: String, _ condition: (String) -> String) throws -> (indexed: [String], scanned: [String]) {
        func run(_ body: String) throws -> [String] {
            let harness = EngineHarness("policy \"test/selection\" {\n  match kind \(kind)\n  deny when \(body)\n  message \"x\"\n}\n")
            #expect(harness.errors.isEmpty, "\(harness.errors)")
            let graph = try #require(harness.graph)
            let files = [("workloads.yaml", Self.workloads), ("services.yaml", Self.services), ("budgets.yaml", Self.budgets)]
                .map { ManifestLoader().load(SourceFile(path: $0.0, bytes: Array($0.1.utf8))) }
            let set = InputSet(files: files)
            return files.flatMap { ManifestChecker(graph: graph).evaluate($0, in: set).findings.compactMap(\.name) }
        }
        return (try run(condition("")), try run(condition(" and true")))
    }

    @Test func servicesFindTheWorkloadsTheirSelectorsSelect() throws {
        for namespace in ["metadata.namespace", ""] {
            let result = try verdicts(kind: "Service") { extra in
                "not (any w in workloads(\(namespace)): selects(spec.selector, podLabels(w))\(extra))"
            }
            #expect(result.indexed == result.scanned, "namespace argument: \(namespace)")
            #expect(!result.indexed.isEmpty)
        }
        let inShop = try verdicts(kind: "Service") { "not (any w in workloads(metadata.namespace): selects(spec.selector, podLabels(w))\($0))" }
        // `nested` requires a pod without an `app` label (a non-scalar value matches none): `nolabels`.
        #expect(inShop.indexed == ["web-back", "ghost"])
    }

    @Test func workloadsFindTheBudgetsSelectingTheirPods() throws {
        for kind in ["Deployment", "StatefulSet"] {
            for lookup in ["resources(\"PodDisruptionBudget\", default(metadata.namespace, \"\"))", "resources(\"PodDisruptionBudget\")",
                           "resources([\"PodDisruptionBudget\", \"Service\"])"] {
                let result = try verdicts(kind: kind) { "not (any b in \(lookup): selects(b.spec.selector, pod_metadata.labels)\($0))" }
                #expect(result.indexed == result.scanned, "\(kind) \(lookup)")
            }
        }
        let inNamespace = try verdicts(kind: "Deployment") {
            "not (any b in resources(\"PodDisruptionBudget\", default(metadata.namespace, \"\")): selects(b.spec.selector, pod_metadata.labels)\($0))"
        }
        #expect(inNamespace.indexed == ["nolabels", "other"])
    }
}
