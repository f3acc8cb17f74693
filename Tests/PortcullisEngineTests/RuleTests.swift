import Foundation
import Testing
import PortcullisDiagnostics
@testable import PortcullisEngine

@Suite struct MatchTests {
    static let cases: [(String, Bool)] = [
        ("match kind ConfigMap", true), ("match kind [Secret, ConfigMap]", true), ("match kind Secret", false),
        ("match apiVersion v1", true), ("match apiVersion \"apps/v1\"", false),
        ("match namespace \"prod-*\"", true), ("match namespace [\"dev\", \"stage\"]", false),
        ("match label \"app\"", true), ("match label \"app\" = \"web\"", true), ("match label \"app\" = \"db\"", false),
        ("match annotation \"owner\" = \"team-a\"", true), ("match annotation \"missing\"", false),
        ("match path \"envs/prod/**\"", true), ("match path \"envs/dev/**\"", false),
        ("match kind ConfigMap\n  exclude namespace \"prod-*\"", false), ("match kind ConfigMap\n  exclude label \"tier\" = \"back\"", true),
        ("exclude path \"**/prod/**\"", false), ("match workload", false),
        ("match namespaced", true), ("match cluster-scoped", false), ("exclude cluster-scoped", true),
        ("match kind ConfigMap and namespaced", true), ("exclude kind ConfigMap and namespaced", false),
    ]

    @Test(arguments: cases)
    func matcher(_ clause: String, _ applies: Bool) {
        let harness = EngineHarness(policy("true", match: clause))
        #expect(harness.errors.isEmpty, "\(harness.errors)")
        #expect(harness.findings(configMap, path: "clusters/envs/prod/settings.yaml").isEmpty == !applies, "\(clause)")
    }

    @Test func workloadKindsReachThePodSpec() {
        let harness = EngineHarness("""
            policy "test/host-network" {
              match workload
              deny when pod.hostNetwork == true
              message "{kind} uses the host network"
              at pod.hostNetwork
            }
            """)
        let manifests = [
            ("apiVersion: v1\nkind: Pod\nspec:\n  hostNetwork: true\n", "4:16 Pod uses the host network"),
            ("apiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    spec:\n      hostNetwork: true\n", "6:20 Deployment uses the host network"),
            ("apiVersion: batch/v1\nkind: CronJob\nspec:\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          hostNetwork: true\n", "8:24 CronJob uses the host network"),
        ]
        for (manifest, expected) in manifests { #expect(harness.findings(manifest) == [expected]) }
        #expect(harness.findings("apiVersion: v1\nkind: Service\nspec:\n  hostNetwork: true\n").isEmpty)
    }
}

@Suite struct IterationTests {
    let pod = """
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          initContainers:
            - name: init
              image: busybox
          containers:
            - name: app
              image: app:1.0.0
              ports: [{containerPort: 80}, {containerPort: 8080}]
            - name: sidecar
              image: envoy:latest
          ephemeralContainers:
            - name: debug
              image: debug:1.0.0
        """

    @Test func forIteratesEveryContainerKind() {
        let harness = EngineHarness("""
            policy "test/names" {
              match workload
              for c in containers
              deny when true
              message "{c.name}"
              at c.name
            }
            """)
        #expect(harness.findings(pod) == ["6:13 init", "9:13 app", "12:13 sidecar", "15:13 debug"])
    }

    @Test func forOverAPath() {
        let harness = EngineHarness("""
            policy "test/ports" {
              match kind Pod
              for port in pod.containers[0].ports
              deny when port.containerPort < 1024
              message "privileged port {port.containerPort}"
              at port.containerPort
            }
            """)
        #expect(harness.findings(pod) == ["11:31 privileged port 80"])
    }

    @Test func nestedQuantifiersSeeTheOuterVariable() {
        let harness = EngineHarness("""
            policy "test/duplicate-names" {
              match workload
              for c in containers
              deny when any other in containers: other.name == c.name and other.image != c.image
              message "{c.name}"
            }
            """)
        #expect(harness.findings(pod).isEmpty)
        let clash = pod.replacingOccurrences(of: "name: debug", with: "name: app")
        #expect(harness.findings(clash).count == 2)
    }

