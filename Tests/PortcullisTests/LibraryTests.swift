import Foundation
import Portcullis
import Testing

/// The library as an embedder uses it: nothing but `import Portcullis`.
@Suite struct LibraryTests {
    static let teamPolicy = """
        policy "team/owner-label" {
          title "Resources carry an owner label"
          severity warning
          match kind ConfigMap
          deny when metadata.labels.owner missing
          message "ConfigMap '{metadata.name}' has no owner label"
          at metadata
        }
        """

    static let manifests = """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: settings
          namespace: shop
        data: {a: "1"}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: web, namespace: shop}
        spec:
          containers:
            - name: web
              image: nginx:latest
        """

    @Test func builtinsPlusAPolicyStringValidateAYAMLString() throws {
        let policies = try PolicySet.compile([.builtin, .text(Self.teamPolicy, name: "team.policy")]).get()
        #expect(policies.policy(id: "team/owner-label")?.severity == .warning)
        #expect(policies.policy(id: "images/no-latest-tag") != nil)
        let result = Validator(policies: policies).validate(yaml: Self.manifests, name: "app.yaml")
        let owner = try #require(result.findings.first { $0.policyID == "team/owner-label" })
        #expect(owner.description == "app.yaml:3:1: warning: ConfigMap 'settings' has no owner label [team/owner-label]")
        #expect(owner.resource.kind == "ConfigMap" && owner.resource.name == "settings")
        let latest = try #require(result.findings.first { $0.policyID == "images/no-latest-tag" })
        #expect(latest.range.line == 14 && latest.range.column == 14)
        #expect(latest.jsonPath == "$.spec.containers[0].image")
        #expect(result.resourceCount == 2 && result.fileCount == 1)
        #expect(result.hasFindings(atOrAbove: .error))
        #expect(!result.hasErrors)
    }

