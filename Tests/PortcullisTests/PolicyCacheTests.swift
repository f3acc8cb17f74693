import Foundation
import Portcullis
import Testing

/// The compiled-policy cache: a second compilation with the same policy files and options loads
/// the graph the first one stored, and finds exactly what compiling finds; anything that decides
/// the graph makes another entry; damaged entries, unwritable folders and compilations that
/// reported something never change a result.
@Suite struct PolicyCacheTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A team's policy (the library tests' own).
    static let ownerPolicy = LibraryTests.teamPolicy

    static let manifests = """
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: settings, namespace: shop}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: web, namespace: shop}
        spec:
          containers:
            - name: web
              image: docker.io/library/nginx:1.27
              resources: {limits: {cpu: 100m, memory: 64Mi}, requests: {cpu: 50m, memory: 32Mi}}
        """

    /// A folder of this test's own under the system's temporary folder.
    static func scratchFolder() throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("portcullis-cache-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url.path
    }

    static func entries(in folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".graph") }.sorted()
    }

    static func findings(_ policies: PolicySet, yaml: String = manifests) -> [String] {
        Validator(policies: policies).validate(yaml: yaml, name: "app.yaml").findings.map(\.description)
    }

    @Test func aSecondCompilationLoadsTheGraphTheFirstStored() throws {
        let folder = try Self.scratchFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let cache = PolicyCache(folder: folder)
        let options = PolicyOptions(disable: ["reliability"], parameters: ["allowed_images": ["ghcr.io/acme/*"]])
        let compiled = try PolicySet.compile([.builtin], options: options).get()
        let first = try PolicySet.compile([.builtin], options: options, cache: cache).get()
        let stored = Self.entries(in: folder)
        #expect(stored.count == 1)

        // The entry holds the graph: loading it by its key gives a graph, and compiling again
        // leaves the entry as it was (not written again).
        let key = try #require(PolicyCacheKey(files: PolicySet.builtinFiles(), options: options))
        #expect(stored == [key.fileName])
        let written = try FileManager.default.attributesOfItem(atPath: folder + "/" + stored[0])[.modificationDate] as? Date
        let second = try PolicySet.compile([.builtin], options: options, cache: cache).get()
        #expect(try FileManager.default.attributesOfItem(atPath: folder + "/" + stored[0])[.modificationDate] as? Date == written)

        for policies in [first, second] {
            #expect(policies.planDescription == compiled.planDescription)
            #expect(policies.policies.map { String(describing: $0) } == compiled.policies.map { String(describing: $0) })
            #expect(Self.findings(policies) == Self.findings(compiled))
        }
        #expect(Self.findings(second).contains { $0.contains("[images/allowed-images]") })
        let fixtures = Self.root.appendingPathComponent("fixtures").path
        let a = Validator(policies: second).validate(paths: [fixtures]), b = Validator(policies: compiled).validate(paths: [fixtures])
        #expect(a.findings.count > 20)
        #expect(Report(format: .sarif).render(a) == Report(format: .sarif).render(b))
    }

    @Test func everythingThatDecidesTheGraphIsAnotherEntry() throws {
        let folder = try Self.scratchFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let cache = PolicyCache(folder: folder)
        let allowAcme = PolicyOptions(parameters: ["allowed_images": ["ghcr.io/acme/*"]])
        let allowDocker = PolicyOptions(parameters: ["allowed_images": ["docker.io/*"]])
        let acme = try PolicySet.compile([.builtin], options: allowAcme, cache: cache).get()
        let docker = try PolicySet.compile([.builtin], options: allowDocker, cache: cache).get()
        #expect(Self.entries(in: folder).count == 2)
        // Loaded again, each finds what its own parameters say.
        let acmeAgain = try PolicySet.compile([.builtin], options: allowAcme, cache: cache).get()
        let dockerAgain = try PolicySet.compile([.builtin], options: allowDocker, cache: cache).get()
        #expect(Self.findings(acmeAgain) == Self.findings(acme))
        #expect(Self.findings(dockerAgain) == Self.findings(docker))
        #expect(Self.findings(acmeAgain).contains { $0.contains("[images/allowed-images]") })
        #expect(!Self.findings(dockerAgain).contains { $0.contains("[images/allowed-images]") })

        // A policy file changed to the same size: another entry, and the new text's result.
        let warning = [PolicySource.text(Self.ownerPolicy, name: "team.policy")]
        let error = [PolicySource.text(Self.ownerPolicy.replacingOccurrences(of: "severity warning", with: "severity error  "), name: "team.policy")]
        let asWarning = try PolicySet.compile(warning, options: .defaults, cache: cache).get()
        let asError = try PolicySet.compile(error, options: .defaults, cache: cache).get()
        #expect(Self.entries(in: folder).count == 4)
        #expect(try PolicySet.compile(warning, options: .defaults, cache: cache).get().policy(id: "team/owner-label")?.severity == .warning)
        #expect(try PolicySet.compile(error, options: .defaults, cache: cache).get().policy(id: "team/owner-label")?.severity == .error)
        #expect(asWarning.policy(id: "team/owner-label")?.severity == .warning && asError.policy(id: "team/owner-label")?.severity == .error)

        // A caller's text named like a built-in file is no built-in file: its bytes decide too.
        let named = "builtin:team/owner.policy"
        let asWarningNamed = try PolicySet.compile([.text(Self.ownerPolicy, name: named)], options: .defaults, cache: cache).get()
        let asErrorNamed = try PolicySet.compile([.text(Self.ownerPolicy.replacingOccurrences(of: "severity warning", with: "severity error  "), name: named)],
                                                 options: .defaults, cache: cache).get()
        #expect(asWarningNamed.policy(id: "team/owner-label")?.severity == .warning)
        #expect(asErrorNamed.policy(id: "team/owner-label")?.severity == .error)
        #expect(Self.entries(in: folder).count == 6)

        // Selections, severities and limits are in the key; so is the build that compiled it.
        let files = PolicySet.builtinFiles()
        let base = try #require(PolicyCacheKey(files: files, options: allowAcme))
        var variants = [PolicyOptions(only: ["images"]), PolicyOptions(only: []), PolicyOptions(enable: ["images/digest-pinned"]),
                        PolicyOptions(disable: ["images"]), PolicyOptions(all: true), PolicyOptions(severities: ["images": .info]),
                        PolicyOptions(parameterTexts: ["allowed_images": "ghcr.io/acme/*"])]
        var limited = allowAcme
        limited.regexMatchLimit = 5_000
        variants.append(limited)
        var shallow = allowAcme
        shallow.maxNesting = 12
        variants.append(shallow)
        let names = try variants.map { try #require(PolicyCacheKey(files: files, options: $0)).fileName }
        #expect(Set(names + [base.fileName]).count == variants.count + 1)
        #expect(PolicyCacheKey(files: files, options: allowAcme, build: "another build")?.fileName != base.fileName)
        #expect(PolicyCacheKey(files: files, options: allowAcme, build: nil) == nil)
    }

    @Test func aDamagedEntryIsCompiledAgainAndReplaced() throws {
        let folder = try Self.scratchFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let cache = PolicyCache(folder: folder)
        let options = PolicyOptions(only: ["images", "pod-security-baseline"])
        let expected = Self.findings(try PolicySet.compile([.builtin], options: options).get())
        _ = try PolicySet.compile([.builtin], options: options, cache: cache).get()
        let entry = folder + "/" + Self.entries(in: folder)[0]
        let good = try Data(contentsOf: URL(fileURLWithPath: entry))
        // A constant and a message changed inside the graph still decode: the checksum refuses them.
        let latest = try #require(Self.range(of: Array("latest".utf8), in: Array(good)))
        var constant = good
        constant[latest.lowerBound + 1] = UInt8(ascii: "x")
        let floating = try #require(Self.range(of: Array("floating image".utf8), in: Array(good)))
        var message = good
        message[floating.lowerBound] = UInt8(ascii: "F")
        let damaged: [Data] = [
            Data(), Data("not a cache entry".utf8), good.prefix(good.count / 2), good.prefix(40),
            good.prefix(good.count - 300) + Data(repeating: 0x41, count: 300),  // the key intact, the graph not
            Data(good.map { $0 == UInt8(ascii: "e") ? UInt8(ascii: "f") : $0 }),
            constant, message,
        ]
        for bytes in damaged {
            try bytes.write(to: URL(fileURLWithPath: entry))
            let policies = try PolicySet.compile([.builtin], options: options, cache: cache).get()
            #expect(Self.findings(policies) == expected)
            #expect(try Data(contentsOf: URL(fileURLWithPath: entry)) == good, "the damaged entry is written anew")
        }
    }

    static func range(of needle: [UInt8], in bytes: [UInt8]) -> Range<Int>? {
        guard bytes.count >= needle.count else { return nil }
        for start in 0...(bytes.count - needle.count) where bytes[start..<(start + needle.count)].elementsEqual(needle) {
            return start..<(start + needle.count)
        }
        return nil
    }

    @Test func aRelativeFolderIsTakenFromTheCurrentDirectory() {
        let cache = PolicyCache(folder: "some/cache")
        #expect(cache.folder == FileManager.default.currentDirectoryPath + "/some/cache")
        #expect(PolicyCache(folder: "/abs").folder == "/abs")
    }

    @Test func theBuildIDIsTheLinkers() throws {
        // The test process's own build ID, as readelf shows it (skipped without readelf).
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/readelf") else {
            print("skipped: /usr/bin/readelf is not installed")
            return
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/readelf")
        process.arguments = ["-n", "/proc/self/exe".replacingOccurrences(of: "self", with: String(getpid()))]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let line = text.split(separator: "\n").first { $0.contains("Build ID:") }
        let expected = line.map { String($0.split(separator: ":").last!.trimmingCharacters(in: .whitespaces)) }
        #expect(ExecutableBuildID.current == expected)
        #expect(expected != nil, "the test binary has a build ID")
    }

    @Test func compilationsThatReportAnythingAreNotKept() throws {
        let folder = try Self.scratchFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let cache = PolicyCache(folder: folder)
        // A warning (an unused loop variable): compiled, reported, and compiled again next time.
        let unused = Self.ownerPolicy.replacingOccurrences(of: "match kind ConfigMap", with: "match kind ConfigMap\n  for item in metadata.labels")
        let warned = PolicySet.compile([.text(unused, name: "team.policy")], options: .defaults, cache: cache)
        #expect(warned.policySet != nil && warned.diagnostics.contains { $0.severity == .warning })
        let again = PolicySet.compile([.text(unused, name: "team.policy")], options: .defaults, cache: cache)
        #expect(again.diagnostics.map(\.description) == warned.diagnostics.map(\.description))
        // An error: nothing to keep.
        let failed = PolicySet.compile([.builtin], options: PolicyOptions(disable: ["no-such-pack"]), cache: cache)
        #expect(failed.policySet == nil)
        #expect(Self.entries(in: folder).isEmpty)
    }

    @Test func theOldestEntriesGoBeyondTheCapacity() throws {
        let folder = try Self.scratchFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let cache = PolicyCache(folder: folder, capacity: 2)
        var names: [String] = []
        for pack in ["images", "pod-security-baseline", "resources"] {
            let options = PolicyOptions(only: [pack])
            _ = try PolicySet.compile([.builtin], options: options, cache: cache).get()
            names.append(try #require(PolicyCacheKey(files: PolicySet.builtinFiles(), options: options)).fileName)
            Thread.sleep(forTimeInterval: 0.01)  // distinct modification times
        }
        #expect(Self.entries(in: folder) == Array(names.suffix(2)).sorted())
    }

    @Test func aFolderThatCannotBeMadeIsNoError() throws {
        let folder = try Self.scratchFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Data("a file".utf8).write(to: URL(fileURLWithPath: folder + "/file"))
        let cache = PolicyCache(folder: folder + "/file/cache")
        let options = PolicyOptions(only: ["images"])
        let policies = try PolicySet.compile([.builtin], options: options, cache: cache).get()
        #expect(Self.findings(policies) == Self.findings(try PolicySet.compile([.builtin], options: options).get()))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["file"])
    }

    @Test func entriesAreReadOnlyFromAFolderOthersCannotWriteTo() throws {
        let folder = try Self.scratchFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let cache = PolicyCache(folder: folder)
        let strict = PolicyOptions(parameters: ["allowed_images": ["ghcr.io/acme/*"]])
        let strictKey = try #require(PolicyCacheKey(files: PolicySet.builtinFiles(), options: strict))
        let openKey = try #require(PolicyCacheKey(files: PolicySet.builtinFiles(), options: PolicyOptions(only: ["images"])))
        _ = try PolicySet.compile([.builtin], options: PolicyOptions(only: ["images"]), cache: cache).get()
        // Planted under the strict options' key: the graph of `--only images` with no allow list.
        let openEntry = try Data(contentsOf: URL(fileURLWithPath: cache.path(for: openKey)))
        let graph = try #require(PolicyCache.graphStart(in: Array(openEntry), key: openKey))
        var planted = Array("portcullis-policy-cache-1\n".utf8)
        withUnsafeBytes(of: UInt64(strictKey.text.count).littleEndian) { planted += $0 }
        planted += strictKey.text + Array(openEntry[graph...])
        try Data(planted).write(to: URL(fileURLWithPath: cache.path(for: strictKey)))
        let expected = Self.findings(try PolicySet.compile([.builtin], options: strict).get())
        #expect(expected.contains { $0.contains("[images/allowed-images]") })

        // The folder writable by its group: the planted entry is not read.
        chmod(folder, 0o775)
        #expect(Self.findings(try PolicySet.compile([.builtin], options: strict, cache: cache).get()) == expected)
        // An entry written by the user in the user's own folder is read (and the planted one would be).
        chmod(folder, 0o700)
        try Data(planted).write(to: URL(fileURLWithPath: cache.path(for: strictKey)))
        chmod(cache.path(for: strictKey), 0o666)
        #expect(Self.findings(try PolicySet.compile([.builtin], options: strict, cache: cache).get()) == expected)
        try Data(planted).write(to: URL(fileURLWithPath: cache.path(for: strictKey)))
        chmod(cache.path(for: strictKey), 0o600)
        #expect(Self.findings(try PolicySet.compile([.builtin], options: strict, cache: cache).get()) != expected)
    }

    @Test func theStandardFolderFollowsTheEnvironment() {
        #expect(PolicyCache.standard(environment: ["PORTCULLIS_CACHE_DIR": "/tmp/c", "HOME": "/home/a"])?.folder == "/tmp/c")
        #expect(PolicyCache.standard(environment: ["PORTCULLIS_CACHE_DIR": "", "HOME": "/home/a"]) == nil)
        #expect(PolicyCache.standard(environment: ["XDG_CACHE_HOME": "/var/cache/a", "HOME": "/home/a"])?.folder == "/var/cache/a/portcullis")
        #expect(PolicyCache.standard(environment: ["XDG_CACHE_HOME": "relative", "HOME": "/home/a"])?.folder == "/home/a/.cache/portcullis")
        #expect(PolicyCache.standard(environment: [:]) == nil)
    }
}
