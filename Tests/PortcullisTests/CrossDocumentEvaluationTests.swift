import Foundation
import Portcullis
import Testing

/// A run evaluates cross-document rules last, on documents cut down to what those rules read
/// (`CrossDocumentProjection`); every other rule meets a document as soon as its file is loaded.
/// The verdicts must be those of loading every file whole and evaluating everything against it all,
/// which `validate(files:)` (held in memory) still does.
@Suite struct CrossDocumentEvaluationTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Every YAML and JSON file under `folder`, as names and bytes, in path order.
    static func files(under folder: URL) throws -> [(name: String, bytes: [UInt8])] {
        let enumerator = try #require(FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil))
        var found: [(String, [UInt8])] = []
        for case let url as URL in enumerator where ["yaml", "yml", "json"].contains(url.pathExtension) {
            found.append((url.path, Array(try Data(contentsOf: url))))
        }
        return found.sorted { $0.0 < $1.0 }
    }

    @Test(arguments: [false, true])
    func projectedRunsFindWhatWholeDocumentsFind(allPolicies: Bool) throws {
        let policies = try PolicySet.compile([.builtin], options: PolicyOptions(all: allPolicies)).get()
        #expect(policies.looksAcrossDocuments)
        let folder = Self.root.appendingPathComponent("fixtures")
        // GitOps folders are left out: a run reads a kustomization's patches as patches, not resources.
        let files = try Self.files(under: folder).filter { !$0.name.contains("/gitops") }
        let validator = Validator(policies: policies)
        let streamed = validator.validate(paths: files.map(\.name))
        let whole = validator.validate(files: files)
        #expect(streamed.findings.count > 50)
        let a = streamed.findings.map { "\($0.description) \($0.jsonPath) \($0.isSuppressed)" }
        let b = whole.findings.map { "\($0.description) \($0.jsonPath) \($0.isSuppressed)" }
        #expect(a.filter { !b.contains($0) } == [])
        #expect(b.filter { !a.contains($0) } == [])
        #expect(a == b)
        #expect(Report(format: .json).render(streamed).count > 0)
        // Cross-document findings are among them, suppressed ones too (their annotations are kept).
        #expect(streamed.findings.contains { $0.policyID == "reliability/pdb-required" })
        #expect(streamed.findings.contains { $0.policyID == "reliability/pdb-required" && $0.isSuppressed })
    }
}
