import Foundation
import Testing
@_spi(Fuzzing) import Portcullis

/// The fuzz targets' work (`FuzzingHooks`, what `Fuzz/` runs under libFuzzer) over their seeds and
/// every input a fuzzer found worth keeping in `Fuzz/Seeds/TARGET` (crashes included, once fixed):
/// a smoke run of each target in seconds, part of `make test`.
@Suite struct FuzzSeedReplayTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func files(under folders: [String], extensions: Set<String>?) -> [URL] {
        folders.flatMap { folder -> [URL] in
            let base = root.appendingPathComponent(folder)
            let all = (FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil)?.allObjects as? [URL]) ?? []
            return all.filter { url in
                (extensions.map { $0.contains(url.pathExtension) } ?? true) && (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true
            }
        }.sorted { $0.path < $1.path }
    }

    @Test func manifestTargetOverItsSeeds() throws {
        let policies = try PolicySet.builtin()
        let seeds = Self.files(under: ["fixtures", "Fuzz/Seeds/manifest"], extensions: ["yaml", "yml", "json", "txt", ""])
        #expect(seeds.count > 10)
        for url in seeds { FuzzingHooks.manifest(Array(try Data(contentsOf: url)), policies: policies) }
    }

    @Test func policyTargetOverItsSeeds() throws {
        let seeds = Self.files(under: ["policies", "Fuzz/Seeds/policy"], extensions: ["policy", "txt", ""])
        #expect(seeds.count > 5)
        for url in seeds { FuzzingHooks.policy(String(decoding: try Data(contentsOf: url), as: UTF8.self)) }
    }

    @Test func configurationTargetOverItsSeeds() throws {
        let seeds = Self.files(under: ["Fuzz/Seeds/configuration"], extensions: nil) + [Self.root.appendingPathComponent("fixtures/suppressed/.portcullis.yaml")]
        #expect(seeds.count >= 3)
        for url in seeds { FuzzingHooks.configuration(String(decoding: try Data(contentsOf: url), as: UTF8.self)) }
    }

    @Test func admissionTargetOverItsSeeds() throws {
        let policies = try PolicySet.builtin()
        let seeds = Self.files(under: ["fixtures/admission", "Fuzz/Seeds/admission"], extensions: ["json", "txt", ""])
        #expect(seeds.count >= 10)
        for url in seeds { FuzzingHooks.admission(Array(try Data(contentsOf: url)), policies: policies) }
    }
}
