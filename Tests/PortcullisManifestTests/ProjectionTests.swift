import Testing
import PortcullisDiagnostics
@testable import PortcullisManifest

/// With a projection the loader parses everything but builds only the top-level fields the rules read.
@Suite struct ProjectionTests {
    let projection = ManifestProjection(keysByKind: ["Secret": ["data", "stringData"], "Deployment": ["spec"]], otherKinds: [])

    @Test func unreadFieldsAreParsedNotBuilt() throws {
        let text = """
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            metadata: {name: widgets.example.com}
            spec:
              versions:
                - name: v1
                  schema: {openAPIV3Schema: {type: object, properties: {a: {type: string}, b: {type: integer}}}}
              group: example.com
              names: {kind: Widget, plural: widgets}
              scope: Namespaced
              conversion: {strategy: None}
            ---
            apiVersion: v1
            kind: Secret
            metadata: {name: s}
            data: {k: dg==}
            type: Opaque
            """
        let full = load(text)
        let projected = load(text, limits: ManifestLimits(projection: projection))
        #expect(projected.diagnostics.isEmpty)
        #expect(projected.storage!.nodeCount < full.storage!.nodeCount)
        let crd = try #require(projected.resources.first)
        #expect(crd.name == "widgets.example.com")
        // A definition's group, names and scope are built (the scope matchers read them), its schemas not.
        let spec = try #require(crd.root["spec"])
        #expect(spec["versions"]?.isNull == true)
        #expect(spec["versions"]?.span.start == SourceLocation(line: 6, column: 5))
        #expect(spec["conversion"]?.isNull == true)
        #expect(spec["group"]?.string == "example.com")
        #expect(spec["names"]?["kind"]?.string == "Widget")
        #expect(spec["scope"]?.string == "Namespaced")
        let secret = try #require(projected.resources.last)
        #expect(secret.root["data"]?["k"]?.string == "dg==")
        #expect(secret.root["type"]?.string == "Opaque")  // scalars are cheap: always built
    }

    /// A file of many kinds (past the few the builder lists) gets each kind's projection, the kinds
    /// seen again included.
    @Test func everyKindOfAManyKindFileGetsItsProjection() throws {
        let kinds = (0..<30).map { "Kind\($0)" } + ["Secret", "Deployment"]
        let projection = ManifestProjection(keysByKind: Dictionary(uniqueKeysWithValues: kinds.enumerated().map { ($1, ["read\($0)"]) }),
                                            otherKinds: [])
        let text = (kinds + kinds.reversed()).enumerated().map { index, kind in
            let own = kinds.firstIndex(of: kind)!
            return "apiVersion: v1\nkind: \(kind)\nmetadata: {name: d\(index)}\nread\(own): {built: here}\nother: {built: there}\n"
        }.joined(separator: "---\n")
        let projected = load(text, limits: ManifestLimits(projection: projection))
        #expect(projected.diagnostics.isEmpty)
        #expect(projected.resources.count == kinds.count * 2)
        for document in projected.resources {
            let kind = try #require(document.kind)
            let own = try #require(kinds.firstIndex(of: kind))
            #expect(document.root["read\(own)"]?["built"]?.string == "here", "\(document.kind ?? "")")
            #expect(document.root["other"]?.isNull == true, "\(document.kind ?? "")")
        }
    }

    @Test func definitionsAreBuiltWholeWhenARuleReadsTheirSpec() throws {
        let text = "apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nspec:\n  group: a.io\n  versions: [{name: v1}]\n---\n"
            + "apiVersion: v1\nkind: ConfigMap\nspec:\n  group: a.io\n  versions: [{name: v1}]\n"
        let read = ManifestProjection(keysByKind: ["CustomResourceDefinition": ["spec"]], otherKinds: [])
        let resources = load(text, limits: ManifestLimits(projection: read)).resources
        #expect(resources[0].root["spec"]?["versions"]?[0]?["name"]?.string == "v1")
        // Only definitions are built in part: another kind's unread spec is not built at all.
        #expect(resources[1].root["spec"]?.isNull == true)
    }

    @Test func fieldsBeforeKindAreBuilt() throws {
        let text = "spec: {replicas: 3}\napiVersion: v1\nkind: ConfigMap\ndata: {a: b}\n"
        let resource = try #require(load(text, limits: ManifestLimits(projection: projection)).resources.first)
        #expect(resource.root["spec"]?["replicas"]?.int == 3)
        #expect(resource.root["data"]?.isNull == true)
    }

    @Test func listsAreBuiltWhole() throws {
        let text = "apiVersion: v1\nkind: List\nitems:\n- {apiVersion: v1, kind: ConfigMap, data: {a: b}}\n"
        let resource = try #require(load(text, limits: ManifestLimits(projection: projection)).resources.first)
        #expect(resource.root["data"]?["a"]?.string == "b")
    }

    @Test func anAliasIntoASkippedFieldRebuildsTheWholeFile() throws {
        let text = "apiVersion: v1\nkind: ConfigMap\ndata: &shared {a: b}\nextra: *shared\n"
        let projected = load(text, limits: ManifestLimits(projection: ManifestProjection(keysByKind: ["ConfigMap": ["extra"]], otherKinds: [])))
        #expect(projected.diagnostics.isEmpty)
        let resource = try #require(projected.resources.first)
        #expect(resource.root["extra"]?["a"]?.string == "b")
        #expect(resource.root["data"]?["a"]?.string == "b")
    }

