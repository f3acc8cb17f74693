import Testing
import PortcullisDiagnostics
import PortcullisManifest
@testable import PortcullisEngine

/// What the built-in packs needed from the language: structured parameters, mapping literals,
/// wildcards, cross-document functions, operations, opt-in policies.
@Suite struct PackFeatureTests {
    @Test func structuredParametersFromJSONAndMappingLiterals() {
        let text = """
            param ranges = [{min: 1, max: 100}]
            policy "test/range" {
              match kind ConfigMap
              deny when not (any r in params.ranges: number(data.replicas) >= r.min and number(data.replicas) <= r.max)
              message "out of range"
            }
            """
        #expect(EngineHarness(text).findings(configMap).isEmpty)  // replicas "3" is in 1–100
        let overridden = EngineHarness(text, parameters: ["ranges": #"[{"min": 5, "max": 10}, {"min": 50, "max": 60}]"#])
        #expect(overridden.errors.isEmpty, "\(overridden.errors)")
        #expect(overridden.findings(configMap) == ["1:1 out of range"])
        let bad = EngineHarness(text, parameters: ["ranges": "[{min: 1"])
        #expect(bad.diagnostics.map(\.id.rawValue) == ["config.invalid-parameter"])
        let notAList = EngineHarness(text, parameters: ["ranges": #"{"min": 1}"#])
        #expect(notAList.diagnostics.map(\.id.rawValue) == ["config.invalid-parameter"])
    }

    @Test(arguments: [
        ("glob(\"ghcr.io/acme/app:1\", \"ghcr.io/acme/*\")", true), ("glob(\"ghcr.io/acmex/app\", \"ghcr.io/acme/*\")", false),
        ("glob(\"kernel.shm\", \"kernel.*\")", true), ("glob(\"a\", \"?\")", true), ("glob(\"ab\", \"?\")", false),
        ("concat(\"a/\", data.mode) == \"a/fast\"", true), ("ratio(4, 2) == 2", true), ("ratio(1, 0) exists", false),
        ("{a: \"x\", b: [1, 2]}[\"a\"] == \"x\"", true), ("len(flatten([{e: [1, 2]}, {e: [3]}], \"e\")) == 3", true),
    ])
    func builtins(_ condition: String, _ holds: Bool) {
        let harness = EngineHarness(policy(condition))
        #expect(harness.errors.isEmpty, "\(harness.errors)")
        #expect(harness.findings(configMap).isEmpty == !holds, "\(condition)")
    }

    /// `glob` over values read from the document: ASCII and non-ASCII text (where `?` is one
    /// character), numbers and booleans as written, a pattern read from the document too; null has
    /// no text and matches nothing.
    @Test(arguments: [
        ("glob(metadata.namespace, \"prod-*\")", true), ("glob(metadata.namespace, \"stage-*\")", false),
        ("glob(data.pattern, metadata.namespace)", false), ("glob(metadata.namespace, data.pattern)", true),
        ("glob(data.city, \"Z?rich\")", true), ("glob(data.city, \"Zu*\")", false), ("glob(data.town, \"?rlé*\")", true),
        ("glob(data.replicas, \"3*\")", true), ("glob(data.flag, \"tr?e\")", true), ("glob(data.none, \"*\")", false),
        ("glob(data.quoted, \"4?\")", true),
    ])
    func globOverDocumentValues(_ condition: String, _ holds: Bool) {
        let harness = EngineHarness(policy(condition))
        #expect(harness.errors.isEmpty, "\(harness.errors)")
        let manifest = """
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: settings, namespace: prod-eu}
            data: {pattern: "prod-*", city: Zürich, town: Orléans, replicas: 30, flag: true, none: null, quoted: "42"}
            """
        #expect(harness.findings(manifest).isEmpty == !holds, "\(condition)")
    }

    static let deployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: shop}
        spec:
          replicas: 3
          template:
            metadata: {labels: {app: web, tier: front}}
        """

    @Test(arguments: [
        ("{matchLabels: {app: web}}", true), ("{matchLabels: {app: db}}", false), ("{}", true),
        ("{matchExpressions: [{key: tier, operator: In, values: [front, back]}]}", true),
        ("{matchExpressions: [{key: tier, operator: NotIn, values: [front]}]}", false),
        ("{matchExpressions: [{key: zone, operator: DoesNotExist}]}", true),
        ("{matchExpressions: [{key: zone, operator: Exists}]}", false),
    ])
    func crossDocumentSelection(_ selector: String, _ selected: Bool) throws {
        let harness = EngineHarness("""
            policy "test/pdb" {
              match kind Deployment
              deny when not (any b in resources("PodDisruptionBudget", metadata.namespace): selects(b.spec.selector, pod_metadata.labels))
              message "no budget"
              at spec.replicas
            }
            """)
        let graph = try #require(harness.graph)
        #expect(graph.isCrossDocument)
        #expect(graph.crossDocumentKinds == ["PodDisruptionBudget"])
        let pdb = "apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: web, namespace: shop}\nspec:\n  selector: \(selector)\n"
            + "---\napiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: all, namespace: elsewhere}\nspec:\n  selector: {}\n"
        // Two files: the lookup spans the input set, not one file.
        let files = [ManifestLoader().load(SourceFile(path: "a.yaml", bytes: Array(Self.deployment.utf8))),
                     ManifestLoader().load(SourceFile(path: "b.yaml", bytes: Array(pdb.utf8)))]
        let set = InputSet(files: files)
        let findings = ManifestChecker(graph: graph).evaluate(files[0], in: set).findings
        #expect(findings.isEmpty == selected, "\(selector)")
        // Alone, the Deployment has no budget.
        #expect(ManifestChecker(graph: graph).evaluate(files[0]).findings.map(\.span.start.line) == [5])
    }

    @Test func serviceSelectorsAndPodLabels() {
        let harness = EngineHarness("""
            policy "test/service" {
              match kind Service
              deny when not (any w in workloads(): selects(spec.selector, podLabels(w)))
              message "selects nothing"
            }
            """)
        let manifests = Self.deployment + "\n---\napiVersion: v1\nkind: Service\nmetadata: {name: a}\nspec:\n  selector: {app: web}\n"
            + "---\napiVersion: v1\nkind: Service\nmetadata: {name: b}\nspec:\n  selector: {app: web, tier: back}\n"
        let file = ManifestLoader().load(SourceFile(path: "all.yaml", bytes: Array(manifests.utf8)))
        let findings = ManifestChecker(graph: harness.graph!).evaluate(file, in: InputSet(files: [file])).findings
        #expect(findings.map(\.name) == ["b"])
    }

    @Test func admissionReviewObjectsCarryTheirOperation() {
        let harness = EngineHarness(policy("pod.hostPID == true", match: "match workload\n  exclude kind Pod and operation UPDATE"))
        #expect(harness.errors.isEmpty, "\(harness.errors)")
        #expect(harness.findings(Self.podReview("CREATE")) == ["7:5 denied"])
        #expect(harness.findings(Self.podReview("UPDATE")).isEmpty)
        #expect(harness.findings("apiVersion: v1\nkind: Pod\nspec: {hostPID: true}\n") == ["1:1 denied"])
    }

    /// Outside admission a rule asks only the excludes that can hold without an operation; the
    /// others still apply to a review that carries one.
    @Test func excludesNeedingAnOperationAreSkippedOutsideAdmission() {
        let harness = EngineHarness(policy("pod.hostPID == true", match: "match workload\n  exclude operation DELETE\n  exclude namespace kube-system"))
        #expect(harness.errors.isEmpty, "\(harness.errors)")
        #expect(harness.findings("apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: kube-system}\nspec: {hostPID: true}\n").isEmpty)
        #expect(harness.findings("apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: web}\nspec: {hostPID: true}\n") == ["1:1 denied"])
        #expect(harness.findings(Self.podReview("DELETE", namespace: "web")).isEmpty)
        #expect(harness.findings(Self.podReview("CREATE", namespace: "kube-system")).isEmpty)
        #expect(harness.findings(Self.podReview("CREATE", namespace: "web")) == ["7:5 denied"])
    }

    /// An AdmissionReview of a Pod with `hostPID: true` (in `namespace` when given), for `operation`.
    static func podReview(_ operation: String, namespace: String? = nil) -> String {
        """
        apiVersion: admission.k8s.io/v1
        kind: AdmissionReview
        request:
          uid: 1
          operation: \(operation)
          object:
            apiVersion: v1
            kind: Pod
            metadata: {name: p\(namespace.map { ", namespace: \($0)" } ?? "")}
            spec: {hostPID: true}
        """
    }

    @Test func optInPoliciesAndSelection() throws {
        let text = """
            policy "pack/on" {
              deny when true
            }
            policy "pack/off" {
              enabled false
              deny when true
            }
            policy "other/on" {
              deny when true
            }
            """
        func ids(_ selection: PolicySelection) -> [String]? {
            PolicyCompiler.compile([SourceFile(path: "t.policy", bytes: Array(text.utf8))], selection: selection).0?.rules.map(\.info.id)
        }
        #expect(ids(.defaults) == ["pack/on", "other/on"])
        #expect(ids(.all) == ["pack/on", "pack/off", "other/on"])
        #expect(ids(PolicySelection(enable: ["pack/off"])) == ["pack/on", "pack/off", "other/on"])
        #expect(ids(PolicySelection(disable: ["pack"])) == ["other/on"])
        #expect(ids(PolicySelection(only: ["pack"])) == ["pack/on", "pack/off"])
        let (graph, diagnostics) = PolicyCompiler.compile([SourceFile(path: "t.policy", bytes: Array(text.utf8))],
                                                          selection: PolicySelection(enable: ["pack/of"]))
        #expect(graph == nil)
        #expect(diagnostics.map(\.id.rawValue) == ["config.unknown-policy"])
    }
}
