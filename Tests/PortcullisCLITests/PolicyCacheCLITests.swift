import Foundation
import Testing

/// `portcullis check` with a configuration keeps its compiled policies in the cache folder and
/// loads them on the next run: the same report either way; `--no-cache` and an empty
/// `PORTCULLIS_CACHE_DIR` leave no folder behind.
@Suite struct PolicyCacheCLITests {
    /// The report without its last line (the run's elapsed time).
    static func withoutTiming(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("checked ") }.joined(separator: "\n")
    }

    @Test func aRunWithAConfigurationLoadsWhatThePreviousOneCompiled() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try scratch.write(".portcullis.yaml", """
            disable: [reliability]
            parameters:
              allowed_images: ["ghcr.io/acme/*"]
            """)
        let cache = scratch.path + "/cache"
        let arguments = ["check", "--config", scratch.path + "/.portcullis.yaml", "fixtures/violations", "fixtures/valid"]
        let first = try PortcullisBinary.run(arguments, environment: ["PORTCULLIS_CACHE_DIR": cache])
        let entries = try FileManager.default.contentsOfDirectory(atPath: cache).filter { $0.hasSuffix(".graph") }
        #expect(entries.count == 1)
        let entry = cache + "/" + (entries.first ?? "")
        let inode = try FileManager.default.attributesOfItem(atPath: entry)[.systemFileNumber] as? UInt64
        let second = try PortcullisBinary.run(arguments, environment: ["PORTCULLIS_CACHE_DIR": cache])
        // Loaded, not compiled and stored again (a store renames a new file into place).
        #expect(try FileManager.default.attributesOfItem(atPath: entry)[.systemFileNumber] as? UInt64 == inode)
        let uncached = try PortcullisBinary.run(arguments + ["--no-cache"], environment: ["PORTCULLIS_CACHE_DIR": scratch.path + "/unused"])
        #expect(first.status == 1 && second.status == 1 && uncached.status == 1)
        #expect(second.stdout.contains("[images/allowed-images]"))
        #expect(Self.withoutTiming(second.stdout) == Self.withoutTiming(first.stdout))
        #expect(Self.withoutTiming(second.stdout) == Self.withoutTiming(uncached.stdout))
        #expect(second.stderr.isEmpty && first.stderr.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: scratch.path + "/unused"))

        // An empty PORTCULLIS_CACHE_DIR turns the cache off.
        let home = scratch.path + "/home"
        let off = try PortcullisBinary.run(arguments, environment: ["PORTCULLIS_CACHE_DIR": "", "HOME": home, "XDG_CACHE_HOME": home + "/xdg"])
        #expect(Self.withoutTiming(off.stdout) == Self.withoutTiming(first.stdout))
        #expect(!FileManager.default.fileExists(atPath: home))
    }

    @Test func aDamagedCacheEntryIsNoErrorForTheRun() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let cache = scratch.path + "/cache"
        let arguments = ["check", "--no-config", "--only", "images", "fixtures/violations"]
        let first = try PortcullisBinary.run(arguments, environment: ["PORTCULLIS_CACHE_DIR": cache])
        let entry = try #require(try FileManager.default.contentsOfDirectory(atPath: cache).first { $0.hasSuffix(".graph") })
        let bytes = try Data(contentsOf: URL(fileURLWithPath: cache + "/" + entry))
        try bytes.prefix(bytes.count / 3).write(to: URL(fileURLWithPath: cache + "/" + entry))
        let second = try PortcullisBinary.run(arguments, environment: ["PORTCULLIS_CACHE_DIR": cache])
        #expect(first.status == 1 && second.status == 1)
        #expect(Self.withoutTiming(second.stdout) == Self.withoutTiming(first.stdout))
        #expect(second.stderr.isEmpty)
        #expect(try Data(contentsOf: URL(fileURLWithPath: cache + "/" + entry)) == bytes)
    }
}
