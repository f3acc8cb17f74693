import Foundation
import Testing

/// The `schema` pack run as a user runs it (`portcullis check --enable schema`) over fixtures/schema:
/// every marked line of invalid/ gives a finding of its class there, nothing else gives one.
@Suite struct SchemaPackTests {
    struct Expectation: Hashable, Comparable, CustomStringConvertible {
        var file: String
        var line: Int
        var policy: String
        static func < (a: Self, b: Self) -> Bool { (a.file, a.line, a.policy) < (b.file, b.line, b.policy) }
        var description: String { "\(file):\(line) \(policy)" }
    }

    static let folder = "fixtures/schema"

    /// The `# schema: CLASS` markers of the fixtures.
    static func marked() throws -> [Expectation] {
        var found: [Expectation] = []
        let root = PortcullisBinary.packageRoot.appendingPathComponent(folder)
        for sub in ["valid", "invalid"] {
            for name in try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(sub).path).sorted() where name.hasSuffix(".yaml") {
                let text = try String(contentsOf: root.appendingPathComponent(sub + "/" + name), encoding: .utf8)
                for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                    guard let marker = line.range(of: "# schema: ") else { continue }
                    found.append(Expectation(file: "\(folder)/\(sub)/\(name)", line: number + 1, policy: "schema/" + line[marker.upperBound...].trimmingCharacters(in: .whitespaces)))
                }
            }
        }
        return found.sorted()
    }

    static func findings(_ arguments: [String]) throws -> (status: Int32, findings: [Expectation], messages: [String]) {
        let result = try PortcullisBinary.run(["check", "--only", "schema", "--format", "json", "--no-config"] + arguments)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], "\(result.stdout)\n\(result.stderr)")
        let findings = try #require(json["findings"] as? [[String: Any]])
        return (result.status,
                findings.map { Expectation(file: $0["file"] as! String, line: $0["line"] as! Int, policy: $0["policy"] as! String) }.sorted(),
                findings.map { "\($0["file"]!):\($0["line"]!):\($0["column"]!) \($0["message"]!)" })
    }

    @Test func everyMarkedLineIsFoundAndNothingElse() throws {
        let expected = try Self.marked()
        #expect(expected.count >= 20)
        #expect(expected.allSatisfy { $0.file.contains("/invalid/") })
        let (status, found, messages) = try Self.findings([Self.folder])
        #expect(status == 1)
        let missing = Set(expected).subtracting(found).sorted()
        let extra = Set(found).subtracting(expected).sorted()
        #expect(missing.isEmpty, "not found: \(missing)")
        #expect(extra.isEmpty, "unexpected: \(extra)\n\(messages.joined(separator: "\n"))")
        #expect(found.count == expected.count, "one finding per marked line")
    }

    @Test func validFilesGiveNothing() throws {
        let (status, found, _) = try Self.findings([Self.folder + "/valid"])
        #expect(status == 0)
        #expect(found.isEmpty)
    }

    @Test func messagesNameThePathAndSuggestAndTheColumnIsTheKeys() throws {
        let result = try PortcullisBinary.run(["check", "--only", "schema", "--no-config", Self.folder + "/invalid/typos.yaml", Self.folder + "/invalid/types.yaml"])
        #expect(result.stdout.contains("fixtures/schema/invalid/typos.yaml:17:11: error: spec.template.spec.containers[0].imagePullpolicy: Container has no field 'imagePullpolicy'; did you mean 'imagePullPolicy'? [schema/unknown-field]"), "\(result.stdout)")
        #expect(result.stdout.contains("fixtures/schema/invalid/typos.yaml:7:3: error: spec.replcas: DeploymentSpec has no field 'replcas'; did you mean 'replicas'? [schema/unknown-field]"))
        #expect(result.stdout.contains("fixtures/schema/invalid/types.yaml:8:13: error: spec.replicas must be an integer, not text ('3') [schema/type]"))
        #expect(result.stdout.contains("metadata.labels.enabled must be text, not a boolean (true); quote it: \"true\" [schema/type]"))
    }

    @Test func withoutTheDefinitionACustomResourceIsNotValidated() throws {
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("portcullis-schema-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: copy, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: copy) }
        let text = try String(contentsOf: PortcullisBinary.packageRoot.appendingPathComponent(Self.folder + "/invalid/custom-resource.yaml"), encoding: .utf8)
        let instances = text.components(separatedBy: "\n---\n").dropFirst().joined(separator: "\n---\n")
        try instances.write(to: copy.appendingPathComponent("gadgets.yaml"), atomically: true, encoding: .utf8)
        let (status, found, _) = try Self.findings([copy.path])
        #expect(status == 0)
        #expect(found.isEmpty)
    }

    @Test func thePackIsOptIn() throws {
        let result = try PortcullisBinary.run(["check", "--no-config", "--format", "json", Self.folder + "/invalid/typos.yaml"])
        #expect(result.stdout.contains("\"policy\" : \""))
        #expect(!result.stdout.contains("\"policy\" : \"schema/"))
    }

    /// The fixtures of Kubernetes' own kinds agree with kubernetes-validate (the official schemas,
    /// strict): a valid document passes it; an invalid one fails it, except one whose only problems
    /// are enumerations (the official JSON carries none; Portcullis reads them from the field docs).
    @Test(.enabled(if: SchemaCrossCheck.python != nil, "skipped: kubernetes-validate is not installed (run `make schema-table`, which installs it into .build/schema-venv)"))
    func fixturesAgreeWithKubernetesValidate() throws {
        let python = try #require(SchemaCrossCheck.python)
        let root = PortcullisBinary.packageRoot.appendingPathComponent(Self.folder)
        var files: [String] = []
        for sub in ["valid", "invalid"] {
            files += try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(sub).path).sorted()
                .filter { $0.hasSuffix(".yaml") }.map { "\(Self.folder)/\(sub)/\($0)" }
        }
        let verdicts = try SchemaCrossCheck.run(python, files)
        let marked = try Self.marked()
        var compared = 0
        for verdict in verdicts where verdict.outcome != "unknown" {
            let text = try String(contentsOf: PortcullisBinary.packageRoot.appendingPathComponent(verdict.file), encoding: .utf8)
            let classes = SchemaCrossCheck.markedClasses(in: text, document: verdict.document)
            if verdict.file.contains("/valid/") || classes.isEmpty {
                #expect(verdict.outcome == "ok", "\(verdict.file) document \(verdict.document): kubernetes-validate says \(verdict.message)")
            } else if classes != ["enum"] {
                #expect(verdict.outcome == "invalid", "\(verdict.file) document \(verdict.document) is invalid for Portcullis (\(classes)), valid for kubernetes-validate")
            }
            compared += 1
        }
        #expect(compared >= 12)
        _ = marked
    }
}

