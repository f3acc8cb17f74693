import Testing
import PortcullisDiagnostics
@testable import PortcullisManifest

/// Each kind of bad input yields a diagnostic naming the file (and the line where there is one),
/// never a crash, a hang or unbounded memory.
@Suite struct BadInputTests {
    @Test func syntaxErrorNamesLineAndColumn() throws {
        let source = MarkedSource("apiVersion: v1\nkind: Pod\nspec:\n  image: nginx⟨here⟩: 1\n")
        let file = source.load(path: "pod.yaml")
        let diagnostic = try #require(file.diagnostics.first)
        #expect(diagnostic.id == ManifestDiagnostic.syntax)
        #expect(diagnostic.path == "pod.yaml")
        #expect(diagnostic.span?.start == source["here"])
        #expect(diagnostic.message.contains("mapping values are not allowed"))
    }

    @Test func documentsBeforeASyntaxErrorAreKept() {
        let file = load("apiVersion: v1\nkind: Good\n---\napiVersion: v1\nkind: [unclosed\n")
        #expect(file.resources.map(\.kind) == ["Good"])
        #expect(file.hasErrors)
    }

    @Test func invalidUTF8PointsAtTheByte() throws {
        let bytes = Array("apiVersion: v1\nkind: ConfigMap\ndata: {a: \"caf".utf8) + [0xE9] + Array("\"}\n".utf8)
        let file = ManifestLoader().load(SourceFile(path: "latin1.yaml", bytes: bytes))
        let diagnostic = try #require(file.diagnostics.first)
        #expect(diagnostic.id == ManifestDiagnostic.invalidUTF8)
        #expect(diagnostic.span?.start == SourceLocation(line: 3, column: 15))
        #expect(diagnostic.message.contains("0xE9"))
    }

