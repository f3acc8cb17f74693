import Foundation
import Portcullis
import Testing

/// Suppressions, waivers, baselines and the configuration file through the library.
@Suite struct SuppressionAndConfigurationTests {
    static let onlyLatest = PolicyOptions(only: ["images/no-latest-tag"])

    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("portcullis-api-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func aDirectiveInsideABlockScalarOrAStringIsText() throws {
        let policies = try PolicySet.compile([.builtin], options: Self.onlyLatest).get()
        let manifest = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: p
              annotations:
                note: |
                  # portcullis:disable-file images -- this is text inside a block scalar
                quoted: "a # portcullis:disable-file images -- text in a string"
            spec:
              containers:
                - name: c
                  image: nginx:latest
            """
        let result = Validator(policies: policies).validate(yaml: manifest, name: "p.yaml")
        #expect(result.activeFindings.map(\.policyID) == ["images/no-latest-tag"])
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        // The same directive as a comment suppresses.
        let commented = manifest.replacingOccurrences(of: "spec:\n", with: "# portcullis:disable-file images -- a real comment\nspec:\n")
        let suppressed = Validator(policies: policies).validate(yaml: commented, name: "p.yaml")
        #expect(suppressed.activeFindings.isEmpty)
        #expect(suppressed.findings.first?.suppression?.justification == "a real comment")
        #expect(suppressed.suppressedCount == 1)
    }

    @Test func waiverPathsAreRelativeToTheConfigurationFolder() throws {
        let root = try Self.folder()
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("apps/legacy"), withIntermediateDirectories: true)
        try """
            apiVersion: v1
            kind: Pod
            metadata: {name: old, namespace: legacy}
            spec: {containers: [{name: c, image: "nginx:latest"}]}
            """.write(to: root.appendingPathComponent("apps/legacy/pod.yaml"), atomically: true, encoding: .utf8)
        try """
            waivers:
              - policy: images/no-latest-tag
                path: /apps/legacy/**
                reason: vendor image
                owner: team-a
                expires: 2999-01-01
            """.write(to: root.appendingPathComponent(".portcullis.yaml"), atomically: true, encoding: .utf8)
        let configuration = try Configuration.load(root.appendingPathComponent(".portcullis.yaml").path)
        #expect(configuration.folder == root.standardizedFileURL.path)
        let policies = try PolicySet.compile([.builtin], options: Self.onlyLatest).get()
        let result = Validator(policies: policies, options: ValidationOptions(configuration: configuration))
            .validate(paths: [root.appendingPathComponent("apps/legacy").path])
        #expect(result.findings.count == 1)
        #expect(result.activeFindings.isEmpty)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
    }

    @Test func configurationProblemsNameLineAndColumn() throws {
        #expect {
            try Configuration.load(text: "enable: [a]\nunknown: 1\n", path: "/tmp/x/.portcullis.yaml")
        } throws: { error in
            (error as? ConfigurationError)?.diagnostics.first?.description.hasPrefix("/tmp/x/.portcullis.yaml:2:1: error: unknown key 'unknown'") == true
        }
        let configuration = try Configuration.load(text: "policies: [team/]\noutput: {sarif: out/report.sarif}\n", path: "/srv/repo/.portcullis.yaml")
        #expect(configuration.policyPaths == ["/srv/repo/team"])
        #expect(configuration.outputs[.sarif] == "/srv/repo/out/report.sarif")
    }

    @Test func aBaselineNeverRecordsAnExpiredWaiver() throws {
        let policies = try PolicySet.compile([.builtin], options: Self.onlyLatest).get()
        var options = ValidationOptions()
        options.waivers = [Waiver(policies: ["images"], reason: "old", owner: "me", expires: "2001-01-01")]
        let manifest = "apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: n}\nspec: {containers: [{name: c, image: nginx}]}\n"
        let result = Validator(policies: policies, options: options).validate(yaml: manifest)
        #expect(Set(result.findings.map(\.policyID)) == ["images/no-latest-tag", "portcullis/expired-waiver"])
        #expect(result.baseline.findings.map(\.policy) == ["images/no-latest-tag"])
        options.baseline = result.baseline
        let again = Validator(policies: policies, options: options).validate(yaml: manifest)
        #expect(again.activeFindings.map(\.policyID) == ["portcullis/expired-waiver"])
        #expect(again.baselineMatches == 1)
    }
}
