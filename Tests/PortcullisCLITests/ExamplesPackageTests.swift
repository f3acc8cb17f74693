import Foundation
import Testing

/// Examples/ is a package of its own that uses the library as an embedder does (`import Portcullis`,
/// a dependency by path). This builds it and checks that its `validate-folder` agrees with the
/// command line, finding for finding and problem for problem.
@Suite struct ExamplesPackageTests {
    static let root = PortcullisBinary.packageRoot
    /// Inside .build: git-ignored, removed by `make clean`, and reused from run to run.
    static let scratch = root.appendingPathComponent(".build/examples")

    /// Builds Examples/ (the library again, in debug: about 40 s the first time on 2 cores, seconds after).
    @Test(.timeLimit(.minutes(20)))
    func validateFolderAgreesWithTheCommandLine() throws {
        try Self.forgetPathDependencyFileLists()
        let build = try Self.run(URL(fileURLWithPath: "/usr/bin/env"),
                                 ["swift", "build", "--package-path", Self.root.appendingPathComponent("Examples").path,
                                  "--scratch-path", Self.scratch.path])
        try #require(build.status == 0, "swift build of Examples/ failed:\n\(build.output)")

        // The example, run from the package root as a user would.
        let example = try Self.run(Self.scratch.appendingPathComponent("debug/validate-folder"), ["fixtures"])
        let exampleLines = example.stdout.split(separator: "\n").map(String.init).sorted()

        // The command line with the same policies: the built-in packs (their sources, policies/) plus
        // the example's inline policy, taken from its source and written to a file.
        let folder = try TemporaryFolder()
        try folder.write("team.policy", try Self.inlinePolicy())
        let cli = try PortcullisBinary.run(["check", "fixtures", "--format", "json", "--policy", "policies", "--policy", folder.path + "/team.policy"])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(cli.stdout.utf8)) as? [String: Any], "\(cli.stderr)")
        let findings = try #require(report["findings"] as? [[String: Any]])
        let diagnostics = try #require(report["diagnostics"] as? [[String: Any]])
        let cliLines = (findings.filter { $0["suppression"] == nil }.map { Self.line($0, id: "policy") }
            + diagnostics.map { Self.line($0, id: "id") }).sorted()

        let onlyExample = exampleLines.filter { !cliLines.contains($0) }, onlyCLI = cliLines.filter { !exampleLines.contains($0) }
        let agree = exampleLines == cliLines
        #expect(agree, "only from validate-folder: \(onlyExample)\nonly from portcullis check: \(onlyCLI)\nvalidate-folder's stderr: \(example.stderr)")
        #expect(exampleLines.contains { $0.hasSuffix("[team/configmap-owner]") }, "the inline policy took part")
        #expect(exampleLines.contains { $0.hasSuffix("[images/no-latest-tag]") }, "the built-in packs took part")
        #expect(example.status == cli.status && example.status == 2, "input errors in fixtures/invalid make both exit 2")

        // A clean folder: exit 0 and nothing printed; no argument: usage, exit 2.
        let clean = try Self.run(Self.scratch.appendingPathComponent("debug/validate-folder"), ["fixtures/cross-document"])
        #expect(clean.status == 0 && clean.stdout.isEmpty, "\(clean.stdout)\(clean.stderr)")
        let usage = try Self.run(Self.scratch.appendingPathComponent("debug/validate-folder"), [])
        #expect(usage.status == 2 && usage.stderr.contains("usage:"))
    }

    /// `file:line:column: severity: message [policy or id]` from a JSON report entry, as
    /// `Finding.description` and `Diagnostic.description` print it.
    static func line(_ entry: [String: Any], id key: String) -> String {
        var location = ""
        if let file = entry["file"] as? String {
            location = file
            if let line = entry["line"] as? Int, let column = entry["column"] as? Int { location += ":\(line):\(column)" }
            location += ": "
        }
        return "\(location)\(entry["severity"] ?? ""): \(entry["message"] ?? "") [\(entry[key] ?? "")]"
    }

    /// The text of `let teamPolicy = """ … """` in the example's source, its indentation removed.
    static func inlinePolicy() throws -> String {
        let source = try String(contentsOf: root.appendingPathComponent("Examples/Sources/validate-folder/main.swift"), encoding: .utf8)
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
        let start = try #require(lines.firstIndex { $0.hasPrefix("let teamPolicy = \"\"\"") }, "no `let teamPolicy = \"\"\"` in the example")
        let end = try #require(lines[(start + 1)...].firstIndex { $0.trimmingCharacters(in: .whitespaces) == "\"\"\"" })
        let indent = lines[end].prefix { $0 == " " }.count
        return lines[(start + 1)..<end].map { String($0.dropFirst(min(indent, $0.prefix { $0 == " " }.count))) }.joined(separator: "\n") + "\n"
    }

    /// SwiftPM plans a path dependency's source files once and keeps that plan: without this, a file
    /// added to Sources/Portcullis later would not be compiled into the example (as in `make bench`).
    static func forgetPathDependencyFileLists() throws {
        let files = FileManager.default
        guard files.fileExists(atPath: scratch.path) else { return }
        var stale = [scratch.appendingPathComponent("build.db")]
        for entry in try files.contentsOfDirectory(atPath: scratch.path) {
            stale.append(scratch.appendingPathComponent(entry).appendingPathComponent("debug/description.json"))
        }
        for url in stale where files.fileExists(atPath: url.path) { try files.removeItem(at: url) }
    }

    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
        var output: String { stdout + stderr }
    }

    /// Runs a program from the package root, both pipes read to the end concurrently.
    static func run(_ executable: URL, _ arguments: [String]) throws -> Output {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = root
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        nonisolated(unsafe) var errData = Data()
        let errThread = Thread { errData = err.fileHandleForReading.readDataToEndOfFile() }
        errThread.start()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        while !errThread.isFinished { usleep(1000) }
        return Output(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }
}