    /// Values cached under a binding follow it: a node of the outer variable alone, one of both
    /// variables, and a quantifier that binds its own variable and gives it back, on each element.
    @Test func cachedValuesFollowEachBinding() {
        let harness = EngineHarness("""
            policy "test/port-clash" {
              match kind Pod
              for c in containers, p in c.ports
              deny when any q in c.ports: q.containerPort == p.containerPort and q.name != p.name
              message "{c.name}/{p.name} of {len(c.ports)} on {p.containerPort}"
              at p.containerPort
            }
            """)
        let manifest = """
            apiVersion: v1
            kind: Pod
            spec:
              containers:
                - name: a
                  ports: [{name: http, containerPort: 80}, {name: alt, containerPort: 80}, {name: x, containerPort: 9000}]
                - name: b
                  ports: [{name: http, containerPort: 81}]
                - name: c
                  ports: [{name: y, containerPort: 8080}, {name: z, containerPort: 8080}]
            """
        #expect(harness.errors.isEmpty, "\(harness.errors)")
        #expect(harness.findings(manifest) == ["6:43 a/http of 3 on 80", "6:75 a/alt of 3 on 80",
                                               "10:40 c/y of 2 on 8080", "10:72 c/z of 2 on 8080"])
    }

    @Test func missingFieldsPointWhereTheyBelong() {
        let harness = EngineHarness("""
            policy "test/limits" {
              match workload
              for c in containers
              deny when c.resources.limits missing
              message "{c.name}"
              at c.resources.limits
            }
            """)
        let findings = harness.run(pod)
        #expect(findings.map(\.span.start.description) == ["6:7", "9:7", "12:7", "15:7"])
        #expect(findings.map(\.jsonPath) == ["$.spec.initContainers[0].resources", "$.spec.containers[0].resources",
                                             "$.spec.containers[1].resources", "$.spec.ephemeralContainers[0].resources"])
    }

    @Test func listItemsAndMessagesAndSeverity() throws {
        let harness = EngineHarness("""
            policy "test/info" {
              severity info
              match kind ConfigMap
              deny when data.a == "1"
              message "map {metadata.name} has a={data.a}; labels {metadata.labels}; \\{literal}"
            }
            """)
        let findings = harness.run("apiVersion: v1\nkind: List\nitems:\n- {apiVersion: v1, kind: ConfigMap, metadata: {name: m, labels: {x: z}}, data: {a: \"1\"}}\n")
        let finding = try #require(findings.first)
        #expect(finding.message == "map m has a=1; labels {\"x\":\"z\"}; {literal}")
        #expect(finding.severity == .info)
        #expect(finding.listItemIndex == 0)
        #expect(finding.kind == "ConfigMap")
        #expect(finding.name == "m")
    }
}

@Suite struct RuleGraphTests {
    @Test func kindIndexSendsDocumentsOnlyToMatchingRules() throws {
        let harness = EngineHarness("""
            policy "a/secret" {
              match kind Secret
              deny when true
            }
            policy "a/workload" {
              match workload
              deny when true
            }
            policy "a/any" {
              deny when kind == "Nope"
            }
            """)
        let graph = try #require(harness.graph)
        let names = { (kind: String) in graph.candidateRules(forKind: kind).map { graph.rules[$0].info.id } }
        #expect(names("Secret") == ["a/secret", "a/any"])
        #expect(names("Deployment") == ["a/workload", "a/any"])
        #expect(names("ConfigMap") == ["a/any"])
    }

    @Test func identicalSubexpressionsAreOneNodeAcrossPoliciesAndVariableNames() throws {
        let harness = EngineHarness("""
            policy "a/one" {
              match workload
              for c in containers
              deny when image(c.image).untagged
            }
            policy "a/two" {
              match workload
              for container in containers
              deny when image(container.image).tag == "latest"
            }
            """)
        let graph = try #require(harness.graph)
        let imageCalls = graph.nodes.filter { if case .call(.image, _) = $0.op { return true } else { return false } }
        #expect(imageCalls.count == 1)
        #expect(imageCalls.first?.users == ["a/one", "a/two"])
        #expect(graph.slotCount == 1)
    }

    @Test func sharedNodesAreComputedOncePerElement() throws {
        // Both rules fire for the same container; the evaluator iterates the containers once.
        let harness = EngineHarness("""
            policy "a/one" {
              match workload
              for c in containers
              deny when image(c.image).untagged
            }
            policy "a/two" {
              match workload
              for container in containers
              deny when image(container.image).registry == "docker.io"
            }
            """)
        let findings = harness.run("apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - {name: a, image: nginx}\n  - {name: b, image: ghcr.io/x/y:1.0.0}\n")
        #expect(findings.map(\.policyID) == ["a/one", "a/two"])
    }