    @Test func binaryFile() throws {
        let file = ManifestLoader().load(SourceFile(path: "image.yaml", bytes: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D]))
        #expect(file.diagnostics.map(\.id) == [ManifestDiagnostic.binary])
        #expect(file.resources.isEmpty)
    }

    @Test func utf16WithByteOrderMarkIsRead() throws {
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in "apiVersion: v1\nkind: ConfigMap\n".utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let file = ManifestLoader().load(SourceFile(path: "utf16.yaml", bytes: bytes))
        #expect(file.diagnostics.isEmpty)
        #expect(file.resources.first?.kind == "ConfigMap")
    }

    @Test func plainTextIsNotAResource() {
        let file = load("Just some notes.\n", path: "notes.yaml")
        #expect(file.diagnostics.map(\.id) == [ManifestDiagnostic.notAMapping])
        #expect(file.hasErrors)
    }

    @Test func nestingPastTheLimitStopsTheFile() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        let file = load("apiVersion: v1\nkind: A\n---\nx: " + deep + "\n", limits: ManifestLimits(maxDepth: 64))
        #expect(file.diagnostics.map(\.id) == [ManifestDiagnostic.tooDeep])
        #expect(file.diagnostics.first?.span?.start.line == 4)
        #expect(file.resources.map(\.kind) == ["A"])
    }

    /// A document as deep as a raised limit lets in is written as JSON without recursion (100,000
    /// nested calls do not fit on a thread's stack), and its paths are listed likewise. Block
    /// sequences (`- - - x`): libyaml takes time quadratic in the depth of flow ones (`[[[x]]]`).
    @Test func veryDeepDocumentsAreWrittenWithoutRecursion() throws {
        let depth = 100_000
        let file = load("apiVersion: v1\nkind: A\nx:\n" + String(repeating: "- ", count: depth) + "z\n",
                        limits: ManifestLimits(maxDepth: 2 * depth))
        #expect(file.diagnostics.isEmpty)
        let root = try #require(file.resources.first?.root)
        let written = json(root)
        let expected = #"{"apiVersion":"v1","kind":"A","x":"# + String(repeating: "[", count: depth) + #""z""# + String(repeating: "]", count: depth) + "}"
        #expect(written.count == expected.count)
        #expect(written == expected, "differs (not shown: 200 kB)")
        // Each path repeats its parent's, so the path list is checked on a shorter chain.
        let chain = load("apiVersion: v1\nkind: A\nx:\n" + String(repeating: "- ", count: 5_000) + "z\n",
                         limits: ManifestLimits(maxDepth: 10_000))
        let paths = try #require(chain.resources.first?.root).pathsAndSpans()
        #expect(paths.count == 3 + 5_001)
        #expect(paths.prefix(4).map(\.path) == ["$", "$.apiVersion", "$.kind", "$.x"])
        #expect(paths.last?.path == "$.x" + String(repeating: "[0]", count: 5_000))
    }

    @Test func deepBlockNestingToo() {
        var text = "apiVersion: v1\nkind: A\nspec:\n"
        for level in 1...300 { text += String(repeating: " ", count: level) + "k:\n" }
        let file = load(text)
        #expect(file.diagnostics.map(\.id) == [ManifestDiagnostic.tooDeep])
    }

    @Test func billionLaughsIsRejected() {
        var text = "apiVersion: v1\nkind: ConfigMap\ndata:\n  l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1...12 {
            text += "  l\(level): &l\(level) [" + Array(repeating: "*l\(level - 1)", count: 10).joined(separator: ", ") + "]\n"
        }
        let file = load(text)
        #expect(file.diagnostics.map(\.id) == [ManifestDiagnostic.aliasBomb])
        #expect(file.resources.isEmpty)
    }

    @Test func modestAliasUseIsFine() {
        let file = load("apiVersion: v1\nkind: X\na: &a [1, 2, 3]\nb: [*a, *a, *a]\n")
        #expect(file.diagnostics.isEmpty)
    }

    @Test func unknownAnchor() throws {
        let source = MarkedSource("apiVersion: v1\nkind: X\nspec:\n  selector: ⟨alias⟩*nowhere\n")
        let file = source.load()
        let diagnostic = try #require(file.diagnostics.first)
        #expect(file.diagnostics.count == 1)
        #expect(diagnostic.id == ManifestDiagnostic.unknownAnchor)
        #expect(diagnostic.span?.start == source["alias"])
    }

    @Test func invalidMergeValue() {
        let file = load("apiVersion: v1\nkind: X\nm:\n  <<: 5\n  a: 1\n")
        #expect(file.diagnostics.map(\.id) == [ManifestDiagnostic.badMerge])
    }

    @Test func complexKey() {
        let file = load("apiVersion: v1\nkind: X\n? [a, b]\n: value\n")
        #expect(file.diagnostics.map(\.id) == [ManifestDiagnostic.complexKey])
    }

    /// Collection keys have no atom; with a merge key or a real duplicate beside them, the
    /// mapping takes the slower path that resolves keys, which once took the second collection key
    /// for a duplicate of the first and looked up the text of no atom (a crash). Each is kept.
    @Test(arguments: [
        ("{<<: {}, ? [a] : 1, ? [b] : 2}", 2, 0),
        ("{? [a] : 1, ? [b] : 2, k: 1, k: 2}", 3, 1),
        ("{<<: {? [c] : 3, m: 1}, ? [a] : 1, ? [b] : 2, m: 2}", 4, 0),
    ])
    func collectionKeysBesideMergeAndDuplicateKeys(_ labels: String, _ pairs: Int, _ duplicates: Int) throws {
        let file = load("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x, labels: " + labels + "}\n")
        let ids = file.diagnostics.map(\.id)
        #expect(ids.filter { $0 == ManifestDiagnostic.complexKey }.count >= 2)
        #expect(ids.filter { $0 == ManifestDiagnostic.duplicateKey }.count == duplicates)
        let mapping = try #require(file.resources.first?.root["metadata"]?["labels"])
        #expect(mapping.count == pairs)
    }

    @Test func repeatedDiagnosticsAreCapped() {
        var text = "apiVersion: v1\nkind: X\ndata:\n"
        for _ in 0..<100 { text += "  k: v\n" }
        let file = load(text, limits: ManifestLimits(maxRepeatedDiagnostics: 5))
        #expect(file.diagnostics.count == 6)
        #expect(file.diagnostics.last?.message.contains("not shown") == true)
    }

    @Test func controlCharacters() throws {
        let file = ManifestLoader().load(SourceFile(path: "ctl.yaml", bytes: Array("apiVersion: v1\nkind: \u{7}X\n".utf8)))
        #expect(file.diagnostics.first?.id == ManifestDiagnostic.invalidCharacter)
        #expect(file.diagnostics.first?.span?.start.line == 2)
    }
}
