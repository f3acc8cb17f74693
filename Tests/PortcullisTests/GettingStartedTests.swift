import Foundation
import Portcullis
import Testing

/// The code the documentation shows, run as written: the DocC article GettingStarted.md and the
/// README's "Use it as a library" quote the lines between BEGIN and END below, and a test checks
/// that every Swift block they show still appears there word for word.
@Suite struct GettingStartedTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let article = root.appendingPathComponent("Sources/Portcullis/Portcullis.docc/GettingStarted.md")
    static let readme = root.appendingPathComponent("README.md")

    @Test func theDocumentedCodeRuns() throws {
        // The snippet prints; here its lines are collected instead.
        var printed: [String] = []
        func print(_ item: Any) { printed.append("\(item)") }

        // BEGIN getting-started
        let teamPolicy = """
            policy "team/configmap-owner" {
              severity warning
              match kind ConfigMap
              deny when metadata.labels.owner missing
              message "ConfigMap '{metadata.name}' has no owner label"
              at metadata
            }
            """
        let policies = try PolicySet.compile([.builtin, .text(teamPolicy, name: "team.policy")]).get()

        let manifest = """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: settings
              namespace: shop
            data:
              mode: fast
              DB_PASSWORD: hunter2
            """
        let validator = Validator(policies: policies)
        let result = validator.validate(yaml: manifest, name: "settings.yaml")
        for finding in result.activeFindings {
            print(finding)
        }
        for problem in result.diagnostics {
            print(problem.rendered())
        }

        let sarif = Report(format: .sarif).render(result)
        print(sarif)
        // END getting-started

        let findingLines = [
            "settings.yaml:3:1: warning: ConfigMap 'settings' has no owner label [team/configmap-owner]",
            "settings.yaml:8:16: error: ConfigMap key 'DB_PASSWORD' holds a credential in plaintext [secrets/configmap-credentials]",
        ]
        #expect(Array(printed.dropLast()) == findingLines)
        #expect(result.hasFindings(atOrAbove: .error) && !result.hasErrors)

        let log = try #require(try JSONSerialization.jsonObject(with: Data(sarif.utf8)) as? [String: Any])
        #expect(log["version"] as? String == "2.1.0")
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(Set(results.compactMap { $0["ruleId"] as? String }) == ["team/configmap-owner", "secrets/configmap-credentials"])

        // The article shows the output as it is.
        let articleText = try String(contentsOf: Self.article, encoding: .utf8)
        for line in findingLines { #expect(articleText.contains(line), "GettingStarted.md should show: \(line)") }
    }

    /// Every Swift block of the article and of the README's library section (less its `import`
    /// lines, and less blocks that show a Package.swift) is a run of lines of the code above.
    @Test(arguments: ["article", "readme"])
    func theDocumentationQuotesTheCodeThatRuns(_ document: String) throws {
        let source = try String(contentsOf: URL(fileURLWithPath: #filePath), encoding: .utf8)
        let snippet = try Self.region("getting-started", of: source)
        var text = try String(contentsOf: document == "article" ? Self.article : Self.readme, encoding: .utf8)
        if document == "readme" {
            let section = try #require(text.range(of: "## Use it as a library"), "README.md has no 'Use it as a library' section")
            text = String(text[section.lowerBound...])
            if let next = text.dropFirst(3).range(of: "\n## ") { text = String(text[..<next.lowerBound]) }
        }
        let blocks = Self.swiftBlocks(in: text).filter { !($0.first ?? "").hasPrefix("// Package.swift") }
        #expect(!blocks.isEmpty, "no Swift code in \(document)")
        for block in blocks {
            for line in block where line.hasPrefix("import ") { #expect(source.contains("\n\(line)\n"), "\(line)") }
            let code = block.filter { !$0.hasPrefix("import ") }.drop { $0.isEmpty }
            let quoted = Self.contains(snippet, Array(code))
            #expect(quoted, "\(document) shows code that the test does not run:\n\(code.joined(separator: "\n"))")
        }
    }

    /// The lines between `// BEGIN name` and `// END name`, indentation removed.
    static func region(_ name: String, of source: String) throws -> [String] {
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let begin = try #require(lines.firstIndex { $0.trimmingCharacters(in: .whitespaces) == "// BEGIN \(name)" })
        let end = try #require(lines.firstIndex { $0.trimmingCharacters(in: .whitespaces) == "// END \(name)" })
        let indent = lines[begin].prefix { $0 == " " }.count
        return lines[(begin + 1)..<end].map { String($0.dropFirst(min(indent, $0.prefix { $0 == " " }.count))) }
    }

    /// The lines of each ```swift block.
    static func swiftBlocks(in markdown: String) -> [[String]] {
        var blocks: [[String]] = []
        var current: [String]?
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if current == nil, line.trimmingCharacters(in: .whitespaces) == "```swift" {
                current = []
            } else if current != nil, line.trimmingCharacters(in: .whitespaces) == "```" {
                blocks.append(current!)
                current = nil
            } else {
                current?.append(line)
            }
        }
        return blocks
    }

    /// Whether `part` occurs in `whole` as consecutive lines.
    static func contains(_ whole: [String], _ part: [String]) -> Bool {
        guard !part.isEmpty, part.count <= whole.count else { return part.isEmpty }
        return (0...(whole.count - part.count)).contains { Array(whole[$0..<($0 + part.count)]) == part }
    }
}
