import Foundation
@testable import Portcullis
import Testing

/// A run keeps the lines its text report shows as each file's bytes go, so the report reads no
/// file a second time: shown here by removing the files between the check and the report. That
/// holds for the findings of the cross-document rules too, made after the file's bytes went.
@Suite struct KeptLinesRunTests {
    static let deployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: shop}
        spec:
          replicas: 3
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              containers:
                - name: web
                  image: nginx:latest

        """

    @Test(arguments: [0, 8])
    func theReportShowsKeptLinesOfFilesGoneSinceTheCheck(wholeRunFileLimit: Int) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("portcullis-kept-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let paths = (0..<2).map { "\(folder)/web-\($0).yaml" }
        for path in paths { try Self.deployment.write(toFile: path, atomically: true, encoding: .utf8) }
        var options = ValidationOptions()
        options.wholeRunFileLimit = wholeRunFileLimit  // 0: copies and two passes, as in a large run
        let result = Validator(policies: try PolicySet.compile([.builtin]).get(), options: options).validate(paths: paths)
        #expect(result.findings.contains { $0.policyID == "images/no-latest-tag" })
        #expect(result.findings.contains { $0.policyID == "reliability/pdb-required" })
        for path in paths { try FileManager.default.removeItem(atPath: path) }
        let report = Report(format: .text, quiet: true).render(result)
        // First-pass findings (a whole run has only those) keep their excerpts.
        for path in paths {
            #expect(report.contains("\(path):12:18: error: container 'web' uses floating image 'nginx:latest' [images/no-latest-tag]\n"
                + "    " + "          image: nginx:latest" + "\n    " + String(repeating: " ", count: 17) + "^"))
        }
        // The cross-document finding points at `replicas: 3`: kept in a whole run, which makes
        // every finding before the bytes go, and in a run of two passes, whose second pass works
        // on copies, as one of the lines the lookup rules' findings can point at
        // (`CrossDocumentProjection.FindingLines`).
        #expect(report.contains(":5:13: warning: Deployment 'web' has 3 replicas but no PodDisruptionBudget selects its pods [reliability/pdb-required]\n"
            + "    " + "  replicas: 3" + "\n    " + String(repeating: " ", count: 12) + "^"))
    }
}
