import PortcullisDiagnostics
import PortcullisEngine
import PortcullisManifest
import Testing

/// A finding holds its path packed into bytes: it must unpack to the components it was given,
/// whatever the keys hold and however large the indexes, and compare as they do.
@Suite struct PackedPathTests {
    static let paths: [[PathComponent]] = [
        [],
        ["spec", "template", "spec", "containers", 0, "image"],
        ["metadata", "annotations", "portcullis.dev/ignore"],
        ["data", .key(String(repeating: "k", count: 300))],  // a length past one LEB128 byte
        ["items", 127, "x", 128, "y", 1_000_000],
        ["", "ключ", "🔑 with spaces", "a.b[0]"],
    ]

    @Test(arguments: paths)
    func unpacksToWhatItWasGiven(_ components: [PathComponent]) {
        #expect(PackedPath(components).components == components)
    }

    @Test func comparesAsItsComponents() {
        for a in Self.paths {
            for b in Self.paths {
                #expect((PackedPath(a) == PackedPath(b)) == (a == b))
            }
        }
        // A key that reads like an index, and the index, differ.
        #expect(PackedPath(["0"]) != PackedPath([0]))
    }

    @Test func aFindingKeepsItsPathAndJSONPath() {
        var finding = Finding(policyID: "p", severity: .error, message: "m", path: "f.yaml",
                              span: SourceSpan(start: SourceLocation(line: 1, column: 1)), documentIndex: 0, listItemIndex: nil,
                              kind: "Pod", namespace: nil, name: "x", pathComponents: ["spec", "containers", 2, "image"],
                              help: nil, helpURL: nil, remediation: nil)
        #expect(finding.pathComponents == ["spec", "containers", 2, "image"])
        #expect(finding.jsonPath == "$.spec.containers[2].image")
        finding.pathComponents = ["metadata"]
        #expect(finding.jsonPath == "$.metadata")
    }
}