    @Test func everyFormatRenders() throws {
        let policies = try PolicySet.compile([.builtin]).get()
        let result = Validator(policies: policies).validate(yaml: Self.manifests, name: "app.yaml")
        let sarif = Report(format: .sarif).render(result)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(sarif.utf8)) as? [String: Any])
        #expect(document["version"] as? String == "2.1.0")
        let runs = try #require(document["runs"] as? [[String: Any]])
        let driver = (runs.first?["tool"] as? [String: Any])?["driver"] as? [String: Any]
        #expect(driver?["version"] as? String == ToolInfo.version)
        for format in ReportFormat.allCases {
            #expect(!Report(format: format).render(result).isEmpty, "\(format)")
        }
        #expect(Report(format: .text).render(result).contains("app.yaml:14:14: error: container 'web' uses floating image 'nginx:latest' [images/no-latest-tag]"))
    }

    /// A text report of many files with many findings is handed on in pieces (a file's block at a
    /// time); across them, files keep input order, and each file's findings and problems keep line
    /// order, suppressed findings left out.
    @Test func textReportOfManyFilesKeepsFileAndLineOrder() throws {
        let result = try Self.manyFindings()
        var pieces: [String] = []
        Report(format: .text).render(result) { pieces.append($0) }
        let text = pieces.joined()
        // `fNN.yaml:LINE:COLUMN: severity: …` lines, in the order they come.
        let located = text.split(separator: "\n").compactMap { line -> (file: String, line: Int)? in
            let parts = line.split(separator: ":", maxSplits: 3)
            guard parts.count == 4, parts[0].hasSuffix(".yaml"), let number = Int(parts[1]) else { return nil }
            return (String(parts[0]), number)
        }
        #expect(located.map(\.file) == located.map(\.file).sorted(), "files in input order")
        for file in Set(located.map(\.file)) {
            let lines = located.filter { $0.file == file }.map(\.line)
            #expect(lines == lines.sorted(), "\(file): line order")
        }
        let findingLines = text.split(separator: "\n").filter { $0.hasSuffix("[team/owner-label]") }
        #expect(findingLines.count == result.activeFindings.count)
        #expect(result.activeFindings.count > 2_048 && result.suppressedCount == 12)
        #expect(result.hasErrors && located.contains { $0.file == "f05.yaml" && $0.line > 600 && $0.line < 700 })
    }

    /// The bytes a writer takes (`renderUTF8`) are the text's bytes in every format, colored or
    /// not; the text report's blocks (help texts with dashes and arrows, excerpts) go out as made.
    @Test func reportBytesAreTheTextsBytes() throws {
        let result = try Self.manyFindings()
        let reports = ReportFormat.allCases.map { Report(format: $0) } + [Report(format: .text, color: true), Report(format: .text, quiet: true)]
        for report in reports {
            var bytes: [UInt8] = []
            var pieces = 0
            report.renderUTF8(result) { piece in
                bytes.append(contentsOf: piece)
                pieces += 1
            }
            #expect(bytes == Array(report.render(result).utf8), "\(report.format)")
            #expect(String(validating: bytes, as: UTF8.self) != nil, "\(report.format)")
            if report.format == .text { #expect(pieces > 2) }
        }
    }

    /// The line-per-finding formats stream too: several pieces of about 64 KiB; the compact lines
    /// keep file and line order, JUnit's totals count its test cases.
    @Test func compactGitHubAndJUnitReportsComeInPieces() throws {
        let result = try Self.manyFindings()
        for format in [ReportFormat.compact, .github, .junit] {
            var pieces: [String] = []
            Report(format: format).render(result) { pieces.append($0) }
            #expect(pieces.count > 2, "\(format): more than one piece")
            #expect(pieces.allSatisfy { $0.utf8.count < 1 << 17 }, "\(format): pieces of about 64 KiB")
        }
        let compact = Report(format: .compact).render(result).split(separator: "\n").filter { $0.hasSuffix("[team/owner-label]") }
        #expect(compact.count == result.activeFindings.count)
        let places = compact.map { line in line.split(separator: ":").prefix(2).map(String.init) }
        #expect(places == places.sorted { ($0[0], Int($0[1])!) < ($1[0], Int($1[1])!) }, "file, then line order")
        let github = Report(format: .github).render(result).split(separator: "\n").filter { $0.contains("title=team/owner-label") }
        #expect(github.count == result.activeFindings.count)
        let junit = Report(format: .junit).render(result).split(separator: "\n")
        let root = try #require(junit.first { $0.hasPrefix("<testsuites ") })
        func attribute(_ name: String) -> String? {
            root.components(separatedBy: " \(name)=\"").dropFirst().first?.components(separatedBy: "\"").first
        }
        let cases = junit.filter { $0.trimmingCharacters(in: .whitespaces).hasPrefix("<testcase ") }
        let problems = result.diagnostics.filter { $0.severity == .error }.count
        #expect(problems > 0)
        #expect(attribute("tests") == String(cases.count) && cases.count == result.findings.count + problems)
        #expect(attribute("skipped") == "12")
        #expect(attribute("failures") == String(result.activeFindings.count))
        #expect(attribute("errors") == String(problems) && junit.last == "</testsuites>")
    }

    /// Twelve files of 250 ConfigMaps without an owner label: 3,000 findings, one suppressed per
    /// file, and a document in f05.yaml that does not parse.
    static func manyFindings() throws -> ValidationResult {
        let policies = try PolicySet.compile([.text(Self.teamPolicy, name: "team.policy")]).get()
        var files: [(name: String, bytes: [UInt8])] = []
        for file in 0..<12 {
            var text = ""
            for item in 0..<250 {
                if item > 0 { text += "---\n" }
                text += "apiVersion: v1\nkind: ConfigMap\n"
                if item == 100 { text += "# portcullis:disable-next-line team/owner-label -- a test\n" }
                text += "metadata:\n  name: c\(item)\n"
                if file == 5 && item == 120 { text += "data: {a: [\n" }  // a document that does not parse
            }
            files.append((name: "f\(String(format: "%02d", file)).yaml", bytes: Array(text.utf8)))
        }
        return Validator(policies: policies).validate(files: files)
    }

    /// The formats for people: the per-policy table (or only it), Markdown links under a base.
    @Test func summaryMarkdownAndHTMLOptions() throws {
        let policies = try PolicySet.compile([.builtin]).get()
        let result = Validator(policies: policies).validate(yaml: Self.manifests, name: "app.yaml")
        let summary = Report(format: .text, summaryOnly: true).render(result)
        #expect(summary.hasPrefix("policy "))
        #expect(summary.contains("\nimages/no-latest-tag "))
        #expect(!summary.contains("app.yaml:"))
        let markdown = Report(format: .markdown, rootPath: "/nowhere", linkBase: "https://example.com/blob/main/").render(result)
        #expect(markdown.hasPrefix("## Portcullis: "))
        #expect(markdown.contains("\n#### app.yaml ("), "outside the repository root: no link")
        let html = Report(format: .html).render(result)
        #expect(html.hasPrefix("<!DOCTYPE html>") && html.contains("<svg class=\"chart\""))
    }

    /// A progress object counts a validation of paths as it goes: at the end, everything is done.
    @Test func progressCountsFilesAndDocuments() throws {
        let policies = try PolicySet.compile([.builtin]).get()
        var options = ValidationOptions()
        let progress = ValidationProgress()
        options.progress = progress
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let result = Validator(policies: policies, options: options).validate(paths: [root.appendingPathComponent("fixtures/valid").path])
        let done = progress.snapshot
        #expect(done.files == 3 && done.filesLoaded == 3 && done.filesChecked == 3)
        #expect(done.documentsLoaded == done.documentsChecked && done.documentsChecked >= result.resourceCount)
        #expect(done.loadsFirst == policies.looksAcrossDocuments)
    }

    @Test func policyErrorsAreDiagnosticsWithFileLineAndColumn() {
        let compilation = PolicySet.compile([.text("policy \"x/y\" {\n  match kind Pod\n  deny when nope(1)\n}\n", name: "bad.policy")])
        #expect(compilation.policySet == nil)
        let error = compilation.diagnostics.first { $0.severity == .error }
        #expect(error?.range?.file == "bad.policy")
        #expect(error?.range?.line == 3)
        #expect(error?.rendered().contains("bad.policy:3:") == true)
        #expect(throws: PolicyError.self) { try compilation.get() }
    }

    @Test func aDocumentThatIsNoResourceGetsNoFinding() throws {
        let policies = try PolicySet.compile([.builtin]).get()
        let result = Validator(policies: policies).validate(yaml: "foo: bar\nreplicaCount: 3\nimage: {tag: latest}\n", name: "values.yaml")
        #expect(result.findings.isEmpty, "\(result.findings)")
        #expect(result.resourceCount == 0)
    }

    @Test func selectionSeverityAndParameters() throws {
        var options = PolicyOptions(only: ["images"], severities: ["images/no-latest-tag": .info])
        options.parameters["disallowed_tags"] = ["latest", "dev"]
        let policies = try PolicySet.compile([.builtin], options: options).get()
        #expect(policies.policies.allSatisfy { $0.pack == "images" })
        let result = Validator(policies: policies).validate(yaml: Self.manifests.replacingOccurrences(of: "nginx:latest", with: "nginx:dev"))
        let finding = try #require(result.findings.first { $0.policyID == "images/no-latest-tag" })
        #expect(finding.severity == .info)
        #expect(!result.hasFindings(atOrAbove: .warning) || result.findings.contains { $0.policyID != "images/no-latest-tag" })
        let unknown = PolicySet.compile([.builtin], options: PolicyOptions(parameterTexts: ["no_such_parameter": "1"]))
        #expect(unknown.diagnostics.map(\.id) == ["config.unknown-parameter"])
    }

    @Test func manyValidationsAtOnceFromManyTasksAgree() async throws {
        let policies = try PolicySet.compile([.builtin]).get()
        let validator = Validator(policies: policies)
        let expected = validator.validate(yaml: Self.manifests, name: "app.yaml").findings.map(\.description)
        let outcomes = await withTaskGroup(of: [String].self) { group in
            for _ in 0..<32 { group.addTask { validator.validate(yaml: Self.manifests, name: "app.yaml").findings.map(\.description) } }
            var all: [[String]] = []
            for await outcome in group { all.append(outcome) }
            return all
        }
        #expect(outcomes.count == 32)
        #expect(outcomes.allSatisfy { $0 == expected })
    }

    @Test func anObjectWithItsOperation() throws {
        let policies = try PolicySet.compile([.builtin], options: PolicyOptions(only: ["pod-security-baseline/privileged"])).get()
        let pod: [String: Any] = [
            "apiVersion": "v1", "kind": "Pod", "metadata": ["name": "p", "namespace": "x"],
            "spec": ["containers": [["name": "c", "image": "nginx:1.27", "securityContext": ["privileged": true]]]],
        ]
        let created = try Validator(policies: policies).validate(object: pod, operation: "CREATE")
        #expect(created.findings.map(\.policyID) == ["pod-security-baseline/privileged"])
        // The pod-security packs leave Pod UPDATEs alone (most pod fields cannot change).
        let updated = try Validator(policies: policies).validate(object: pod, operation: "UPDATE")
        #expect(updated.findings.isEmpty)
        #expect(throws: ValidationError.self) { try Validator(policies: policies).validate(object: [Date()]) }
    }

    @Test func examplesWithTheirOwnParameters() throws {
        let text = """
            param limit = 1
            policy "test/limit" {
              match kind ConfigMap
              deny when len(data) > params.limit
              message "too many keys"
              example pass with {limit: 5} \"\"\"
                apiVersion: v1
                kind: ConfigMap
                data: {a: "1", b: "2"}
                \"\"\"
              example fail \"\"\"
                apiVersion: v1   # expect
                kind: ConfigMap
                data: {a: "1", b: "2"}
                \"\"\"
              example fail with {nope: 1} \"\"\"
                apiVersion: v1   # expect
                kind: ConfigMap
                \"\"\"
            }
            """
        let policies = try PolicySet.compile([.text(text, name: "t.policy")], options: PolicyOptions(all: true)).get()
        let results = policies.runExamples()
        #expect(results.map(\.passed) == [true, true, false])
        #expect(results[2].problem?.contains("no policy declares a parameter 'nope'") == true)
    }
}
