import Foundation
import Testing

@Suite struct ParseCommandTests {
    func lines(_ text: String) throws -> [[String: Any]] {
        try text.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
    }

    @Test func printsOneJSONObjectPerResource() throws {
        let result = try PortcullisBinary.run(["parse", "fixtures/valid"])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        let records = try lines(result.stdout)
        #expect(records.map { $0["file"] as? String } == [
            "fixtures/valid/deployment.yaml", "fixtures/valid/deployment.yaml", "fixtures/valid/list.json", "fixtures/valid/list.json",
            "fixtures/valid/multi-document.yaml", "fixtures/valid/multi-document.yaml",
        ])
        #expect(records.map { $0["document"] as? Int } == [0, 1, 0, 0, 0, 2])
        #expect(records.map { $0["item"] as? Int } == [nil, nil, 0, 1, nil, nil])
        let service = try #require(records[4]["resource"] as? [String: Any])
        let selector = try #require((service["spec"] as? [String: Any])?["selector"] as? [String: String])
        #expect(selector == ["app.kubernetes.io/name": "web", "app.kubernetes.io/part-of": "shop", "tier": "frontend"])
        let data = try #require((records[5]["resource"] as? [String: Any])?["data"] as? [String: String])
        #expect(data["FEATURE_FLAG"] == "yes")
    }

    @Test func positionsGiveLineAndColumnOfEveryNode() throws {
        let result = try PortcullisBinary.run(["parse", "--positions", "fixtures/valid/deployment.yaml"])
        let record = try #require(try lines(result.stdout).first)
        let positions = try #require(record["positions"] as? [String: [Int]])
        #expect(positions["$.spec.template.spec.containers[0].image"]?.prefix(2) == [25, 18])
        #expect(positions["$.metadata.labels['app.kubernetes.io/name']"]?.prefix(2) == [7, 29])
        #expect(positions["$.spec.template.spec.containers[0].resources.limits.cpu"]?.prefix(2) == [36, 27])
    }

    @Test func standardInputWithAName() throws {
        let result = try PortcullisBinary.run(["parse", "-", "--stdin-filename", "piped/app.yaml"],
                                              stdin: "apiVersion: v1\nkind: Pod\nspec: [oops\n")
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("piped/app.yaml:4:1: error: "))
        let ok = try PortcullisBinary.run(["parse", "-"], stdin: "apiVersion: v1\nkind: Pod\n")
        #expect(ok.status == 0)
        #expect(ok.stdout == "{\"file\":\"<stdin>\",\"document\":0,\"resource\":{\"apiVersion\":\"v1\",\"kind\":\"Pod\"}}\n")
    }

    /// 100,000 nested sequences, let in by a raised --max-depth, are printed, not a stack overflow.
    @Test func printsVeryDeepDocuments() throws {
        let depth = 100_000
        let yaml = "apiVersion: v1\nkind: X\nspec:\n" + String(repeating: "- ", count: depth) + "x\n"
        let result = try PortcullisBinary.run(["parse", "-", "--max-depth", "200000"], stdin: yaml)
        #expect(result.status == 0, "\(result.stderr.prefix(300))")
        let expected = #"{"file":"<stdin>","document":0,"resource":{"apiVersion":"v1","kind":"X","spec":"#
            + String(repeating: "[", count: depth) + #""x""# + String(repeating: "]", count: depth) + "}}\n"
        #expect(result.stdout.count == expected.count)
        #expect(result.stdout == expected, "differs (not shown: 200 kB)")
    }

    @Test func goodFilesStillPrintWhenOthersFail() throws {
        let result = try PortcullisBinary.run(["parse", "fixtures/invalid/syntax-error.yaml", "fixtures/valid/deployment.yaml"])
        #expect(result.status == 2)
        #expect(try lines(result.stdout).count == 2)  // the Deployment and its PodDisruptionBudget
        #expect(result.stderr.contains("fixtures/invalid/syntax-error.yaml:8:19: error: mapping values are not allowed in this context [yaml.syntax]"))
    }

    static var pythonHasPyYAML: Bool { PortcullisBinary.pythonHas(module: "yaml") }

    /// `portcullis parse` against PyYAML over the real-world corpus: same values, same positions.
    @Test(.enabled(if: PortcullisBinary.sharedFolder != nil, "skipped: ../shared is absent (a user's clone has none)"),
          .enabled(if: pythonHasPyYAML, "skipped: python3 with PyYAML is not installed"))
    func agreesWithPyYAMLOnTheSharedCorpus() throws {
        let shared = try #require(PortcullisBinary.sharedFolder)
        let (status, output) = try PortcullisBinary.runScript("compare_with_pyyaml.py",
                                                              [PortcullisBinary.url.path, shared.appendingPathComponent("corpus").path])
        #expect(status == 0, "\(output)")
        #expect(output.contains(", 0 failed"), "\(output)")
        #expect(!output.contains("corpus: 0 passed"), "\(output)")
    }
}