    /// Which plan nodes the evaluator keeps (`NodeCaching`): a binding, and a value read once by a
    /// reader of the same iteration slots, are computed where they are read; a value read twice, read
    /// by a rule itself, or read inside an iteration it does not depend on, is kept. The findings are
    /// those of keeping everything.
    @Test func valuesReadOnceWhereTheirReaderIsComputedAreNotKept() throws {
        let harness = EngineHarness("""
            policy "a/one" {
              match workload
              for c in containers
              deny when c.securityContext.privileged == true and spec.hostNetwork == true
              message "{c.name}"
              at c.securityContext
            }
            policy "a/two" {
              match workload
              for c in containers
              deny when image(c.image).tag == "latest" or image(c.image).untagged
                or any e in c.env: e.value == metadata.name
              message "{c.name}"
            }
            """)
        #expect(harness.errors.isEmpty, "\(harness.errors)")
        let graph = try #require(harness.graph)
        func caching(_ text: String) -> NodeCaching? {
            graph.nodes.indices.first { graph.nodes[$0].text == text }.map { graph.caching[$0] }
        }
        #expect(caching("$0") == .transient)
        #expect(caching("$0.securityContext.privileged") == .transient)
        #expect(caching("spec") == .transient)
        #expect(caching("spec.hostNetwork") == .transient)
        #expect(caching("$0.image") == .transient)
        #expect(caching("$0.env") == .transient)
        #expect(caching("$0.securityContext") == .cached)  // read by `.privileged` and by `at`
        #expect(caching("$0.name") == .cached)  // a message value, read by the rules themselves
        #expect(caching("image($0.image)") == .cached)  // read by `.tag` and `.untagged`
        #expect(caching("metadata.name") == .cached)  // read under `e`, which it does not read
        for id in graph.nodes.indices where graph.instructions[id].isCondition {
            #expect(graph.caching[id] == .condition)
        }
        // Transient nodes are never kept, so a binding never has to forget them.
        for id in graph.dependentNodes { #expect(graph.caching[Int(id)] != .transient) }
        let findings = harness.run("""
            apiVersion: v1
            kind: Pod
            metadata: {name: web}
            spec:
              hostNetwork: true
              containers:
                - {name: a, image: nginx:1.25, securityContext: {privileged: true}}
                - {name: b, image: "nginx:1.25", env: [{name: X, value: other}, {name: Y, value: web}]}
                - {name: c, image: "nginx:latest", securityContext: {privileged: false}}
            """)
        #expect(findings.map { "\($0.policyID) \($0.message) \($0.span.start)" }
                == ["a/one a 7:36", "a/two b 8:7", "a/two c 9:7"])
    }
}

@Suite struct ProjectionAnalysisTests {
    @Test func projectionFollowsWhatTheRulesRead() throws {
        let harness = EngineHarness("""
            policy "a/secret" {
              match kind Secret
              deny when len(data) > 0 and sops missing
            }
            policy "a/workload" {
              match workload
              for c in containers
              deny when c.image exists
            }
            policy "a/service" {
              match kind Service
              deny when len(resource) > 100
            }
            """)
        let projection = try #require(harness.graph).projection
        #expect(projection.keys(forKind: "Secret") == ["apiVersion", "kind", "metadata", "items", "data", "sops"])
        #expect(projection.keys(forKind: "Deployment") == ["apiVersion", "kind", "metadata", "items", "spec"])
        #expect(projection.keys(forKind: "Service") == nil)  // reads the whole resource
        #expect(projection.keys(forKind: "ConfigMap") == ["apiVersion", "kind", "metadata", "items"])
        #expect(projection.keys(forKind: "ConfigMapList") == nil)
    }
}

@Suite struct NameTests {
    let deployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, labels: {tier: front}}
        spec:
          template:
            metadata: {labels: {app: web}}
            spec:
              containers:
                - {name: a, image: "a:1.0.0"}
        """

    @Test func podMetadataIsTheTemplates() {
        let harness = EngineHarness(policy("pod_metadata.labels.app == \"web\" and metadata.labels.tier == \"front\"", match: "match workload"))
        #expect(harness.findings(deployment).count == 1)
    }

    @Test func resourceIsTheWholeDocument() {
        let harness = EngineHarness(policy("resource.kind == \"Deployment\" and len(resource) == 4 and \"spec\" in resource", match: "match workload"))
        #expect(harness.findings(deployment).count == 1)
    }

    @Test func containsWorksOnListsToo() {
        let harness = EngineHarness(policy("contains(keys(metadata.labels), \"tier\") and not contains([\"x\"], \"y\")", match: "match workload"))
        #expect(harness.findings(deployment).count == 1)
    }

    @Test func withoutAtAFindingPointsAtTheElementOrTheResource() {
        let perElement = EngineHarness("policy \"a/b\" {\n  match workload\n  for c in containers\n  deny when true\n}\n")
        #expect(perElement.findings(deployment) == ["9:11 violates a/b"])
        let whole = EngineHarness("policy \"a/b\" {\n  title \"Whole thing\"\n  match workload\n  deny when true\n}\n")
        #expect(whole.findings(deployment) == ["1:1 violates Whole thing"])
    }
}
