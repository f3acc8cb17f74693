import PortcullisDiagnostics
import PortcullisEngine
import PortcullisManifest
import Testing

/// A finding holds its message and its path packed into one array of bytes: they must unpack to
/// what they were given, whatever the keys and messages hold and however large the indexes and
/// lengths, and compare as they do.
@Suite struct FindingTextTests {
    static let paths: [[PathComponent]] = [
        [],
        ["spec", "template", "spec", "containers", 0, "image"],
        ["metadata", "annotations", "portcullis.dev/ignore"],
        ["data", .key(String(repeating: "k", count: 300))],  // a length past one LEB128 byte
        ["items", 127, "x", 128, "y", 1_000_000],
        ["", "ключ", "🔑 with spaces", "a.b[0]"],
    ]

    static let messages = ["", "m", "container 'app' has no memory limit", String(repeating: "é", count: 200), "ключ 🔑\n\u{0}"]

    @Test(arguments: paths)
    func unpacksToWhatItWasGiven(_ components: [PathComponent]) {
        for message in Self.messages {
            let text = FindingText(message: message, path: components)
            #expect(text.pathComponents == components)
            #expect(text.message == message)
        }
    }

    @Test func comparesAsItsMessageAndComponents() {
        for a in Self.paths {
            for b in Self.paths {
                #expect((FindingText(message: "m", path: a) == FindingText(message: "m", path: b)) == (a == b))
                #expect((FindingText(message: "m", path: a).hashValue == FindingText(message: "m", path: b).hashValue) || a != b)
            }
        }
        for a in Self.messages {
            for b in Self.messages {
                #expect((FindingText(message: a, path: ["x"]) == FindingText(message: b, path: ["x"])) == (a == b))
            }
        }
        // A key that reads like an index, and the index, differ; so do a message's end and a path's start.
        #expect(FindingText(message: "", path: ["0"]) != FindingText(message: "", path: [0]))
        #expect(FindingText(message: "a", path: ["b"]) != FindingText(message: "ab", path: []))
    }

    @Test func aFindingsMessageAndPathChangeApart() {
        var finding = Finding(policyID: "p", severity: .error, message: "first", path: "f.yaml",
                              span: SourceSpan(start: SourceLocation(line: 1, column: 1)), documentIndex: 0, listItemIndex: nil,
                              kind: "Pod", namespace: nil, name: "x", pathComponents: ["spec", 1],
                              help: nil, helpURL: nil, remediation: nil)
        finding.message += " (in overlay prod)"
        #expect(finding.message == "first (in overlay prod)")
        #expect(finding.pathComponents == ["spec", 1])
        finding.pathComponents = ["metadata", "name"]
        #expect(finding.message == "first (in overlay prod)")
        #expect(finding.jsonPath == "$.metadata.name")
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
