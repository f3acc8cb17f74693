import Testing
import PortcullisDiagnostics
@testable import PortcullisManifest

/// `ManifestStorage.copying`: a document cut down to the fields something reads, in an arena of its
/// own, with the positions and paths of the file.
@Suite struct CopyingTests {
    static let text = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          namespace: shop
          labels: {app: web, tier: front}
        spec:
          replicas: 3
          strategy: {type: RollingUpdate}
          template:
            metadata:
              labels: &labels {app: web}
            spec:
              containers:
                - name: a
                  image: nginx:1.25
                  env: [{name: X, value: "1"}]
                - name: b
                  image: busybox
          selector: {matchLabels: *labels}
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: big}
        data: {k01: a, k02: b, k03: c, k04: d, k05: e, k06: f, k07: g, k08: h, k09: i, k10: j, k11: k, k12: l, k13: m, k14: n}

        """

    static func tree(_ paths: [(path: [FieldTree.Step], whole: Bool)]) -> FieldTree {
        var tree = FieldTree()
        for (path, whole) in paths { tree.insert(path, whole: whole) }
        return tree
    }

    @Test func keepsWhatIsReadWithItsPositions() throws {
        let file = ManifestLoader().load(SourceFile(path: "web.yaml", bytes: Array(Self.text.utf8)))
        let storage = try #require(file.storage)
        let deployment = Self.tree([
            ([.key("kind")], true), ([.key("metadata"), .key("name")], true),
            ([.key("spec"), .key("replicas")], true),
            ([.key("spec"), .key("template"), .key("metadata"), .key("labels")], true),
            ([.key("spec"), .key("template"), .key("spec"), .key("containers"), .elements, .key("image")], true),
        ])
        let configMap = Self.tree([([.key("data"), .elements], true)])  // any key: `data[k]`
        let (copy, roots) = storage.copying(file.resources.map(\.root.index), keeping: [deployment, configMap])
        #expect(copy.nodeCount < storage.nodeCount)
        let web = Node(storage: copy, index: roots[0])
        let original = file.resources[0].root
        #expect(web["kind"]?.string == "Deployment")
        #expect(web["metadata"]?["name"]?.string == "web")
        // Pairs nothing reads are left out; what is read keeps its positions.
        #expect(web["apiVersion"] == nil && web["metadata"]?["labels"] == nil && web["spec"]?["strategy"] == nil)
        #expect(web["spec"]?["replicas"]?.int == 3)
        #expect(web["spec"]?["replicas"]?.span == original["spec"]?["replicas"]?.span)
        #expect(web["spec"]?["template"]?["metadata"]?["labels"]?["app"]?.string == "web")
        // A sequence keeps every element (indexes in paths stay right), each cut to what is read.
        let containers = try #require(web.node(at: ["spec", "template", "spec", "containers"]))
        #expect(containers.count == 2)
        #expect(containers[1]?["image"]?.string == "busybox")
        #expect(containers[0]?["name"] == nil && containers[0]?["env"] == nil)
        #expect(containers[1]?["image"]?.span == original.node(at: ["spec", "template", "spec", "containers", 1, "image"])?.span)
        // A large mapping keeps its hash index; a computed subscript keeps every key.
        let data = try #require(Node(storage: copy, index: roots[1])["data"])
        #expect(data.count == 14)
        #expect(data["k14"]?.scalarText == "n" && data["k01"]?.scalarText == "a")
    }

    @Test func unreadElementsAreSkippedNullsAndWholeSubtreesAreCopiedWhole() throws {
        let file = ManifestLoader().load(SourceFile(path: "web.yaml", bytes: Array(Self.text.utf8)))
        let storage = try #require(file.storage)
        let tree = Self.tree([([.key("spec"), .key("template"), .key("spec"), .key("containers")], false),
                              ([.key("spec"), .key("selector")], true)])
        let (copy, roots) = storage.copying([file.resources[0].root.index], keeping: [tree])
        let web = Node(storage: copy, index: roots[0])
        let containers = try #require(web.node(at: ["spec", "template", "spec", "containers"]))
        #expect(containers.count == 2)
        #expect(containers[0]?.isNull == true)
        #expect(containers[0]?.span.start == SourceLocation(line: 15, column: 11))
        // The alias's target, read whole through the selector.
        #expect(web["spec"]?["selector"]?["matchLabels"]?["app"]?.string == "web")
        let whole = storage.copying([file.resources[0].root.index], keeping: [FieldTree(whole: true)])
        #expect(whole.storage.nodeCount > tree.keys.count && whole.storage.nodeCount < storage.nodeCount)  // the ConfigMap stays behind
        #expect(Node(storage: whole.storage, index: whole.roots[0]).node(at: ["spec", "template", "spec", "containers", 0, "env", 0, "value"])?.string == "1")
    }
}
