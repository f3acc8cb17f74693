import Foundation
import Testing

/// Issue 13 as a user meets it: the real binary, real files, each item's reproducer shrunk.
@Suite struct HardeningCLITests {
    static let latest = "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web, namespace: shop}\nspec:\n  template:\n    spec:\n      containers:\n        - name: web\n          image: nginx:latest\n"

    /// Runs the binary with standard output going to `stdoutPath` (a device, a file).
    static func run(_ arguments: [String], stdoutPath: String) throws -> (status: Int32, stderr: String) {
        let process = Process()
        process.environment = PortcullisBinary.environment
        process.executableURL = PortcullisBinary.url
        process.arguments = arguments
        process.currentDirectoryURL = PortcullisBinary.packageRoot
        process.standardOutput = try #require(FileHandle(forWritingAtPath: stdoutPath))
        let err = Pipe()
        process.standardError = err
        try process.run()
        let text = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, text)
    }

    static func type(_ path: String) -> FileAttributeType? {
        (try? FileManager.default.attributesOfItem(atPath: path))?[.type] as? FileAttributeType
    }

    /// Collection keys beside a merge key or a duplicate key: an input error in the report (exit
    /// 2), not a crash of the run.
    @Test func collectionKeysBesideAMergeKeyAreAnInputError() throws {
        let dir = try TemporaryFolder()
        try dir.write("merge.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x, labels: {<<: {}, ? [a] : 1, ? [b] : 2}}\n")
        try dir.write("duplicate.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: y, labels: {? [a] : 1, ? [b] : 2, k: 1, k: 2}}\n")
        let result = try PortcullisBinary.run(["check", "--no-config", dir.path])
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stdout.contains("merge.yaml") && result.stdout.contains("duplicate.yaml"), "\(result.stdout)")
        #expect(result.stdout.contains("duplicate key 'k'"), "\(result.stdout)")
    }

    // MARK: Item 1: report files never replace what is at the target

    @Test func outputToDevNullLeavesTheDevice() throws {
        let result = try PortcullisBinary.run(["check", "--no-config", "fixtures/violations", "--format", "json", "--output", "/dev/null",
                                               "--write-baseline", "/dev/null"])
        #expect(result.status == 0 || result.status == 1, "\(result.stderr)")
        #expect(Self.type("/dev/null") == .typeCharacterSpecial, "/dev/null must stay a character device (run as root: \(getuid() == 0))")
    }

    @Test func outputToAFIFOIsWrittenThrough() throws {
        let dir = try TemporaryFolder()
        let fifo = dir.path + "/report.fifo"
        #expect(mkfifo(fifo, 0o600) == 0)
        final class Box: @unchecked Sendable { var text = "" }
        let box = Box()
        // A blocking open: it waits for the writer, then reads to the end.
        let reader = Thread {
            let fd = open(fifo, O_RDONLY)
            guard fd >= 0 else { return }
            var bytes: [UInt8] = [], chunk = [UInt8](repeating: 0, count: 65536)
            while true {
                let n = read(fd, &chunk, chunk.count)
                if n <= 0 { break }
                bytes += chunk[0..<n]
            }
            _ = close(fd)
            box.text = String(decoding: bytes, as: UTF8.self)
        }
        reader.start()
        let result = try PortcullisBinary.run(["check", "--no-config", "fixtures/violations", "--format", "json", "--output", fifo])
        while reader.isExecuting || !reader.isFinished { usleep(1000) }
        #expect(result.status == 1, "\(result.stderr)")
        #expect(box.text.contains("\"findings\""))
        #expect(Self.type(fifo) == .typeUnknown || Self.type(fifo) != .typeRegular, "the FIFO stays a FIFO")
    }

    @Test func outputThroughASymlinkWritesItsTargetAndKeepsTheLinkAndMode() throws {
        let dir = try TemporaryFolder()
        try dir.write("real.json", "old")
        #expect(chmod(dir.path + "/real.json", 0o640) == 0)
        try FileManager.default.createSymbolicLink(atPath: dir.path + "/link.json", withDestinationPath: "real.json")
        let result = try PortcullisBinary.run(["check", "--no-config", "fixtures/violations", "--format", "json", "--output", dir.path + "/link.json"])
        #expect(result.status == 1, "\(result.stderr)")
        #expect(Self.type(dir.path + "/link.json") == .typeSymbolicLink || (try? FileManager.default.destinationOfSymbolicLink(atPath: dir.path + "/link.json")) == "real.json")
        #expect(try String(contentsOfFile: dir.path + "/real.json", encoding: .utf8).contains("\"findings\""))
        let mode = try FileManager.default.attributesOfItem(atPath: dir.path + "/real.json")[.posixPermissions] as? Int
        #expect(mode == 0o640)
    }

    @Test func outputThroughADanglingSymlinkCreatesItsTarget() throws {
        let dir = try TemporaryFolder()
        try FileManager.default.createSymbolicLink(atPath: dir.path + "/link.json", withDestinationPath: "reports/new.json")
        try FileManager.default.createDirectory(atPath: dir.path + "/reports", withIntermediateDirectories: true)
        let result = try PortcullisBinary.run(["check", "--no-config", "fixtures/violations", "--format", "json", "--output", dir.path + "/link.json"])
        #expect(result.status == 1, "\(result.stderr)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: dir.path + "/link.json") == "reports/new.json")
        #expect(try String(contentsOfFile: dir.path + "/reports/new.json", encoding: .utf8).contains("\"findings\""))
        try FileManager.default.createSymbolicLink(atPath: dir.path + "/loop.json", withDestinationPath: "loop.json")
        let loop = try PortcullisBinary.run(["check", "--no-config", "fixtures/violations", "--format", "json", "--output", dir.path + "/loop.json"])
        #expect(loop.status == 2)
        #expect(loop.stderr.contains("loop.json: cannot write the report: symbolic links form a loop"), "\(loop.stderr)")
    }

    // MARK: Item 2: documents per file

    @Test func documentsPastTheLimitAreALocatedError() throws {
        let text = String(repeating: "a: 1\n---\n", count: 30)
        let result = try PortcullisBinary.run(["check", "--no-config", "--max-documents", "10", "-"], stdin: text)
        #expect(result.status == 2)
        #expect(result.stdout.contains("<stdin>:20:1: error: more than 10 documents in this file; the rest of the file is not read [yaml.too-many-documents]"), "\(result.stdout)")
        #expect(result.stdout.components(separatedBy: "[manifest.missing-kind]").count - 1 == 10)
    }

    // MARK: Item 3: policy nesting

    @Test func deeplyNestedPolicyIsALocatedErrorNotACrash() throws {
        let dir = try TemporaryFolder()
        try dir.write("deep.policy", "policy \"t/deep\" {\n  match kind Pod\n  deny when " + String(repeating: "(", count: 5_000) + "true"
                      + String(repeating: ")", count: 5_000) + "\n}\n")
        let result = try PortcullisBinary.run(["check", "--no-config", "--policy", dir.path + "/deep.policy", "fixtures/valid"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("deep.policy:3:"), "\(result.stderr.prefix(500))")
        #expect(result.stderr.contains("nested deeper than 64 levels"))
        #expect(result.stderr.contains("[policy.too-deep]"))
        let raised = try PortcullisBinary.run(["check", "--no-config", "--max-policy-nesting", "10", "--policy", dir.path + "/deep.policy", "fixtures/valid"])
        #expect(raised.stderr.contains("nested deeper than 10 levels"))
    }

    // MARK: Item 4: parse --positions is bounded

    @Test func positionsOfAliasTowersStopAtTheOutputLimit() throws {
        var text = "l0: &l0 [x, y]\n"
        for level in 1...19 { text += "l\(level): &l\(level) [*l\(level - 1), *l\(level - 1)]\n" }
        let started = Date()
        let result = try PortcullisBinary.run(["parse", "--positions", "--max-nodes", "10000000", "--max-output-bytes", "200000", "--stdin-filename", "tower.yaml", "-"], stdin: text)
        #expect(Date().timeIntervalSince(started) < 60)
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("tower.yaml:1:1: error: document 1 would print more than 200000 bytes of JSON"), "\(result.stderr)")
        #expect(result.stderr.contains("[parse.output-too-large]"))
        let fine = try PortcullisBinary.run(["parse", "--positions", "fixtures/valid"])
        #expect(fine.status == 0)
    }

    // MARK: Item 6: parameters from the configuration are type-checked where they are written

    @Test func configuredParameterOfTheWrongTypeIsAnErrorAtItsLine() throws {
        let dir = try TemporaryFolder()
        try dir.write(".portcullis.yaml", "parameters:\n  min_prod_replicas: \"3\"\n")
        try dir.write("web.yaml", Self.latest)
        let result = try PortcullisBinary.run(["check", "web.yaml"], workingDirectory: URL(fileURLWithPath: dir.path))
        #expect(result.status == 2)
        #expect(result.stderr.contains(".portcullis.yaml:2:22: error: parameter 'min_prod_replicas' takes a number, not a text [config.invalid-parameter]"), "\(result.stderr)")
        let commandLine = try PortcullisBinary.run(["check", "--no-config", "--param", "min_prod_replicas=three", "web.yaml"], workingDirectory: URL(fileURLWithPath: dir.path))
        #expect(commandLine.status == 2)
    }

    // MARK: Item 7: patterns from parameters compile when set

    @Test func invalidPatternInAConfiguredParameterIsAnErrorAtItsLine() throws {
        let dir = try TemporaryFolder()
        try dir.write("p.policy", "param name_pattern = \"^[a-z]+$\"\npolicy \"t/name\" {\n  match kind Deployment\n  deny when not (metadata.name matches params.name_pattern)\n}\n")
        try dir.write(".portcullis.yaml", "policies: [p.policy]\nparameters:\n  name_pattern: \"web(\"\n")
        try dir.write("web.yaml", Self.latest)
        let result = try PortcullisBinary.run(["check", "web.yaml"], workingDirectory: URL(fileURLWithPath: dir.path))
        #expect(result.status == 2)
        #expect(result.stderr.contains(".portcullis.yaml:3:17: error: parameter 'name_pattern': invalid regular expression 'web(': missing closing parenthesis"), "\(result.stderr)")
    }

    // MARK: Item 8: lines after U+2028 / U+0085

    @Test(arguments: ["\u{2028}", "\u{85}"])
    func findingsAfterAnUnusualLineBreakPointAtTheirLine(_ separator: String) throws {
        let text = Self.latest.replacingOccurrences(of: "metadata: {name: web, namespace: shop}", with: "metadata: {name: web, namespace: shop, annotations: {note: \"a\(separator)b\"}}")
        let result = try PortcullisBinary.run(["check", "--no-config", "--only", "images/no-latest-tag", "--stdin-filename", "web.yaml", "-"], stdin: text)
        #expect(result.stdout.contains("web.yaml:9:18: error: "), "\(result.stdout)")
        #expect(result.stdout.contains("\n              image: nginx:latest\n"))
    }

    // MARK: Item 10: a failed write to standard output

    @Test func failedWriteToStandardOutputExits2() throws {
        let result = try Self.run(["check", "--no-config", "fixtures/violations"], stdoutPath: "/dev/full")
        #expect(result.status == 2)
        #expect(result.stderr.contains("error: cannot write to standard output: No space left on device [output.write-failed]"), "\(result.stderr)")
        let parse = try Self.run(["parse", "fixtures/valid"], stdoutPath: "/dev/full")
        #expect(parse.status == 2)
        let explain = try Self.run(["check", "--no-config", "--explain-plan"], stdoutPath: "/dev/full")
        #expect(explain.status == 2, "print() output too")
    }

    // MARK: Item 11: UTF-16 manifests

    @Test func utf16ManifestHonoursItsSuppressionsAndShowsReadableLines() throws {
        let dir = try TemporaryFolder()
        let text = Self.latest.replacingOccurrences(of: "image: nginx:latest", with: "image: nginx:latest  # portcullis:disable-line images/no-latest-tag -- pinned by the chart")
            .replacingOccurrences(of: "name: web,", with: "name: wéb,")
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in text.utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        FileManager.default.createFile(atPath: dir.path + "/u16.yaml", contents: Data(bytes))
        let result = try PortcullisBinary.run(["check", "--no-config", "--only", "images", dir.path + "/u16.yaml"])
        #expect(!result.stdout.contains("[images/no-latest-tag]"), "\(result.stdout)")
        #expect(!result.stdout.contains("suppression.unused"))
        #expect(result.stdout.contains("1 suppressed"), "\(result.stdout)")
        let parse = try PortcullisBinary.run(["parse", dir.path + "/u16.yaml"])
        #expect(parse.stdout.contains("\"name\":\"wéb\""))
    }

    // MARK: Item 12: two outputs naming one file

    @Test func twoOutputsNamingOneFileAreAUsageError() throws {
        let dir = try TemporaryFolder()
        let same = try PortcullisBinary.run(["check", "--no-config", "fixtures/valid", "--format", "json", "--output", dir.path + "/r",
                                             "--format", "sarif", "--output", dir.path + "/./r"])
        #expect(same.status == 2)
        #expect(same.stderr.contains("are the same file; each report needs a file of its own"), "\(same.stderr)")
        let baseline = try PortcullisBinary.run(["check", "--no-config", "fixtures/valid", "--format", "json", "--output", dir.path + "/r",
                                                 "--write-baseline", dir.path + "/r"])
        #expect(baseline.status == 2)
        #expect(!FileManager.default.fileExists(atPath: dir.path + "/r"))
        let devices = try PortcullisBinary.run(["check", "--no-config", "fixtures/valid", "--format", "json", "--output", "/dev/null",
                                                "--format", "sarif", "--output", "/dev/null"])
        #expect(devices.status == 0, "a device takes both: \(devices.stderr)")
    }

    // MARK: Item 13: waiver dates that do not exist

    @Test(arguments: [("2020-13-45", false), ("2024-02-30", false), ("9999-99-99", false), ("2023-02-29", false), ("0000-01-01", false),
                      ("2024-02-29", true), ("2099-12-31", true)])
    func waiverDatesMustExist(_ date: String, _ valid: Bool) throws {
        let dir = try TemporaryFolder()
        try dir.write(".portcullis.yaml", "waivers:\n  - policy: images\n    reason: r\n    owner: o\n    expires: \(date)\n")
        try dir.write("web.yaml", Self.latest)
        let result = try PortcullisBinary.run(["check", "web.yaml"], workingDirectory: URL(fileURLWithPath: dir.path))
        if valid {
            #expect(!result.stderr.contains("config.invalid-waiver"), "\(result.stderr)")
        } else {
            #expect(result.status == 2)
            #expect(result.stderr.contains(".portcullis.yaml:5:14: error: expires takes a date that exists, YYYY-MM-DD (not '\(date)') [config.invalid-waiver]"), "\(result.stderr)")
        }
    }

    // MARK: Item 14: terminal escapes from manifest values

    @Test func controlCharactersFromManifestsAreEscapedInText() throws {
        let dir = try TemporaryFolder()
        let text = Self.latest.replacingOccurrences(of: "- name: web", with: "- name: \"web\\e]0;owned\\a\\e[2J\\u202E\"")
        let result = try PortcullisBinary.run(["check", "--no-config", "--only", "images/no-latest-tag", "--color", "never", "--format", "text",
                                               "--format", "text", "--output", dir.path + "/r.txt", "--stdin-filename", "web.yaml", "-"], stdin: text)
        let file = try String(contentsOfFile: dir.path + "/r.txt", encoding: .utf8)
        for output in [result.stdout, file] {
            #expect(!output.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x202E }, "\(output)")
            #expect(output.contains("container 'web\\u{1B}]0;owned\\u{7}\\u{1B}[2J\\u{202E}'"), "\(output)")
        }
    }

    // MARK: Item 15: the small ones

    @Test func oversizeStandardInputDoesNotInventASize() throws {
        let result = try PortcullisBinary.run(["check", "--no-config", "--max-file-size", "100", "-"], stdin: String(repeating: "# padding\n", count: 10_000))
        #expect(result.status == 2)
        #expect(result.stdout.contains("<stdin>: error: input is over the limit of 100 bytes; not read [input.too-large]"), "\(result.stdout)")
    }

    @Test func parameterWithoutANameIsAUsageError() throws {
        let result = try PortcullisBinary.run(["check", "--no-config", "--param", "=x", "fixtures/valid"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("--param takes name=value; '=x' has no name."), "\(result.stderr)")
    }

    @Test func samePolicyFileTwiceIsReadOnce() throws {
        let dir = try TemporaryFolder()
        try dir.write("p.policy", "policy \"t/one\" {\n  match kind Deployment\n  deny when true\n}\n")
        let result = try PortcullisBinary.run(["check", "--no-config", "--policy", dir.path + "/p.policy", "--policy", dir.path + "/./p.policy",
                                               "--policy", dir.path, "fixtures/valid"])
        #expect(!result.stderr.contains("policy.duplicate-id"), "\(result.stderr)")
        #expect(result.status == 1)
    }

    @Test func laterDocumentsOfTheConfigurationAreAnError() throws {
        let dir = try TemporaryFolder()
        try dir.write(".portcullis.yaml", "fail-on: warning\n---\ndisable: [images]\n")
        try dir.write("web.yaml", Self.latest)
        let result = try PortcullisBinary.run(["check", "web.yaml"], workingDirectory: URL(fileURLWithPath: dir.path))
        #expect(result.status == 2)
        #expect(result.stderr.contains(".portcullis.yaml:3:1: error: the configuration is one YAML document"), "\(result.stderr)")
    }

    @Test func unknownPolicyNamesInTheConfigurationHaveTheirLine() throws {
        let dir = try TemporaryFolder()
        try dir.write(".portcullis.yaml", "enable:\n  - images/no-such-policy\nwaivers:\n  - policy: nope/nothing\n    reason: r\n    owner: o\n    expires: 2099-01-01\n")
        try dir.write("web.yaml", Self.latest)
        let result = try PortcullisBinary.run(["check", "web.yaml"], workingDirectory: URL(fileURLWithPath: dir.path))
        #expect(result.status == 2)
        #expect(result.stderr.contains(".portcullis.yaml:2:5: error: 'images/no-such-policy' names no policy and no pack"), "\(result.stderr)")
        try dir.write(".portcullis.yaml", "waivers:\n  - policy: nope/nothing\n    reason: r\n    owner: o\n    expires: 2099-01-01\n")
        let waiver = try PortcullisBinary.run(["check", "web.yaml"], workingDirectory: URL(fileURLWithPath: dir.path))
        #expect(waiver.stdout.contains(".portcullis.yaml:2:13: warning: the waiver names 'nope/nothing', which is no policy and no pack"), "\(waiver.stdout)")
    }

    // MARK: Item 5: deep documents through parse and check

    @Test func deepDocumentsThroughParseAndCheck() throws {
        let depth = 100_000
        let text = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: deep, namespace: x}\ndata:\n  a: " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "\n"
        let parse = try PortcullisBinary.run(["parse", "--max-depth", "200000", "-"], stdin: text)
        #expect(parse.status == 0, "\(parse.stderr.prefix(300))")
        #expect(parse.stdout.count > 2 * depth)
        // Positions: each path is as long as its node is deep, 15 GB in all: the output limit says so.
        let positions = try PortcullisBinary.run(["parse", "--max-depth", "200000", "--positions", "-"], stdin: text)
        #expect(positions.status == 2)
        #expect(positions.stderr.contains("[parse.output-too-large]"), "\(positions.stderr.prefix(300))")
        let check = try PortcullisBinary.run(["check", "--no-config", "--max-depth", "200000", "-"], stdin: text)
        #expect(check.status == 0 || check.status == 1, "\(check.stderr.prefix(300))")
    }

    // MARK: Offline and read-only

    static var canUnshareNetwork: Bool {
        let probe = Process()
        probe.executableURL = URL(fileURLWithPath: "/usr/bin/unshare")
        probe.arguments = ["-n", "true"]
        probe.standardError = FileHandle.nullDevice
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/unshare"), (try? probe.run()) != nil else { return false }
        probe.waitUntilExit()
        return probe.terminationStatus == 0
    }

    static var hasStrace: Bool { FileManager.default.isExecutableFile(atPath: "/usr/bin/strace") }

    /// In an empty network namespace (no interface but a down loopback), `check` gives the same
    /// report as outside it: it needs no network.
    @Test(.enabled(if: canUnshareNetwork, "skipped: unshare -n is not permitted here (needs root or user namespaces)"))
    func checkNeedsNoNetwork() throws {
        let outside = try PortcullisBinary.run(["check", "--no-config", "--format", "json", "fixtures/violations"])
        let process = Process()
        process.environment = PortcullisBinary.environment
        process.executableURL = URL(fileURLWithPath: "/usr/bin/unshare")
        process.arguments = ["-n", PortcullisBinary.url.path, "check", "--no-config", "--format", "json", "fixtures/violations"]
        process.currentDirectoryURL = PortcullisBinary.packageRoot
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let inside = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == outside.status)
        let strip = { (s: String) in s.replacingOccurrences(of: #""durationMilliseconds" *: *\d+"#, with: "", options: .regularExpression) }
        #expect(strip(inside) == strip(outside.stdout))
    }

    /// Every system call of a `check` (with reports and a baseline written elsewhere): no socket
    /// is made, and no input is opened for writing.
    @Test(.enabled(if: hasStrace, "skipped: strace is not installed"))
    func checkOpensNoSocketAndNoInputForWriting() throws {
        let dir = try TemporaryFolder()
        let log = dir.path + "/trace"
        let process = Process()
        process.environment = PortcullisBinary.environment
        process.executableURL = URL(fileURLWithPath: "/usr/bin/strace")
        process.arguments = ["-f", "-qq", "-e", "trace=socket,connect,sendto,open,openat,openat2,creat,truncate,ftruncate,rename,renameat,renameat2,unlink,unlinkat",
                             "-o", log, PortcullisBinary.url.path, "check", "fixtures", "--config", "fixtures/suppressed/.portcullis.yaml",
                             "--format", "sarif", "--output", dir.path + "/r.sarif", "--write-baseline", dir.path + "/b.json"]
        process.currentDirectoryURL = PortcullisBinary.packageRoot
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard let trace = try? String(contentsOfFile: log, encoding: .utf8), !trace.isEmpty else {
            Issue.record("strace wrote nothing (ptrace not permitted?)")
            return
        }
        let lines = trace.split(separator: "\n")
        #expect(!lines.contains { $0.contains("socket(") || $0.contains("connect(") }, "\(lines.filter { $0.contains("socket(") || $0.contains("connect(") })")
        let writes = lines.filter { ($0.contains("open") || $0.contains("creat(")) && ($0.contains("O_WRONLY") || $0.contains("O_RDWR") || $0.contains("O_CREAT") || $0.contains("O_TRUNC")) }
        let inputs = writes.filter { $0.contains("fixtures/") }
        #expect(inputs.isEmpty, "\(inputs)")
        #expect(writes.contains { $0.contains(dir.path) }, "the reports themselves were written: \(writes)")
        #expect(!lines.contains { ($0.contains("unlink") || $0.contains("rename") || $0.contains("truncate")) && $0.contains("fixtures/") })
    }
}
