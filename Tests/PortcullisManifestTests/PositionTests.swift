import Testing
import PortcullisDiagnostics
@testable import PortcullisManifest

@Suite struct PositionTests {
    @Test func everyNodeKnowsItsLineAndColumn() throws {
        let source = MarkedSource("""
            ⟨root⟩apiVersion: ⟨apiVersion⟩apps/v1
            kind: Deployment
            metadata:
              ⟨metadata⟩name: ⟨name⟩web
              labels: ⟨labels⟩{⟨labelKey⟩app: ⟨labelValue⟩"web"}
            spec:
              template:
                spec:
                  containers:
                    ⟨first⟩- ⟨container⟩name: app
                      image: ⟨image⟩nginx:1.25
                    - name: sidecar
                      image: ⟨image2⟩'envoy:1.30'

            """)
        let file = source.load()
        #expect(file.diagnostics.isEmpty)
        let root = try #require(file.resources.first?.root)
        #expect(root.span.start == source["root"])
        #expect(root["apiVersion"]?.span.start == source["apiVersion"])
        #expect(root["metadata"]?.span.start == source["metadata"])
        #expect(root["metadata"]?["name"]?.span.start == source["name"])
        #expect(root["metadata"]?["labels"]?.span.start == source["labels"])
        #expect(root["metadata"]?["labels"]?["app"]?.span.start == source["labelValue"])
        #expect(root["metadata"]?["labels"]?.entries.first?.key.span.start == source["labelKey"])
        let containers = try #require(root.node(at: ["spec", "template", "spec", "containers"]))
        #expect(containers.span.start == source["first"])
        #expect(containers[0]?.span.start == source["container"])
        #expect(containers[0]?["image"]?.span.start == source["image"])
        #expect(containers[1]?["image"]?.span.start == source["image2"])
        // The end of a scalar is just past it.
        let image = try #require(containers[0]?["image"])
        #expect(image.span.end == SourceLocation(line: source["image"].line, column: source["image"].column + 10))
    }

    @Test func columnsCountCharactersNotBytes() throws {
        let source = MarkedSource("""
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: "ünïcödé", annotations: {note: "✓✓", ⟨after⟩x: ⟨value⟩y}}

            """)
        let document = try #require(source.load().resources.first)
        let root = document.root
        #expect(root["metadata"]?["annotations"]?["x"]?.span.start == source["value"])
        #expect(root["metadata"]?["annotations"]?.entries.last?.key.span.start == source["after"])
    }

    @Test func documentsInAStreamKeepTheirOwnLines() throws {
        let source = MarkedSource("""
            apiVersion: v1
            kind: A
            ---
            ---
            ⟨second⟩apiVersion: v1
            kind: ⟨kindB⟩B

            """)
        let file = source.load()
        #expect(file.resources.count == 2)
        #expect(file.resources[1].streamIndex == 2)
        #expect(file.resources[1].root.span.start == source["second"])
        #expect(file.resources[1].root["kind"]?.span.start == source["kindB"])
    }

    @Test func crlfLineEndings() throws {
        let file = load("apiVersion: v1\r\nkind: ConfigMap\r\nmetadata:\r\n  name: x\r\n")
        let name = try #require(file.resources.first?.root["metadata"]?["name"])
        #expect(name.span.start == SourceLocation(line: 4, column: 9))
        #expect(name.string == "x")
    }

    @Test func jsonPathsForPositions() throws {
        let file = load("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  labels:\n    app.kubernetes.io/name: x\ndata:\n  list: [a, b]\n")
        let paths = try #require(file.resources.first?.root.pathsAndSpans()).map(\.path)
        #expect(paths == ["$", "$.apiVersion", "$.kind", "$.metadata", "$.metadata.labels",
                          "$.metadata.labels['app.kubernetes.io/name']", "$.data", "$.data.list",
                          "$.data.list[0]", "$.data.list[1]"])
    }
}
