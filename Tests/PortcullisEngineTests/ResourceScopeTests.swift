import Foundation
import Testing
import PortcullisDiagnostics
import PortcullisEngine
import PortcullisManifest
import PortcullisSchema

/// Documents without `apiVersion` or `kind` are read but are not resources: no policy runs on them.
@Suite struct NonResourceTests {
    @Test func documentsWithoutApiVersionOrKindReachNoPolicy() throws {
        let harness = EngineHarness("""
            policy "test/any" {
              deny when true
              message "denied"
            }
            policy "test/namespace" {
              exclude cluster-scoped
              deny when metadata.namespace missing
              message "no namespace"
              at metadata
            }
            """)
        let graph = try #require(harness.graph)
        #expect(harness.findings("foo: bar\n").isEmpty)
        #expect(harness.findings("replicaCount: 2\nimage: {repository: web, tag: latest}\n").isEmpty)
        #expect(harness.findings("kind: ConfigMap\nmetadata: {name: a}\n").isEmpty)
        #expect(harness.findings("apiVersion: v1\nmetadata: {name: a}\n").isEmpty)
        #expect(harness.findings("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n") == ["1:1 denied", "3:1 no namespace"])
        let values = ManifestLoader().load(SourceFile(path: "values.yaml", bytes: Array("foo: bar\n".utf8)))
        #expect(graph.candidateRules(for: try #require(values.resources.first)).isEmpty)
        #expect(graph.candidateRules(forKind: nil).isEmpty)
    }

    @Test func crossDocumentLookupsSeeOnlyResources() {
        let harness = EngineHarness("""
            policy "test/count" {
              match kind Service
              deny when len(resources("ConfigMap")) != 1 or len(workloads()) != 1
              message "sees non-resources"
            }
            """)
        let manifests = """
            apiVersion: v1
            kind: Service
            metadata: {name: web}
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: settings}
            ---
            kind: ConfigMap
            metadata: {name: no-api-version}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web}
            ---
            kind: Deployment
            metadata: {name: no-api-version}
            """
        let file = ManifestLoader().load(SourceFile(path: "all.yaml", bytes: Array(manifests.utf8)))
        #expect(ManifestChecker(graph: harness.graph!).evaluate(file, in: InputSet(files: [file])).findings.isEmpty)
    }
}

/// `namespaced` / `cluster-scoped`: Kubernetes' own kinds, well-known operators' kinds, and what the
/// run's CustomResourceDefinitions declare.
@Suite struct ResourceScopeTests {
    static let namespaceSet = """
        policy "test/namespace-set" {
          exclude cluster-scoped
          deny when metadata.namespace missing
          message "{kind} '{metadata.name}' ({apiVersion}) has no namespace"
          at metadata.name
        }
        """

    @Test(arguments: [
        ("v1", "Namespace", ResourceScope.cluster), ("v1", "Node", .cluster), ("v1", "PersistentVolume", .cluster),
        ("rbac.authorization.k8s.io/v1", "ClusterRole", .cluster), ("rbac.authorization.k8s.io/v1", "ClusterRoleBindingList", .cluster),
        ("apiextensions.k8s.io/v1", "CustomResourceDefinition", .cluster), ("storage.k8s.io/v1", "StorageClass", .cluster),
        ("authorization.k8s.io/v1", "SelfSubjectAccessReview", .cluster), ("authorization.k8s.io/v1", "LocalSubjectAccessReview", .namespaced),
        ("cert-manager.io/v1", "ClusterIssuer", .cluster), ("constraints.gatekeeper.sh/v1beta1", "K8sRequiredLabels", .cluster),
        ("v1", "ConfigMap", .namespaced), ("apps/v1", "Deployment", .namespaced), ("rbac.authorization.k8s.io/v1", "RoleBinding", .namespaced),
        ("cert-manager.io/v1", "Issuer", .namespaced), ("example.com/v1", "Widget", .namespaced),
        ("v1", "NamespaceList", .cluster), ("v1", "List", .namespaced), ("v1", "PodList", .namespaced), ("v1", "Listing", .namespaced),
        ("mutations.gatekeeper.sh/v1", "Assign", .cluster), ("mutations.gatekeeper.sh", "Assign", .namespaced),
    ] as [(String, String, ResourceScope)])
    func builtInScopes(_ apiVersion: String, _ kind: String, _ scope: ResourceScope) {
        #expect(ResourceScopes.scope(kind: kind, apiVersion: apiVersion, in: .empty) == scope)
    }

    @Test func scopeMatcherLooksUpOnlyCustomResourceDefinitions() throws {
        let graph = try #require(EngineHarness(Self.namespaceSet).graph)
        // The run's CRDs are looked up across documents, so `check` loads every file first; no kind
        // is built whole for it (the loader builds a definition's group, names and scope, not its schemas).
        #expect(graph.isCrossDocument)
        #expect(graph.readsResourceScopes)
        #expect(graph.crossDocumentKinds == [])
        #expect(graph.projection.wholeKinds.isEmpty)
        // Without a scope matcher, a run stays file by file.
        let plain = try #require(EngineHarness(policy("true", match: "exclude kind [Namespace, ClusterRole]")).graph)
        #expect(!plain.isCrossDocument)
        #expect(!plain.readsResourceScopes)
    }