/// kubernetes-validate, from the virtualenv `make schema-table` makes.
enum SchemaCrossCheck {
    struct Verdict {
        var file: String
        var document: Int
        var outcome: String
        var message: String
    }

    static let python: String? = {
        let candidate = PortcullisBinary.packageRoot.appendingPathComponent(".build/schema-venv/bin/python").path
        guard FileManager.default.isExecutableFile(atPath: candidate) else { return nil }
        let probe = Process()
        probe.executableURL = URL(fileURLWithPath: candidate)
        probe.arguments = ["-c", "import kubernetes_validate, yaml"]
        probe.standardError = FileHandle.nullDevice
        guard (try? probe.run()) != nil else { return nil }
        probe.waitUntilExit()
        return probe.terminationStatus == 0 ? candidate : nil
    }()

    static func run(_ python: String, _ files: [String]) throws -> [Verdict] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [PortcullisBinary.packageRoot.appendingPathComponent("scripts/crosscheck_schema.py").path, "1.37.0"] + files
        process.currentDirectoryURL = PortcullisBinary.packageRoot
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return text.split(separator: "\n").map { line in
            let parts = line.split(separator: " ", maxSplits: 3).map(String.init)
            return Verdict(file: parts[0], document: Int(parts[1]) ?? -1, outcome: parts[2], message: parts.count > 3 ? parts[3] : "")
        }
    }

    /// The classes marked in document `document` (0-based) of a stream.
    static func markedClasses(in text: String, document: Int) -> Set<String> {
        var index = 0, classes = Set<String>()
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line == "---" { index += 1; continue }
            if index == document, let marker = line.range(of: "# schema: ") {
                classes.insert(line[marker.upperBound...].trimmingCharacters(in: .whitespaces))
            }
        }
        return classes
    }
}
