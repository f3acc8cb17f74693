import CYAMLAllocation
import Dispatch
import Foundation
import PortcullisDiagnostics
import Synchronization
import Testing
@testable import PortcullisManifest

/// `CYAMLAllocation`: libyaml allocates through the process's own `yaml_malloc` and `yaml_free`,
/// what it parses is unchanged by where its blocks come from, and the pool's blocks keep their
/// bytes across threads, thread ends and full lists.
@Suite struct YAMLAllocationPoolTests {
    /// The calling thread's pool counts.
    private static var counts: (reused: Int, made: Int) {
        let counts = portcullis_yaml_pool_counts()
        return (Int(counts.reused), Int(counts.made))
    }

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

    /// On Debian (the CI machine's system), libyaml is a shared library built without `-Bsymbolic`:
    /// it calls its allocation functions through the dynamic linker, so the executable's
    /// definitions are the ones it uses. A libyaml linked with `-Bsymbolic-functions` (a default of
    /// some distributions' build flags) binds them inside itself, and the pool is simply unused;
    /// macOS binds them to the library too.
    @Test(.enabled(if: Self.onDebian, "libyaml's own allocation calls are bound through the dynamic linker on Debian"))
    func libyamlTakesItsBlocksFromThePool() {
        let before = Self.counts
        #expect(Self.mismatches(seed: 0).isEmpty)
        let after = Self.counts
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

    private static func fill(_ pointer: UnsafeMutableRawPointer, _ size: Int, _ seed: Int) {
        for offset in 0..<size { pointer.storeBytes(of: UInt8(truncatingIfNeeded: seed &+ offset), toByteOffset: offset, as: UInt8.self) }
    }

    private static func holds(_ pointer: UnsafeMutableRawPointer, _ size: Int, _ seed: Int) -> Bool {
        (0..<size).allSatisfy { pointer.load(fromByteOffset: $0, as: UInt8.self) == UInt8(truncatingIfNeeded: seed &+ $0) }
    }

    private static let sizes = [0, 1, 15, 16, 17, 31, 32, 33, 63, 64, 65, 127, 128, 129, 300, 5000]

    /// Blocks of every size class and past them, each filled with its own bytes, freed on other
    /// threads than made them (which then end, letting their pools go), more of each class than a
    /// list keeps, grown and shrunk: every block reads back what was written until it is freed.
    @Test func blocksKeepTheirBytesAcrossThreadsThreadEndsAndFullLists() {
        let wrong = Mutex(0)
        var made: [(address: UInt, size: Int, seed: Int)] = []
        for round in 0..<(Int(portcullis_yaml_pool_kept_per_class) / 4 + 50) {
            for (number, size) in Self.sizes.enumerated() {
                let pointer = yaml_malloc(size)!
                Self.fill(pointer, size, round * 31 + number)
                made.append((UInt(bitPattern: pointer), size, round * 31 + number))
            }
        }
        let handed = made
        let done = DispatchGroup()
        for part in 0..<8 {
            done.enter()
            Thread.detachNewThread {
                for (index, block) in handed.enumerated() where index % 8 == part {
                    let pointer = UnsafeMutableRawPointer(bitPattern: block.address)!
                    if !Self.holds(pointer, block.size, block.seed) { wrong.withLock { $0 += 1 } }
                    yaml_free(pointer)
                }
                // Blocks this thread's lists now hold, made again, grown, shrunk and copied into.
                for (number, size) in Self.sizes.enumerated() {
                    let pointer = yaml_malloc(size)!
                    Self.fill(pointer, size, number)
                    let grown = yaml_realloc(pointer, size * 2 + 1)!
                    if !Self.holds(grown, size, number) { wrong.withLock { $0 += 1 } }
                    let shrunk = yaml_realloc(grown, size / 2)!
                    if !Self.holds(shrunk, size / 2, number) { wrong.withLock { $0 += 1 } }
                    let text = Array("copy \(number)".utf8) + [0]
                    let copy = text.withUnsafeBufferPointer { yaml_strdup($0.baseAddress) }!
                    if String(cString: copy) != "copy \(number)" { wrong.withLock { $0 += 1 } }
                    yaml_free(copy)
                    yaml_free(shrunk)
                }
                done.leave()
            }
        }
        done.wait()
        for size in Self.sizes {
            let pointer = yaml_malloc(size)!
            Self.fill(pointer, size, 7)
            #expect(Self.holds(pointer, size, 7))
            yaml_free(pointer)
        }
        yaml_free(nil)
        #expect(yaml_strdup(nil) == nil)
        #expect(wrong.withLock { $0 } == 0)
    }

    private static let onDebian: Bool = {
        #if os(Linux)
        let release = (try? String(contentsOfFile: "/etc/os-release", encoding: .utf8)) ?? ""
        return release.split(separator: "\n").contains { $0 == "ID=debian" || $0 == "ID=\"debian\"" }
        #else
        false
        #endif
    }()
}
