import Foundation
import Testing

/// Reports as CI systems consume them, produced by the real binary over fixtures/.
@Suite struct ReportCommandTests {
    static let inputs = ["fixtures/violations", "fixtures/valid", "fixtures/cross-document", "fixtures/suppressed",
                         "fixtures/invalid/syntax-error.yaml", "--config", "fixtures/suppressed/.portcullis.yaml"]
    static let goldenFolder = PortcullisBinary.packageRoot.appendingPathComponent("Tests/PortcullisCLITests/Golden")

    /// Replaces what differs between machines and runs: the checkout's path, the time taken.
    static func normalize(_ text: String) -> String {
        text.replacingOccurrences(of: PortcullisBinary.packageRoot.path, with: "/ROOT")
            .replacingOccurrences(of: #"\(\d+ ms\)"#, with: "(N ms)", options: .regularExpression)
    }

    /// Golden file names by format (`summary`: text with `--summary`).
    static let goldenNames = ["text": "report.txt", "junit": "report.xml", "compact": "report.compact.txt", "markdown": "report.md",
                              "summary": "report.summary.txt"]

    /// Every format over the same inputs against a recorded report. Re-record with
    /// PORTCULLIS_RECORD_GOLDEN=1 swift test --filter ReportCommandTests (and review the diff).
    @Test(arguments: ["text", "json", "sarif", "github", "junit", "compact", "markdown", "summary"])
    func goldenReport(_ format: String) throws {
        let options = format == "summary" ? ["--summary"] : ["--format", format]
        let result = try PortcullisBinary.run(["check", "--color", "never"] + options + Self.inputs)
        #expect(result.status == 2, "the syntax error makes it 2: \(result.stderr)")
        let produced = Self.normalize(result.stdout)
        let golden = Self.goldenFolder.appendingPathComponent(Self.goldenNames[format] ?? "report.\(format)")
        if ProcessInfo.processInfo.environment["PORTCULLIS_RECORD_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: Self.goldenFolder, withIntermediateDirectories: true)
            try produced.write(to: golden, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: golden, encoding: .utf8)
        #expect(produced == expected, "\(format) report differs from \(golden.lastPathComponent); re-record with PORTCULLIS_RECORD_GOLDEN=1 if the change is intended")
    }

    static var pythonHasJSONSchema: Bool { PortcullisBinary.pythonHas(module: "jsonschema") }

    /// SARIF validated against the official SARIF 2.1.0 schema (schemas/), JSON against its own; a
    /// clean run too (an empty `results` array). Several formats in one run, each to its file.
    @Test(.enabled(if: pythonHasJSONSchema, "skipped: python3 with jsonschema is not installed"))
    func reportsValidateAgainstTheirSchemas() throws {
        let dir = try TemporaryFolder()
        let findings = try PortcullisBinary.run(["check", "--format", "sarif", "--output", dir.path + "/r.sarif", "--format", "json",
                                                 "--output", dir.path + "/r.json", "--format", "text"] + Self.inputs)
        #expect(findings.status == 2)
        #expect(findings.stdout.contains("checked 9 files"), "text went to standard output: \(findings.stdout)")
        let clean = try PortcullisBinary.run(["check", "fixtures/valid", "--format", "sarif", "--output", dir.path + "/clean.sarif",
                                              "--format", "json", "--output", dir.path + "/clean.json"])
        #expect(clean.status == 0)
        #expect(clean.stdout.isEmpty)
        let sarif = try PortcullisBinary.runScript("validate_json.py", [PortcullisBinary.packageRoot.path + "/schemas/sarif-schema-2.1.0.json", dir.path + "/r.sarif", dir.path + "/clean.sarif"])
        #expect(sarif.status == 0, "\(sarif.stdout)")
        let json = try PortcullisBinary.runScript("validate_json.py", [PortcullisBinary.packageRoot.path + "/schemas/report.schema.json", dir.path + "/r.json", dir.path + "/clean.json"])
        #expect(json.status == 0, "\(json.stdout)")
        let cleanLog = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: dir.path + "/clean.sarif"))) as? [String: Any])
        let run = try #require((cleanLog["runs"] as? [[String: Any]])?.first)
        #expect((run["results"] as? [Any])?.isEmpty == true)
    }

    /// What GitHub code scanning requires beyond the schema.
    @Test func sarifFollowsGitHubCodeScanningRules() throws {
        let result = try PortcullisBinary.run(["check", "--format", "sarif"] + Self.inputs)
        let log = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(log["version"] as? String == "2.1.0")
        #expect((log["$schema"] as? String)?.contains("sarif-2.1.0") == true)
        let runs = try #require(log["runs"] as? [[String: Any]])
        #expect(runs.count == 1)
        let driver = try #require((runs[0]["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "Portcullis")
        let rules = try #require(driver["rules"] as? [[String: Any]])
        #expect(rules.count == 43)  // the 42 default policies and portcullis/expired-waiver
        for rule in rules {
            let id = try #require(rule["id"] as? String)
            #expect(((rule["shortDescription"] as? [String: Any])?["text"] as? String)?.isEmpty == false, "\(id)")
            #expect(((rule["fullDescription"] as? [String: Any])?["text"] as? String).map { $0.count <= 1024 } == true, "\(id)")
            #expect(((rule["help"] as? [String: Any])?["text"] as? String)?.isEmpty == false, "\(id)")
            #expect((rule["helpUri"] as? String)?.hasPrefix("https://") == true, "\(id)")
            #expect(["error", "warning", "note"].contains((rule["defaultConfiguration"] as? [String: Any])?["level"] as? String ?? ""), "\(id)")
        }
        let results = try #require(runs[0]["results"] as? [[String: Any]])
        #expect(results.count > 20)
        var fingerprints = Set<String>()
        for result in results {
            let ruleID = try #require(result["ruleId"] as? String)
            let index = try #require(result["ruleIndex"] as? Int)
            #expect(rules[index]["id"] as? String == ruleID)
            #expect(["error", "warning", "note"].contains(result["level"] as? String ?? ""))
            #expect(((result["message"] as? [String: Any])?["text"] as? String)?.isEmpty == false)
            let location = try #require((result["locations"] as? [[String: Any]])?.first)
            let physical = try #require(location["physicalLocation"] as? [String: Any])
            let uri = try #require((physical["artifactLocation"] as? [String: Any])?["uri"] as? String)
            #expect(!uri.hasPrefix("/") && !uri.hasPrefix("..") && !uri.contains("://"), "relative to the repository root: \(uri)")
            let region = try #require(physical["region"] as? [String: Any])
            #expect((region["startLine"] as? Int ?? 0) >= 1 && (region["startColumn"] as? Int ?? 0) >= 1)
            #expect((region["endLine"] as? Int ?? 0) >= (region["startLine"] as? Int ?? 0))
            let fingerprint = try #require((result["partialFingerprints"] as? [String: String])?["portcullisFindingKey/v1"])
            fingerprints.insert(fingerprint + ruleID)
        }
        let suppressed = results.filter { $0["suppressions"] != nil }
        #expect(suppressed.count == 6)
        for result in suppressed {
            let suppression = try #require((result["suppressions"] as? [[String: Any]])?.first)
            #expect(["inSource", "external"].contains(suppression["kind"] as? String ?? ""))
            #expect((suppression["justification"] as? String)?.isEmpty == false)
        }
    }

    /// Fingerprints do not move when lines are added above the finding.
    @Test func fingerprintsSurviveEditsAbove() throws {
        let source = try String(contentsOf: PortcullisBinary.packageRoot.appendingPathComponent("fixtures/violations/web.yaml"), encoding: .utf8)
        func fingerprints(_ text: String) throws -> [String] {
            let result = try PortcullisBinary.run(["check", "--format", "json", "-", "--stdin-filename", "web.yaml"], stdin: text)
            let report = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
            return (report["findings"] as? [[String: Any]] ?? []).compactMap { $0["fingerprint"] as? String }
        }
        let before = try fingerprints(source)
        let after = try fingerprints("# a comment\n# and another\n" + source)
        #expect(!before.isEmpty)
        #expect(before == after)
    }

    @Test func formatOutputPairingAndAtomicWrites() throws {
        let dir = try TemporaryFolder()
        let twoToStdout = try PortcullisBinary.run(["check", "--format", "json", "--format", "sarif", "fixtures/valid"])
        #expect(twoToStdout.status == 2)
        #expect(twoToStdout.stderr.contains("would both go to standard output"))
        let unknown = try PortcullisBinary.run(["check", "--format", "xml", "fixtures/valid"])
        #expect(unknown.status == 2)
        // A report that cannot be written is an error; the others are still written.
        let missingFolder = try PortcullisBinary.run(["check", "fixtures/violations", "--format", "sarif", "--output", dir.path + "/no/such/r.sarif",
                                                      "--format", "junit", "--output", dir.path + "/r.xml"])
        #expect(missingFolder.status == 2)
        #expect(missingFolder.stderr.contains("r.sarif: cannot write the report: no such folder"))
        #expect(FileManager.default.fileExists(atPath: dir.path + "/r.xml"))
        // The old report is replaced whole, and no temporary file is left behind.
        try "old".write(toFile: dir.path + "/r.xml", atomically: true, encoding: .utf8)
        _ = try PortcullisBinary.run(["check", "fixtures/valid", "--format", "junit", "--output", dir.path + "/r.xml"])
        let xml = try String(contentsOfFile: dir.path + "/r.xml", encoding: .utf8)
        #expect(xml.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"portcullis\" tests=\"42\" failures=\"0\""))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["r.xml"])
    }

    @Test func githubAnnotationsEscapeTheirData() throws {
        let pod = "apiVersion: v1\nkind: Pod\nmetadata: {name: \"a,b\", namespace: x}\nspec:\n  containers:\n    - {name: \"c%1\", image: \"nginx:latest\"}\n"
        let result = try PortcullisBinary.run(["check", "--format", "github", "--only", "images/no-latest-tag", "-", "--stdin-filename", "dir/a:b.yaml"], stdin: pod)
        #expect(result.status == 1)
        #expect(result.stdout == "::error file=dir/a%3Ab.yaml,line=6,col=28,endLine=6,endColumn=42,title=images/no-latest-tag::container 'c%251' uses floating image 'nginx:latest'%0APin an immutable version or digest, e.g. app:1.4.2 or app@sha256:…\n")
    }
}
