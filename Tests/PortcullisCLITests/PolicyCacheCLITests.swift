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

    /// A cache folder others may write to is refused, and the run says so (once, on standard
    /// error) instead of compiling every time without a word; the report is the same.
    @Test func aCacheFolderOthersMayWriteToIsRefusedAloud() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let cache = scratch.path + "/shared-cache"
        try FileManager.default.createDirectory(atPath: cache, withIntermediateDirectories: true)
        #expect(chmod(cache, 0o777) == 0)
        let arguments = ["check", "--no-config", "--only", "images", "fixtures/violations"]
        let refused = try PortcullisBinary.run(arguments, environment: ["PORTCULLIS_CACHE_DIR": cache])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("[cache.unsafe-folder]") && refused.stderr.contains("chmod 700"), "\(refused.stderr)")
        #expect(refused.stderr.components(separatedBy: "cache.unsafe-folder").count == 2)
        #expect(try FileManager.default.contentsOfDirectory(atPath: cache).isEmpty)
        // Made private, the same folder is used without a word.
        #expect(chmod(cache, 0o700) == 0)
        let used = try PortcullisBinary.run(arguments, environment: ["PORTCULLIS_CACHE_DIR": cache])
        #expect(used.stderr.isEmpty, "\(used.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: cache).contains { $0.hasSuffix(".graph") })
        #expect(Self.withoutTiming(used.stdout) == Self.withoutTiming(refused.stdout))
        // The default packs with no options never touch the cache: nothing to say.
        #expect(chmod(cache, 0o777) == 0)
        let defaults = try PortcullisBinary.run(["check", "--no-config", "fixtures/valid"], environment: ["PORTCULLIS_CACHE_DIR": cache])
        #expect(!defaults.stderr.contains("cache.unsafe-folder"))
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
