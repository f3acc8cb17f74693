import Foundation
import PortcullisDiagnostics
import PortcullisEngine
import PortcullisManifest
import Testing

/// A file waiting for the lookup rules lets its bytes go when its documents are copied; it keeps the
/// text of the lines those rules' findings can point at (where their `at` leads in the document), so
/// the report shows the second pass's findings without reading the file again.
@Suite struct SecondPassLinesTests {
    static let policies = """
        policy "test/replicas" {
          match kind Deployment
          deny when not (any h in resources("HorizontalPodAutoscaler", default(metadata.namespace, "")):
                         h.spec.scaleTargetRef.name == metadata.name)
          message "{metadata.name} is not autoscaled"
          at default(spec.replicas, metadata.name)
        }
        policy "test/budget" {
          match kind [Deployment, StatefulSet]
          deny when not (any b in resources("PodDisruptionBudget", default(metadata.namespace, "")):
                         selects(b.spec.selector, pod_metadata.labels))
          message "no budget selects {metadata.name}"
          at pod_metadata.labels
        }
        policy "test/strategy" {
          match kind Deployment
          deny when len(resources("PodDisruptionBudget")) == 0
          message "{metadata.name}: no budget at all"
          at spec.strategy
        }
        policy "test/selector" {
          match kind Service
          deny when not (any w in workloads(default(metadata.namespace, "")): selects(spec.selector, podLabels(w)))
          message "{metadata.name} selects no workload"
          at spec.selector
        }
        """

    static let files: [(String, String)] = [
        ("a-web.yaml", """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
              namespace: shop
            spec:
              replicas: 3
              template:
                metadata:
                  labels:
                    app: web
                spec:
                  containers: [{name: web, image: "web:1.0.0"}]
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: front, namespace: shop}
            spec:
              selector:
                app: front

            """),
        ("b-db.yaml", """
            # a comment first
            apiVersion: apps/v1
            kind: StatefulSet
            metadata: {name: db, namespace: shop}
            spec:
              template:
                metadata: {labels: {app: db}}
                spec:
                  containers: [{name: db, image: "db:1.0.0"}]
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              namespace: shop
              name: worker
            spec:
              template:
                spec:
                  containers: [{name: worker, image: "worker:1.0.0"}]

            """),
    ]

    @Test func theSecondPassFindingsLinesAreKeptAsTheBytesGo() throws {
        let (compiled, diagnostics) = PolicyCompiler.compile([SourceFile(path: "test.policy", bytes: Array(Self.policies.utf8))])
        #expect(diagnostics.filter { $0.severity == .error }.isEmpty, "\(diagnostics)")
        let graph = try #require(compiled)
        #expect(graph.lookupRules == [true, true, true, true])
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("portcullis-lines-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var inputs: [InputFile] = []
        for (name, text) in Self.files {
            #expect(FileManager.default.createFile(atPath: folder + "/" + name, contents: Data(text.utf8)))
            inputs.append(InputFile(path: folder + "/" + name, displayPath: name))
        }
        var checker = ManifestChecker(graph: graph)
        checker.wholeRunFileLimit = 0  // files let go as they are read, as in a large run
        checker.keptLineBudget = KeptLineBudget()
        let results = checker.check(inputs, parallel: false) { result in
            var settled = result
            settled.file = result.file.released()
            return settled
        }
        // Gone from disk: what the report shows now comes from the lines kept.
        for input in inputs { try FileManager.default.removeItem(atPath: input.path) }
        #expect(results.allSatisfy { $0.file.source.isDetached })
        let shown = results.flatMap { result in
            result.findings.map { finding in
                "\(finding.path):\(finding.span.start.line) \(finding.policyID) \(result.file.source.text(ofLine: finding.span.start.line) ?? "<not kept>")"
            }
        }
        #expect(shown == [
            "a-web.yaml:6 test/strategy spec:",                                   // missing: the key of the mapping it belongs in
            "a-web.yaml:7 test/replicas   replicas: 3",                           // a scalar: its own line
            "a-web.yaml:10 test/budget       labels:",                            // a mapping: its key's line
            "a-web.yaml:19 test/selector   selector:",
            "b-db.yaml:7 test/budget     metadata: {labels: {app: db}}",          // through the pod template
            "b-db.yaml:11 test/budget apiVersion: apps/v1",                       // no pod metadata: the document
            "b-db.yaml:15 test/replicas   name: worker",                          // default's second path
            "b-db.yaml:16 test/strategy spec:",
        ])
    }
}
