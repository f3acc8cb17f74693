import Testing
import PortcullisDiagnostics
@testable import PortcullisManifest

@Suite struct StructureTests {
    @Test func anchorsAndAliasesShareTheNode() throws {
        let document = try #require(load("""
            apiVersion: v1
            kind: Service
            metadata:
              labels: &labels {app: web, tier: front}
            spec:
              selector: *labels

            """).resources.first)
        let root = document.root
        let labels = try #require(root["metadata"]?["labels"])
        let selector = try #require(root["spec"]?["selector"])
        #expect(labels.index == selector.index)
        #expect(json(selector) == #"{"app":"web","tier":"front"}"#)
    }

    @Test func mergeKeysExplicitKeysWinThenEarlierSources() throws {
        let document = try #require(load("""
            apiVersion: v1
            kind: X
            base: &base {a: 1, b: 1}
            extra: &extra {b: 2, c: 2}
            merged:
              <<: [*base, *extra]
              c: 3
              d: 4

            """).resources.first)
        let root = document.root
        #expect(json(try #require(root["merged"])) == #"{"c":3,"d":4,"a":1,"b":1}"#)
        #expect(root["merged"]?["b"]?.int == 1)
        #expect(root["merged"]?["<<"] == nil)
    }

    @Test func quotedMergeKeyIsAnOrdinaryKey() throws {
        let document = try #require(load("apiVersion: v1\nkind: X\nm: {\"<<\": 5}\n").resources.first)
        let root = document.root
        #expect(root["m"]?["<<"]?.int == 5)
    }

    @Test func duplicateKeysWarnAndLastWins() throws {
        let source = MarkedSource("apiVersion: v1\nkind: X\ndata:\n  mode: fast\n  ⟨second⟩mode: safe\n  other: 1\n")
        let file = source.load()
        #expect(file.diagnostics.map(\.id) == [ManifestDiagnostic.duplicateKey])
        #expect(file.diagnostics.first?.severity == .warning)
        #expect(file.diagnostics.first?.span?.start == source["second"])
        let data = try #require(file.resources.first?.root["data"])
        #expect(data["mode"]?.string == "safe")
        #expect(json(data) == #"{"mode":"safe","other":1}"#)
    }

    @Test func listsAreUnpacked() throws {
        let file = load("""
            apiVersion: v1
            kind: List
            items:
              - {apiVersion: v1, kind: ConfigMap, metadata: {name: a}}
              - {apiVersion: v1, kind: Secret, metadata: {name: b}}

            """)
        #expect(file.resources.map(\.kind) == ["ConfigMap", "Secret"])
        #expect(file.resources.map(\.listItemIndex) == [0, 1])
        #expect(file.resources.map(\.name) == ["a", "b"])
    }

    @Test func typedListKindsToo() {
        let file = load("apiVersion: apps/v1\nkind: DeploymentList\nitems:\n- {apiVersion: apps/v1, kind: Deployment}\n")
        #expect(file.resources.map(\.kind) == ["Deployment"])
    }

    @Test func emptyDocumentsAreSkippedButCounted() {
        let file = load("---\n# only a comment\n---\napiVersion: v1\nkind: A\n---\n...\n---\napiVersion: v1\nkind: B\n")
        #expect(file.diagnostics.isEmpty)
        #expect(file.resources.map(\.kind) == ["A", "B"])
        #expect(file.resources.map(\.streamIndex) == [1, 3])
    }

    @Test func jsonDocuments() throws {
        let file = load("{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"spec\":{\"containers\":[{\"name\":\"a\",\"image\":\"x:1\",\"ports\":[{\"containerPort\":80}]}]}}", path: "pod.json")
        let container = try #require(file.resources.first?.root.node(at: ["spec", "containers", 0]))
        #expect(container["ports"]?[0]?["containerPort"]?.int == 80)
        #expect(container["image"]?.span.start == SourceLocation(line: 1, column: 75))
    }

    @Test func largeMappingsUseTheirIndex() throws {
        var text = "apiVersion: v1\nkind: ConfigMap\ndata:\n"
        for i in 0..<200 { text += "  key\(i): value\(i)\n" }
        text += "  key7: last\n"
        let document = try #require(load(text).resources.first)
        let data = try #require(document.root["data"])
        #expect(data.count == 200)
        #expect(data["key199"]?.string == "value199")
        #expect(data["key7"]?.string == "last")
        #expect(data["missing"] == nil)
    }

    @Test func resourceIdentity() throws {
        let document = try #require(load("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web, namespace: shop}\n").resources.first)
        #expect(document.apiVersion == "apps/v1")
        #expect(document.kind == "Deployment")
        #expect(document.name == "web")
        #expect(document.namespace == "shop")
    }

    @Test func resourcesWithoutKindAreReadWithAWarning() {
        let file = load("replicaCount: 2\nimage: {tag: latest}\n", path: "values.yaml")
        #expect(file.resources.count == 1)
        #expect(file.diagnostics.map(\.id) == [ManifestDiagnostic.missingKind])
        #expect(file.diagnostics.first?.severity == .warning)
        #expect(file.resources.first?.isResource == false)
        #expect(file.resourceCount == 0)
    }

    /// A resource names both its apiVersion and its kind (as kubectl requires); a document with one
    /// of them only is read with a warning naming the other, and is not counted.
    @Test(arguments: [
        ("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n", true, nil),
        ("kind: ConfigMap\nmetadata: {name: a}\n", false, "document 1 has no apiVersion; no policy can match it"),
        ("apiVersion: v1\nmetadata: {name: a}\n", false, "document 1 has no kind; no policy can match it"),
        ("apiVersion: v1\nkind:\n", false, "document 1 has no kind; no policy can match it"),
        ("apiVersion: v1\nkind: {name: ConfigMap}\n", false, "document 1 has no kind; no policy can match it"),
        ("foo: bar\n", false, "document 1 has no apiVersion and kind; no policy can match it"),
    ] as [(String, Bool, String?)])
    func resourcesNameApiVersionAndKind(_ text: String, _ isResource: Bool, _ warning: String?) throws {
        let file = load(text)
        let document = try #require(file.resources.first)
        #expect(document.isResource == isResource)
        #expect(file.resourceCount == (isResource ? 1 : 0))
        #expect(file.diagnostics.map(\.message) == (warning.map { [$0] } ?? []))
    }

    @Test func resourceCountCountsListItemsAndSkipsValues() {
        let file = load("""
            apiVersion: v1
            kind: List
            items:
              - {apiVersion: v1, kind: ConfigMap, metadata: {name: a}}
              - {apiVersion: v1, kind: Secret, metadata: {name: b}}
            ---
            replicaCount: 2
            """)
        #expect(file.resources.count == 3)
        #expect(file.resourceCount == 2)
    }

    @Test func sequenceDocumentsWarn() {
        let file = load("- op: replace\n  path: /spec/replicas\n  value: 3\n", path: "patch.yaml")
        #expect(file.resources.isEmpty)
        #expect(file.diagnostics.map(\.id) == [ManifestDiagnostic.sequenceDocument])
        #expect(!file.hasErrors)
    }

    @Test func storageIsSharedSafelyAcrossThreads() async throws {
        let file = load("apiVersion: v1\nkind: ConfigMap\ndata: {a: '1', b: '2'}\n")
        let root = try #require(file.resources.first?.root)
        let total = await withTaskGroup(of: Int.self) { group in
            for _ in 0..<8 {
                group.addTask { (0..<1000).reduce(0) { sum, _ in sum + (root["data"]?["b"]?.string == "2" ? 1 : 0) } }
            }
            return await group.reduce(0, +)
        }
        #expect(total == 8000)
    }
}
