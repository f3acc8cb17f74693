import Testing
import PortcullisDiagnostics
@testable import PortcullisManifest

/// Scalars compared, hashed and looked up by their bytes across files (`Node+ScalarText`): what
/// label selection reads, with no `String` made.
@Suite struct ScalarTextTests {
    static func root(_ text: String, path: String = "a.yaml") throws -> Node {
        let file = KeptFiles.keep(ManifestLoader().load(SourceFile(path: path, bytes: Array(text.utf8))))
        return try #require(file.resources.first?.root)
    }

    @Test func scalarsOfTwoFilesCompareAndHashByTheirBytes() throws {
        let a = try Self.root("kind: ConfigMap\ndata: {app: web, quoted: 'web', long: a-label-value-past-sixteen-bytes, empty: '', map: {x: 1}}\n")
        let b = try Self.root("kind: ConfigMap\ndata: {other: web, long: a-label-value-past-sixteen-bytez, none: \"\", list: [1]}\n", path: "b.yaml")
        let data = try #require(a[literal: "data"]), other = try #require(b[literal: "data"])
        let web = try #require(data["app"]), quoted = try #require(data["quoted"]), otherWeb = try #require(other["other"])
        #expect(web.hasSameScalarText(as: otherWeb) && quoted.hasSameScalarText(as: web))
        #expect(web.scalarTextHash == otherWeb.scalarTextHash)
        #expect(try #require(data["empty"]).hasSameScalarText(as: try #require(other["none"])))
        #expect(!(try #require(data["long"])).hasSameScalarText(as: try #require(other["long"])))
        // A container has no text: it equals no scalar, and has no hash.
        let map = try #require(data["map"]), list = try #require(other["list"])
        #expect(!map.hasSameScalarText(as: web) && !web.hasSameScalarText(as: map) && !map.hasSameScalarText(as: list))
        #expect(map.scalarTextHash == nil)
        // `sameScalarTextOrNone` is `a?.scalarText == b?.scalarText`: no text on both sides is equal.
        #expect(Node.sameScalarTextOrNone(nil, nil) && Node.sameScalarTextOrNone(map, nil) && Node.sameScalarTextOrNone(map, list))
        #expect(!Node.sameScalarTextOrNone(web, nil) && !Node.sameScalarTextOrNone(nil, web) && !Node.sameScalarTextOrNone(web, map))
        #expect(Node.sameScalarTextOrNone(web, otherWeb))
    }

    @Test func textsEqualAsStringsButNotAsBytesDiffer() throws {
        // U+212A KELVIN SIGN is canonically equivalent to "K": equal `String`s, different bytes.
        let a = try Self.root("kind: ConfigMap\ndata: {unit: K}\n")
        let b = try Self.root("kind: ConfigMap\ndata: {unit: \u{212A}}\n", path: "b.yaml")
        let ascii = try #require(a[literal: "data"]?["unit"]), kelvin = try #require(b[literal: "data"]?["unit"])
        #expect(ascii.scalarText == kelvin.scalarText)
        #expect(!ascii.hasSameScalarText(as: kelvin))
    }

    @Test func aKeyOfOneFileFindsTheValueUnderItsTextInAnother() throws {
        let selector = try Self.root("kind: Service\nspec: {selector: {app: web, tier: front, missing: x, {complex: key}: y}}\n")
        let labels = try Self.root("kind: Pod\nmetadata: {labels: {tier: back, app: web, tier: front}, annotations: {note: app}}\n", path: "b.yaml")
        let wanted = try #require(selector[literal: "spec"]?["selector"]), held = try #require(labels[literal: "metadata"]?["labels"])
        var found: [String?] = []
        for entry in wanted.entries { found.append(held.value(underKeyTextOf: entry.key)?.scalarText) }
        // The value `held["tier"]` finds (the loader keeps a repeated key's last); none for a key the
        // file never uses, or a mapping as key.
        #expect(found == ["web", "front", nil, nil])
        // A key of the same file (its atom), a key the file uses elsewhere but not in this mapping,
        // a scalar of the same file that is no key there but whose text is one.
        #expect(held.value(underKeyTextOf: try #require(held.entries.first?.key))?.scalarText == "front")
        #expect(held.value(underKeyTextOf: try #require(labels.entries.first?.key)) == nil)  // `kind`
        let note = try #require(labels[literal: "metadata"]?["annotations"]?["note"])
        #expect(note.scalarText == "app" && held.value(underKeyTextOf: note)?.scalarText == "web")
        // Not a mapping: nothing under any key.
        #expect(try #require(held["app"]).value(underKeyTextOf: try #require(wanted.entries.first?.key)) == nil)
    }
}
