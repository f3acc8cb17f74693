import Foundation
import PortcullisDiagnostics
import PortcullisEngine
import PortcullisManifest
import Testing

/// A run lets a file go once evaluated, except files holding documents cross-document rules need
/// (their subjects and what they look up), which wait for every file to be read. The verdicts must
/// be those of loading everything first and evaluating against it all.
@Suite struct CrossDocumentScopeTests {
    static let policies = """
        policy "test/scaled" {
          match kind Deployment
          deny when spec.replicas < 2 and not (any h in resources("HorizontalPodAutoscaler", default(metadata.namespace, "")):
                    h.spec.scaleTargetRef.name == metadata.name)
          message "Deployment '{metadata.name}' has one replica and no autoscaler"
          at spec.replicas
        }
        policy "test/config-size" {
          match kind ConfigMap
          deny when len(data) > 1
          message "ConfigMap '{metadata.name}' holds {len(data)} keys"
          at data
        }
        """
    static let files: [(String, String)] = [
        ("a-config.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: big, namespace: shop}\ndata: {a: '1', b: '2'}\n"),
        ("b-web.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web, namespace: shop}\nspec:\n  replicas: 1\n"),
        ("c-api.yaml", """
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: api-config, namespace: shop}
            data: {x: '1', y: '2', z: '3'}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: api, namespace: shop}
            spec:
              replicas: 1

            """),
        ("d-hpa.yaml", """
            apiVersion: autoscaling/v2
            kind: HorizontalPodAutoscaler
            metadata: {name: api, namespace: shop}
            spec:
              scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: api}

            """),
        ("e-config.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: small}\ndata: {a: '1'}\n"),
    ]

    func graph() throws -> RuleGraph {
        let (graph, diagnostics) = PolicyCompiler.compile([SourceFile(path: "test.policy", bytes: Array(Self.policies.utf8))])
        #expect(diagnostics.filter { $0.severity == .error }.isEmpty, "\(diagnostics)")
        return try #require(graph)
    }

    func writeFiles(_ files: [(String, String)] = Self.files) throws -> (folder: String, inputs: [InputFile]) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("portcullis-scope-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        var inputs: [InputFile] = []
        for (name, text) in files {
            let path = folder + "/" + name
            #expect(FileManager.default.createFile(atPath: path, contents: Data(text.utf8)))
            inputs.append(InputFile(path: path, displayPath: name))
        }
        return (folder, inputs)
    }

    /// The run as `check` makes it for many files (files let go once evaluated, copies of what the
    /// cross-document rules read, two passes), as it makes it for a few (`wholeRunFileLimit`:
    /// every file loaded first, one pass), and as loading everything first and evaluating against
    /// it all gives it.
    func checkedEveryWay(_ checker: ManifestChecker, _ inputs: [InputFile])
        -> (released: [ManifestChecker.FileResult], small: [ManifestChecker.FileResult], whole: [ManifestChecker.FileResult]) {
        let settle: @Sendable (ManifestChecker.FileResult) -> ManifestChecker.FileResult = { result in
            var settled = result
            settled.file = result.file.released()
            return settled
        }
        var large = checker
        large.wholeRunFileLimit = 0
        let released = large.check(inputs, parallel: true, finishing: settle)
        var small = checker
        small.wholeRunFileLimit = inputs.count
        let smallRun = small.check(inputs, parallel: true, finishing: settle)
        let everything = checker.loader.loadAll(inputs, parallel: false)
        let inputSet = InputSet(files: everything)
        return (released, smallRun, everything.map { checker.evaluate($0, in: inputSet) })
    }

    func summary(_ findings: [Finding]) -> [String] {
        findings.map { "\($0.path):\($0.span.start.line):\($0.span.start.column) \($0.policyID) \($0.message)" }
    }

    @Test func onlyFilesWithSubjectsOrLookedUpKindsWait() throws {
        let graph = try graph()
        let scope = CrossDocumentScope(graph)
        let (folder, inputs) = try writeFiles()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let loader = ManifestLoader()
        let needed = inputs.map { scope.needs(loader.load($0)) }
        // ConfigMaps alone are neither subjects of the cross-document rule nor looked up.
        #expect(needed == [false, true, true, true, false])
    }

