import Dispatch
import Synchronization
import PortcullisDiagnostics
import Testing
@testable import PortcullisManifest

/// `YAMLAllocationPool`: libyaml allocates through the process's own `yaml_malloc` and
/// `yaml_free`, and what it parses is unchanged by where its blocks come from.
@Suite struct YAMLAllocationPoolTests {
    /// A mapping whose keys and values run from 0 to 300 characters (every size class, the blocks
    /// past them, and libyaml's strings growing across them), in each scalar style, with anchors,
    /// aliases and tags (which libyaml copies with `yaml_strdup`).
    private static func manifest(seed: Int) -> (text: String, expected: [String: String]) {
        var lines = ["apiVersion: v1", "kind: ConfigMap", "metadata: {name: sizes-\(seed)}", "data:"]
        var expected: [String: String] = [:]
        for length in 0...300 {
            let key = "k\(length)-" + String(repeating: "x", count: (length * 7 + seed) % 150)
            let value = String((0..<length).map { Character(Unicode.Scalar(UInt8(97 + ($0 + seed) % 26))) })
            switch length % 5 {
            case 0: lines.append("  \(key): \"\(value)\"")
            case 1: lines.append("  \(key): '\(value)'")
            case 2: lines.append("  \(key): !!str &a\(length)-\(String(repeating: "n", count: length % 40)) \"\(value)\"")
            case 3: lines.append("  \(key): |-\n    \(value)")
            default: lines.append("  \(key): \"\(value)\"")
            }
            expected[key] = value
        }
        lines.append("  alias: *a2-nn")
        expected["alias"] = expected[expected.keys.first { $0.hasPrefix("k2-") }!]
        return (lines.joined(separator: "\n") + "\n", expected)
    }

    /// Every value of `manifest(seed:)` as loaded, against what was written.
    private static func mismatches(seed: Int) -> [String] {
        let (text, expected) = manifest(seed: seed)
        let file = ManifestLoader().load(SourceFile(path: "sizes.yaml", bytes: Array(text.utf8)))
        guard let data = file.resources.first?.root["data"] else { return ["no data in seed \(seed)"] }
        var wrong: [String] = []
        for (key, value) in expected where data[key]?.scalarText != value {
            wrong.append("seed \(seed) \(key.prefix(12)): \(data[key]?.scalarText ?? "missing")")
        }
        if data.count != expected.count { wrong.append("seed \(seed): \(data.count) entries") }
        return Array(wrong.prefix(3))
    }

    @Test func libyamlTakesItsBlocksFromThePool() {
        let before = YAMLAllocationPool.counts
        #expect(Self.mismatches(seed: 0).isEmpty)
        let after = YAMLAllocationPool.counts
        // Each of the 600 scalars asks for several blocks, and most of them are given back at once.
        #expect(after.reused + after.made - before.reused - before.made > 1200, "\(before) → \(after)")
        #expect(after.reused - before.reused > 1000, "\(before) → \(after)")
    }

    @Test func scalarsOfEverySizeKeepTheirTextOnManyThreads() {
        let results = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 16) { seed in
            let wrong = Self.mismatches(seed: seed)
            results.withLock { $0 += wrong }
        }
        #expect(results.withLock { $0 }.isEmpty)
    }
}