    @Test func customResourceDefinitionsDeclareScopeAcrossFiles() throws {
        let graph = try #require(EngineHarness(Self.namespaceSet).graph)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("portcullis-scope-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        func crd(_ kind: String, _ group: String, _ scope: String) -> String {
            """
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            metadata: {name: \(kind.lowercased())s.\(group)}
            spec:
              group: \(group)
              scope: \(scope)
              names: {kind: \(kind), plural: \(kind.lowercased())s}
              versions:
                - name: v1
                  served: true
                  storage: true
                  schema: {openAPIV3Schema: {type: object, x-kubernetes-preserve-unknown-fields: true}}

            """
        }
        // A namespaced CRD for a kind the built-in list holds wins over the list, for its group only.
        let definitions = [crd("Tenant", "example.com", "Cluster"), crd("Widget", "example.com", "Namespaced"),
                           crd("ClusterPolicy", "example.com", "Namespaced")].joined(separator: "---\n")
        let instances = """
            apiVersion: example.com/v1
            kind: Tenant
            metadata: {name: shop}
            ---
            apiVersion: example.com/v1
            kind: Widget
            metadata: {name: gear}
            ---
            apiVersion: example.com/v1
            kind: ClusterPolicy
            metadata: {name: local}
            ---
            apiVersion: other.example.com/v1
            kind: Tenant
            metadata: {name: other-group}
            ---
            apiVersion: kyverno.io/v1
            kind: ClusterPolicy
            metadata: {name: kyverno}

            """
        try definitions.write(to: folder.appendingPathComponent("definitions.yaml"), atomically: true, encoding: .utf8)
        try instances.write(to: folder.appendingPathComponent("instances.yaml"), atomically: true, encoding: .utf8)
        let inputs = ["definitions.yaml", "instances.yaml"].map { InputFile(path: folder.appendingPathComponent($0).path, displayPath: $0) }
        let checker = ManifestChecker(graph: graph, loader: ManifestLoader(limits: ManifestLimits(projection: graph.projection)))
        let results = checker.check(inputs, parallel: false)
        #expect(results.map(\.file.resourceCount) == [3, 5])
        #expect(results[0].findings.isEmpty)
        #expect(results[1].findings.map { "\($0.span.start.line) \($0.message)" } == [
            "7 Widget 'gear' (example.com/v1) has no namespace",
            "11 ClusterPolicy 'local' (example.com/v1) has no namespace",
            "15 Tenant 'other-group' (other.example.com/v1) has no namespace",
        ])
        // Without the definitions in the run, custom kinds are namespaced unless the built-in list says otherwise.
        let alone = checker.check([inputs[1]], parallel: false)
        #expect(alone[0].findings.map(\.name) == ["shop", "gear", "other-group"])
    }

    @Test func definitionsOfKubernetesOwnGroupsDeclareNothing() throws {
        let graph = try #require(EngineHarness(Self.namespaceSet).graph)
        // The API server accepts a definition's group only with a dot, and serves its own groups
        // itself: a definition claiming `apps` or `networking.k8s.io` changes no scope.
        let manifests = """
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            metadata: {name: deployments.apps}
            spec: {group: apps, scope: Cluster, names: {kind: Deployment, plural: deployments}}
            ---
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            metadata: {name: ingresses.networking.k8s.io}
            spec: {group: networking.k8s.io, scope: Cluster, names: {kind: Ingress, plural: ingresses}}
            ---
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            metadata: {name: grants.gateway.networking.k8s.io}
            spec: {group: gateway.networking.k8s.io, scope: Cluster, names: {kind: Grant, plural: grants}}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web}
            ---
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata: {name: entry}
            ---
            apiVersion: gateway.networking.k8s.io/v1
            kind: Grant
            metadata: {name: grant}

            """
        let file = ManifestLoader().load(SourceFile(path: "all.yaml", bytes: Array(manifests.utf8)))
        let findings = ManifestChecker(graph: graph).evaluate(file, in: InputSet(files: [file])).findings
        #expect(findings.map(\.name) == ["web", "entry"])
        #expect(!ResourceScopes.isDeclarable(group: "") && !ResourceScopes.isDeclarable(group: "apps"))
        #expect(!ResourceScopes.isDeclarable(group: "rbac.authorization.k8s.io"))
        #expect(ResourceScopes.isDeclarable(group: "gateway.networking.k8s.io") && ResourceScopes.isDeclarable(group: "cluster.x-k8s.io"))
    }

    @Test func kubernetesDottedGroupsAreTheSchemaTables() {
        let dotted = Set(KubernetesSchema.embedded.groups.filter { $0.contains(".") })
        #expect(ResourceScopes.kubernetesDottedGroups == dotted)
    }
}
