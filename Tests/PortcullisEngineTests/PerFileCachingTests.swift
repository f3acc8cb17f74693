import PortcullisDiagnostics
@testable import PortcullisEngine
import PortcullisManifest
import Testing

/// What depends on the file's path and constants only is decided once a file (`NodeCaching.perFile`,
/// `.perFileCondition`): the same findings as deciding it for every document, when documents of
/// several files, and of the same file again, go through one evaluator in any order.
@Suite struct PerFileCachingTests {
    static let policy = """
        param prod_paths = ["*/prod/*", "prod/*"]
        param strict = true
        policy "env/prod-replicas" {
          match kind Deployment
          deny when params.strict == true and ((any g in params.prod_paths: glob(file, g))
              or (any n in ["prod"]: glob(default(metadata.namespace, ""), n)))
            and default(spec.replicas, 1) < 2
          message "{metadata.name} runs one replica in {file}"
        }
        policy "env/file-name" {
          match kind Deployment
          for c in spec.template.spec.containers
          deny when glob(file, "*.yml") and glob(c.image, "*:latest")
          message "{c.name} in {file}"
        }
        """

    @Test func onlyWhatReadsThePathAndConstantsIsKeptPerFile() throws {
        let harness = EngineHarness(Self.policy)
        #expect(harness.errors.isEmpty, "\(harness.errors)")
        let graph = try #require(harness.graph)
        func caching(_ text: String) -> NodeCaching? {
            graph.nodes.indices.first { graph.nodes[$0].text == text }.map { graph.caching[$0] }
        }
        let texts = graph.nodes.map(\.text)
        let pathQuantifier = try #require(texts.first { $0.hasPrefix("any ") && $0.contains("glob(file") })
        #expect(caching(pathQuantifier) == .perFileCondition)
        #expect(caching("glob(file, \"*.yml\")") == .perFile)  // a call's value, not a condition
        // What reads the document or an element is not kept per file.
        let namespaceQuantifier = try #require(texts.first { $0.hasPrefix("any ") && $0.contains("metadata.namespace") })
        #expect(caching(namespaceQuantifier) == .condition)
        let elementGlob = try #require(texts.first { $0.hasPrefix("glob(") && $0.contains(".image") })
        #expect(caching(elementGlob) != .perFile && caching(elementGlob) != .perFileCondition)
        for id in graph.nodes.indices where graph.caching[id] == .perFile || graph.caching[id] == .perFileCondition {
            #expect(graph.nodes[id].slots.isEmpty, "\(graph.nodes[id].text)")
        }
    }

    @Test func documentsOfSeveralFilesInOneEvaluatorFindWhatEachFileHolds() throws {
        let harness = EngineHarness(Self.policy)
        let graph = try #require(harness.graph)
        let manifest = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web}
            spec:
              template:
                spec:
                  containers: [{name: app, image: "app:latest"}]
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: api, namespace: prod}
            spec: {replicas: 3}
            """
        let paths = ["apps/prod/web.yaml", "apps/dev/web.yml", "apps/prod/web.yaml", "prod/web.yml", "dev.yaml", "apps/prod/web.yaml"]
        var evaluator = Evaluator(graph: graph)
        var shared: [[String]] = []
        for path in paths {
            let file = ManifestLoader().load(SourceFile(path: path, bytes: Array(manifest.utf8)))
            shared.append(file.resources.flatMap { evaluator.evaluate($0).map { "\($0.policyID): \($0.message)" } })
        }
        // Each file alone, with an evaluator of its own.
        let alone = paths.map { path in
            ManifestLoader().load(SourceFile(path: path, bytes: Array(manifest.utf8))).resources.flatMap { document in
                var fresh = Evaluator(graph: graph)
                return fresh.evaluate(document).map { "\($0.policyID): \($0.message)" }
            }
        }
        #expect(shared == alone)
        #expect(shared[0] == ["env/prod-replicas: web runs one replica in apps/prod/web.yaml"])
        #expect(shared[1] == ["env/file-name: app in apps/dev/web.yml"])
        #expect(shared[3] == ["env/prod-replicas: web runs one replica in prod/web.yml", "env/file-name: app in prod/web.yml"])
        #expect(shared[4].isEmpty)
    }
}