    /// A rule that reads only what definitions declare (`exclude cluster-scoped`, `schemaViolations`)
    /// keeps only files with definitions or resources of a group a definition may declare.
    @Test func definitionReadersKeepOnlyDeclarableGroups() throws {
        let source = """
            policy "test/namespace-set" {
              exclude cluster-scoped
              deny when metadata.namespace missing
              message "{kind} '{metadata.name}' has no namespace"
              at metadata.name
            }
            policy "test/schema" {
              for violation in schemaViolations(resource)
              deny when violation.kind == "required"
              message "{violation.message}"
              at violation.at
            }
            """
        let (compiled, diagnostics) = PolicyCompiler.compile([SourceFile(path: "test.policy", bytes: Array(source.utf8))])
        #expect(diagnostics.filter { $0.severity == .error }.isEmpty, "\(diagnostics)")
        let graph = try #require(compiled)
        #expect(graph.crossDocumentRules == [true, true])
        #expect(graph.lookupRules == [false, false])
        let scope = CrossDocumentScope(graph)
        let files = [
            ("a-web.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\n"),
            ("b-ingress.yaml", "apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: entry}\n"),
            ("c-tenant.yaml", "apiVersion: example.com/v1\nkind: Tenant\nmetadata: {name: shop}\n"),
            ("d-crd.yaml", """
                apiVersion: apiextensions.k8s.io/v1
                kind: CustomResourceDefinition
                metadata: {name: tenants.example.com}
                spec:
                  group: example.com
                  scope: Cluster
                  names: {kind: Tenant, plural: tenants}
                  versions:
                    - name: v1
                      served: true
                      storage: true
                      schema: {openAPIV3Schema: {type: object, required: [spec], properties: {spec: {type: object}}}}

                """),
        ]
        let (folder, inputs) = try writeFiles(files)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let checker = ManifestChecker(graph: graph)
        #expect(inputs.map { scope.needs(checker.loader.load($0)) } == [false, false, true, true])
        let (released, small, expected) = checkedEveryWay(checker, inputs)
        #expect(released.map { summary($0.findings) } == expected.map { summary($0.findings) })
        #expect(small.map { summary($0.findings) } == expected.map { summary($0.findings) })
        // The definition makes Tenant cluster-scoped, and requires its spec (as Kubernetes' schema
        // requires a Deployment's).
        #expect(summary(released.flatMap(\.findings)) == [
            "a-web.yaml:1:1 test/schema spec is required (Deployment needs spec)",
            "a-web.yaml:3:18 test/namespace-set Deployment 'web' has no namespace",
            "b-ingress.yaml:3:18 test/namespace-set Ingress 'entry' has no namespace",
            "c-tenant.yaml:1:1 test/schema spec is required (Tenant needs spec)",
        ])
    }

    @Test func verdictsEqualLoadingEverythingFirst() throws {
        let graph = try graph()
        let (folder, inputs) = try writeFiles()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let (released, small, expected) = checkedEveryWay(ManifestChecker(graph: graph), inputs)
        #expect(released.map { summary($0.findings) } == expected.map { summary($0.findings) })
        #expect(small.map { summary($0.findings) } == expected.map { summary($0.findings) })
        #expect(small.map(\.file.resourceCount) == [1, 1, 2, 1, 1])
        #expect(summary(released.flatMap(\.findings)) == [
            "a-config.yaml:4:1 test/config-size ConfigMap 'big' holds 2 keys",
            "b-web.yaml:5:13 test/scaled Deployment 'web' has one replica and no autoscaler",
            "c-api.yaml:4:1 test/config-size ConfigMap 'api-config' holds 3 keys",
        ])
        // What is kept of each file: no documents, no bytes, the count and the lines on demand.
        #expect(released.allSatisfy { $0.file.resources.isEmpty && $0.file.storage == nil && $0.file.source.isDetached })
        #expect(released.map(\.file.resourceCount) == [1, 1, 2, 1, 1])
        #expect(released[2].file.source.text(ofLine: 8) == "metadata: {name: api, namespace: shop}")
    }
}
