import Foundation
import Testing

/// Paths in `.portcullis.yaml` mean the same from any working directory, and the run's own output
/// files are never read as inputs: the real binary on real files.
@Suite struct ConfigurationPathTests {
    static let pod = """
        apiVersion: v1
        kind: Pod
        metadata: {name: web, namespace: shop}
        spec:
          containers:
            - name: web
              image: nginx:latest
        """

    @Test func aWaiverPathIsRelativeToTheConfigurationFileWhereverTheRunStarts() throws {
        let dir = try TemporaryFolder()
        try FileManager.default.createDirectory(atPath: dir.path + "/apps/legacy", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: dir.path + "/team", withIntermediateDirectories: true)
        try dir.write("apps/legacy/pod.yaml", Self.pod)
        try dir.write("team/owner.policy", """
            policy "team/no-web-name" {
              severity error
              match kind Pod
              deny when metadata.name == "web"
              message "a pod called web"
              at metadata.name
            }
            """)
        try dir.write(".portcullis.yaml", """
            policies: [team/]
            waivers:
              - policy: team/no-web-name
                path: /apps/legacy/**
                reason: the legacy app keeps its name
                owner: team-legacy
                expires: 2999-12-31
            """)
        for cwd in [dir.path, dir.path + "/apps", dir.path + "/apps/legacy"] {
            let target = cwd == dir.path ? "apps" : "."
            let run = try PortcullisBinary.run(["check", "--format", "json", target], workingDirectory: URL(fileURLWithPath: cwd))
            #expect(run.status == 0, "from \(cwd): \(run.stderr) \(run.stdout)")
            let report = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
            let findings = report["findings"] as? [[String: Any]] ?? []
            #expect(findings.count == 1, "from \(cwd): the policy from team/ runs")
            #expect(findings.first?["suppression"] != nil, "from \(cwd): the waiver applies")
            let diagnostics = report["diagnostics"] as? [[String: Any]] ?? []
            #expect(!diagnostics.contains { $0["id"] as? String == "suppression.unused" }, "from \(cwd)")
        }
    }

    @Test func reportsAndBaselinesOfTheRunAreNotInputs() throws {
        let dir = try TemporaryFolder()
        try dir.write("app.yaml", Self.pod)
        let cwd = URL(fileURLWithPath: dir.path)
        let arguments = ["check", ".", "--only", "images/no-latest-tag", "--format", "json", "--output", "report.json",
                         "--format", "sarif", "--output", "report.sarif.json", "--write-baseline", "baseline.json"]
        let first = try PortcullisBinary.run(arguments, workingDirectory: cwd)
        #expect(first.status == 0, "\(first.stderr)")
        let second = try PortcullisBinary.run(arguments, workingDirectory: cwd)
        #expect(second.status == 0, "\(second.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: dir.path + "/report.json"))) as? [String: Any])
        #expect((report["summary"] as? [String: Any])?["files"] as? Int == 1, "only app.yaml is read: \(report["summary"] ?? "")")
        #expect((report["diagnostics"] as? [Any])?.isEmpty == true)
        let baselined = try PortcullisBinary.run(["check", ".", "--only", "images/no-latest-tag", "--baseline", "baseline.json", "--format", "json",
                                                  "--output", "report.json"], workingDirectory: cwd)
        #expect(baselined.status == 0, "the baseline holds the finding, and is not read as a manifest: \(baselined.stderr)")
    }

    @Test func outputDashIsStandardOutput() throws {
        let run = try PortcullisBinary.run(["check", "--format", "json", "--output", "-", "--only", "images/no-latest-tag", "-"], stdin: Self.pod)
        #expect(run.status == 1)
        #expect(run.stdout.hasPrefix("{"))
    }
}

@Suite struct StandardInputNameTests {
    /// `--stdin-filename NAME` is the artifact's URI in SARIF, whatever folder the run starts in.
    @Test func sarifNamesStandardInputAsGiven() throws {
        let dir = try TemporaryFolder()
        try FileManager.default.createDirectory(atPath: dir.path + "/.git/x", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: dir.path + "/sub", withIntermediateDirectories: true)
        let run = try PortcullisBinary.run(["check", "--format", "sarif", "--only", "images/no-latest-tag", "-", "--stdin-filename", "overlays/prod/app.yaml"],
                                           stdin: ConfigurationPathTests.pod, workingDirectory: URL(fileURLWithPath: dir.path + "/sub"))
        #expect(run.status == 1)
        let sarif = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let result = try #require(((sarif["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]])?.first)
        let location = ((result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])?["artifactLocation"] as? [String: Any]
        #expect(location?["uri"] as? String == "overlays/prod/app.yaml")
        #expect(location?["uriBaseId"] as? String == "%SRCROOT%")
    }
}
