import Foundation
import Testing

/// What a run leaves out of its inputs, as a user meets it: paths the configuration excludes
/// (relative to its folder) and the run's own report and baseline, written among the files it
/// checks. The comparison data is made once per run (`Validator.ignoredInputs`), not per file.
@Suite struct InputExclusionCLITests {
    static func folder() throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        try FileManager.default.createDirectory(atPath: folder.path + "/generated", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: folder.path + "/app", withIntermediateDirectories: true)
        try folder.write("generated/bad.yaml", HardeningCLITests.latest)
        try folder.write("app/web.yaml", HardeningCLITests.latest)
        try folder.write(".portcullis.yaml", "exclude:\n  - \"generated/**\"\n")
        return folder
    }

    @Test func theConfigurationsExcludesAreLeftOut() throws {
        let folder = try Self.folder()
        let url = URL(fileURLWithPath: folder.path)
        let configured = try PortcullisBinary.run(["check", ".", "--format", "json"], workingDirectory: url)
        #expect(configured.status == 1, "\(configured.stderr)")
        #expect(configured.stdout.contains("app/web.yaml"))
        #expect(!configured.stdout.contains("generated/bad.yaml"))
        let unconfigured = try PortcullisBinary.run(["check", ".", "--no-config", "--format", "json"], workingDirectory: url)
        #expect(unconfigured.stdout.contains("generated/bad.yaml"), "the same tree without the configuration reports the file")
    }

    @Test func theRunsOwnReportAndBaselineAreNotCheckedAgain() throws {
        let folder = try Self.folder()
        let url = URL(fileURLWithPath: folder.path)
        let arguments = ["check", ".", "--no-config", "--format", "json", "--output", "./report.json", "--write-baseline", "baseline.json"]
        // Writing a baseline accepts the findings: status 0.
        let first = try PortcullisBinary.run(arguments, workingDirectory: url)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(FileManager.default.fileExists(atPath: folder.path + "/baseline.json"))
        // Both files now lie among the inputs; the second run must not read them as manifests.
        let second = try PortcullisBinary.run(arguments, workingDirectory: url)
        #expect(second.status == 0, "\(second.stderr)")
        let report = try String(contentsOfFile: folder.path + "/report.json", encoding: .utf8)
        #expect(report.contains("app/web.yaml"))
        #expect(!report.contains("report.json") && !report.contains("baseline.json"), "\(report.prefix(400))")
        #expect(!second.stderr.contains("report.json") && !second.stderr.contains("baseline.json"), "\(second.stderr)")
        // The control: a run that writes neither reads both as inputs, and says so.
        let other = try PortcullisBinary.run(["check", ".", "--no-config", "--format", "json"], workingDirectory: url)
        #expect(other.stdout.contains("report.json") && other.stdout.contains("baseline.json"), "\(other.stdout.prefix(400))")
    }
}
