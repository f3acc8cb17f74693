import Testing
import PortcullisDiagnostics
@testable import PortcullisManifest

/// Keys found once per arena (`KnownKey`, `KnownAtoms`): a lookup by one finds what a lookup by
/// its text finds, whether its atom fits the arena's word (a key the file names early) or is
/// found by its bytes (named after a dozen others), and finds nothing in a file that never names it.
@Suite struct KnownKeyTests {
    static func load(_ text: String) -> ManifestFile {
        KeptFiles.keep(ManifestLoader().load(SourceFile(path: "known.yaml", bytes: Array(text.utf8))))
    }

    /// Every known key's node, looked up both ways, in each mapping of the document.
    static func expectBothWaysAgree(_ root: Node) {
        var mappings = [root]
        while let node = mappings.popLast() {
            for key in KnownKey.allCases {
                let known = node[known: key]
                let byText = node[String(describing: key.text)]
                #expect(known?.index == byText?.index, "\(key) in mapping \(node.index)")
            }
            mappings += node.entries.map(\.value).filter { $0.kind == .mapping }
            mappings += node.elements.filter { $0.kind == .mapping }
        }
    }

    @Test func earlyKeysFitTheArenasWord() throws {
        let file = Self.load("""
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web, namespace: shop, labels: {app: web}}
            spec:
              selector: {matchLabels: {app: web}}
              template: {metadata: {labels: {app: web}}, spec: {containers: [{name: web}]}}
            """)
        let root = try #require(file.resources.first?.root)
        #expect(root[known: .metadata]?[known: .name]?.scalarText == "web")
        #expect(root[known: .spec]?[known: .template]?[known: .metadata]?[known: .labels] != nil)
        Self.expectBothWaysAgree(root)
    }

    @Test func lateKeysAreFoundByTheirBytes() throws {
        // Sixteen other keys first: every known key's atom is past what the arena's word holds.
        let filler = (0..<16).map { "k\($0): \($0)" }.joined(separator: "\n")
        let file = Self.load(filler + """

            apiVersion: policy/v1
            kind: PodDisruptionBudget
            metadata: {name: db, namespace: data}
            spec:
              selector:
                matchExpressions: [{key: app, operator: In, values: [db]}]
            """)
        let root = try #require(file.resources.first?.root)
        #expect(file.resources.first?.kind == "PodDisruptionBudget" && file.resources.first?.namespace == "data")
        let expression = try #require(root[known: .spec]?["selector"]?[known: .matchExpressions]?[0])
        #expect(expression[known: .key]?.scalarText == "app" && expression[known: .operator]?.scalarText == "In")
        #expect(expression[known: .values]?.elements.count == 1)
        Self.expectBothWaysAgree(root)
    }

    @Test func keysTheFileNeverNamesAreAbsent() throws {
        let file = Self.load("apiVersion: v1\nkind: ConfigMap\ndata: {a: b}\n")
        let root = try #require(file.resources.first?.root)
        #expect(root[known: .metadata] == nil && root[known: .spec] == nil)
        #expect(file.resources.first?.namespace == nil && file.resources.first?.name == nil)
        Self.expectBothWaysAgree(root)
    }
}
