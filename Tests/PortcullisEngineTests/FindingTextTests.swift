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

    /// The JSON path is written from the packed bytes as `Node.jsonPath` writes it from the
    /// components: identifier-like keys after a dot, the others quoted with `\\` and `'` escaped.
    @Test func theJSONPathIsWrittenFromThePackedPathAsFromItsComponents() {
        let odd: [[PathComponent]] = [["it's", "back\\slash", "1abc", "a1", "_x-y", "-", "é", "a b", "''"], [0, 9, 10, 99, 100, 12_345]]
        for components in Self.paths + odd {
            #expect(FindingText(message: "m", path: components).jsonPath == Node.jsonPath(components), "\(components)")
        }
        #expect(Node.jsonPath(odd[0]) == #"$['it\'s']['back\\slash']['1abc'].a1._x-y.-['é']['a b']['\'\'']"#)
        #expect(Node.jsonPath(odd[1]) == "$[0][9][10][99][100][12345]")
        #expect(Node.jsonPath(Self.paths[5]) == "$['']['ключ']['🔑 with spaces']['a.b[0]']")
        #expect(Node.pathStep("name") == ".name")
        #expect(Node.pathStep("app.kubernetes.io/name") == "['app.kubernetes.io/name']")
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

    /// A run's checker keeps one copy of each distinct text: two documents found wanting in the
    /// same words at the same place share it, findings unchanged; a different name or place is
    /// a text of its own.
    @Test func aRunHoldsEachDistinctTextOnce() throws {
        let policy = """
            policy "test/owner" {
              match kind ConfigMap
              deny when metadata.labels.owner missing
              message "ConfigMap '{metadata.labels.app}' has no owner"
              at metadata
            }
            """
        let graph = try #require(PolicyCompiler.compile([SourceFile(path: "t.policy", bytes: Array(policy.utf8))]).0)
        let manifest = (0..<6).map { index in
            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\(index)\n  labels: {app: \(index < 4 ? "web" : "api")}\n"
        }.joined(separator: "---\n")
        let checker = ManifestChecker(graph: graph)
        let file = checker.loader.load(SourceFile(path: "m.yaml", bytes: Array(manifest.utf8)))
        let findings = checker.evaluate(file).findings
        #expect(findings.map(\.message) == Array(repeating: "ConfigMap 'web' has no owner", count: 4)
            + Array(repeating: "ConfigMap 'api' has no owner", count: 2))
        #expect(findings.map(\.span.start.line) == [3, 9, 15, 21, 27, 33])
        #expect(checker.texts.count == 2)
        let other = checker.loader.load(SourceFile(path: "n.yaml", bytes: Array("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n  labels: {app: db}\n".utf8)))
        #expect(checker.evaluate(other).findings.map(\.message) == ["ConfigMap 'db' has no owner"])
        #expect(checker.texts.count == 3)
    }
}