    @Test func limitsStillHoldInsideSkippedFields() {
        let deep = String(repeating: "[", count: 500) + String(repeating: "]", count: 500)
        let file = load("apiVersion: v1\nkind: ConfigMap\ndata: " + deep + "\n", limits: ManifestLimits(projection: projection))
        #expect(file.diagnostics.map(\.id) == [ManifestDiagnostic.tooDeep])
        let broken = load("apiVersion: v1\nkind: ConfigMap\ndata:\n  a: [\n", limits: ManifestLimits(projection: projection))
        #expect(broken.diagnostics.map(\.id) == [ManifestDiagnostic.syntax])
    }
}

@Suite struct ProjectionDiagnosticsTests {
    @Test func duplicateKeysInSkippedFieldsAreStillReported() {
        let projection = ManifestProjection(keysByKind: [:], otherKinds: [])
        let text = "apiVersion: v1\nkind: ConfigMap\ndata:\n  nested: {a: 1, b: {a: 2}, a: 3}\n  x: 1\n  x: 2\n"
        let projected = load(text, limits: ManifestLimits(projection: projection))
        let full = load(text)
        #expect(projected.diagnostics.map(\.id) == [ManifestDiagnostic.duplicateKey, ManifestDiagnostic.duplicateKey])
        #expect(projected.diagnostics.map { $0.span?.start } == full.diagnostics.map { $0.span?.start })
    }

    /// The innermost skipped collection is kept apart from those around it: a key after a closed
    /// sequence or mapping is still a key of the mapping around them, at every depth.
    @Test(arguments: [
        "{a: [1, {a: 1, a: 2}], b: 1, a: 3}",
        "[{k: [[{k: 1}], {k: 2, k: 3}], k: 4}, {k: 5}, [k, k]]",
        "{x: {y: {z: 1, z: 2}, y: 3}, w: [], x: {}, w: 4}",
        "{? [a, b] : 1, c: 2, c: 3}",
    ])
    func duplicateKeysAfterNestedSkippedCollectionsMatchAFullBuild(_ data: String) {
        let text = "apiVersion: v1\nkind: ConfigMap\ndata: " + data + "\n"
        let projected = load(text, limits: ManifestLimits(projection: ManifestProjection(keysByKind: [:], otherKinds: [])))
        let full = load(text)
        #expect(projected.diagnostics.filter { $0.id == ManifestDiagnostic.duplicateKey }.map { $0.span?.start }
                == full.diagnostics.filter { $0.id == ManifestDiagnostic.duplicateKey }.map { $0.span?.start })
        #expect(!projected.diagnostics.filter { $0.id == ManifestDiagnostic.duplicateKey }.isEmpty)
    }

    /// Skipped keys are compared by their bytes (long ones by atom), pair by pair in a small
    /// mapping and through a set in a large one: the warnings, key names included, are a full
    /// build's. Keys of the same length differ in one byte near their end (only in the second word
    /// of a key of 10 to 16 bytes), so a comparison of lengths or of first words alone would fail.
    @Test(arguments: [5, 10, 16, 17, 60])
    func duplicateKeysOfEveryLengthAreNamedAsAFullBuildNamesThem(_ keyCount: Int) {
        let letters = Array("abcdefghijklmnopqrst")
        let names = (0..<keyCount).map { index in
            let length = index % 21  // 0 to 20 bytes: empty, within one word, across two, longer than 16
            return String((0..<length).map { position in position == length - 2 ? Character("\(index / 21)") : letters[position] })
        }
        // The first half of the keys again: exact duplicates, warned of at their second place.
        let keys = names + names.prefix(keyCount / 2).reversed()
        let text = "apiVersion: v1\nkind: ConfigMap\ndata: {" + keys.map { "\"\($0)\": 1" }.joined(separator: ", ") + "}\n"
        let projected = load(text, limits: ManifestLimits(projection: ManifestProjection(keysByKind: [:], otherKinds: [])))
        let full = load(text)
        let warnings = { (file: ManifestFile) in
            file.diagnostics.filter { $0.id == ManifestDiagnostic.duplicateKey }.map { "\($0.message) \(String(describing: $0.span?.start))" }
        }
        #expect(warnings(projected) == warnings(full))
        #expect(!warnings(full).isEmpty)
    }

    /// Up to 16 keys are compared pair by pair: keys of 9 to 16 bytes that differ only in a byte
    /// the first word does not hold are not duplicates; the same key again is.
    @Test func smallSkippedMappingsCompareWholeKeys() {
        let keys = ["abcdefghijkl", "abcdefghijxl", "abcdefghijklmnop", "abcdefghijklmnxp", "abcdefghi", "abcdefghx", "abcdefghijxl"]
        let text = "apiVersion: v1\nkind: ConfigMap\ndata: {" + keys.map { "\($0): 1" }.joined(separator: ", ") + "}\n"
        let projected = load(text, limits: ManifestLimits(projection: ManifestProjection(keysByKind: [:], otherKinds: [])))
        let warnings = projected.diagnostics.filter { $0.id == ManifestDiagnostic.duplicateKey }.map(\.message)
        #expect(warnings == ["duplicate key 'abcdefghijxl' in this mapping; the last value is used"])
    }

    @Test func aliasBombsInSkippedFieldsAreStillCaught() {
        var text = "apiVersion: v1\nkind: ConfigMap\ndata:\n  l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1...12 {
            text += "  l\(level): &l\(level) [" + Array(repeating: "*l\(level - 1)", count: 10).joined(separator: ", ") + "]\n"
        }
        let file = load(text, limits: ManifestLimits(projection: ManifestProjection(keysByKind: [:], otherKinds: [])))
        #expect(file.diagnostics.map(\.id) == [ManifestDiagnostic.aliasBomb])
    }
}
