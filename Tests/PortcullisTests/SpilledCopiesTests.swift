import Foundation
import Portcullis
import PortcullisDiagnostics
import PortcullisEngine
import PortcullisManifest
import Synchronization
import Testing

/// A large run keeps the documents the cross-document rules read in a temporary file mapped into
/// memory (`SpillRegion`), not on the heap: what it finds must not change.
@Suite(.enabled(if: Platform.mapsSpillFiles, "spill files are mapped on Linux only"))
struct SpilledCopiesTests {
    /// The repository's fixtures, GitOps folders left out (their patches are read as patches).
    static func fixtureFiles() throws -> [String] {
        try CrossDocumentEvaluationTests.files(under: CrossDocumentEvaluationTests.root.appendingPathComponent("fixtures"))
            .map(\.name).filter { !$0.contains("/gitops") }
    }

    static func describe(_ results: [ManifestChecker.FileResult]) -> [String] {
        results.flatMap { result in
            result.findings.map { "\($0.path) \($0.span) \($0.policyID) \($0.message) \($0.jsonPath) \($0.isSuppressed)" }
                + result.issues.map { "\($0.path ?? "") \($0.span.map(\.description) ?? "") \($0.id) \($0.message)" }
        }
    }

    /// Whether this process maps a spill file made in `folder` (`/proc/self/maps` names it by its
    /// real path, links resolved).
    static func mapsSpillFile(in folder: String) -> Bool {
        let real = URL(fileURLWithPath: folder).resolvingSymlinksInPath().path
        let maps = String(decoding: FileHandle(forReadingAtPath: "/proc/self/maps")?.readDataToEndOfFile() ?? Data(), as: UTF8.self)
        return maps.contains(real + "/portcullis-spill-")
    }

    /// Every way a copy reaches the file: written to it (`keptBytes` 0), through the mapping until
    /// the run passes what it keeps and to the file after (16 KiB), through the mapping throughout
    /// (the default: the fixtures hold less than 8 MiB of copies); in parallel, pages let go while
    /// other copies are made.
    @Test(arguments: [false, true], [0, 16 << 10, SpillRegion.defaultKeptBytes])
    func aSpilledRunFindsWhatARunOnTheHeapFinds(allPolicies: Bool, keptBytes: Int) throws {
        let policies = try PolicySet.compile([.builtin], options: PolicyOptions(all: allPolicies)).get()
        let inputs = try Self.fixtureFiles().map { InputFile(path: $0, displayPath: $0) }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("portcullis-spill-test-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }

        var onHeap = ManifestChecker(graph: policies.graph)
        onHeap.spillDirectory = nil
        var spilling = ManifestChecker(graph: policies.graph)
        spilling.spillDirectory = folder
        spilling.spillThreshold = 0
        spilling.spillKeptBytes = keptBytes
        let expected = onHeap.check(inputs, parallel: false)
        // The second pass settles files while the copies of those after them are still held: the
        // spill file is mapped then.
        let mapped = Mutex(false)
        let spilled = spilling.check(inputs, parallel: true) { result in
            if Self.mapsSpillFile(in: folder) { mapped.withLock { $0 = true } }
            var settled = result
            settled.file = result.file.released()
            return settled
        }
        #expect(mapped.withLock { $0 })
        #expect(Self.describe(expected).count > 50)
        #expect(Self.describe(spilled) == Self.describe(expected))
        // Nothing is left behind: the file had no name, and is unmapped once the copies are gone.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
        #expect(!Self.mapsSpillFile(in: folder))
    }

    @Test func validationOptionsChooseWhereCopiesGo() throws {
        let policies = try PolicySet.compile([.builtin]).get()
        let paths = try Self.fixtureFiles()
        let describe = { (result: ValidationResult) in result.findings.map { "\($0.description) \($0.jsonPath) \($0.isSuppressed)" } }
        var heap = ValidationOptions()
        heap.spillDirectory = nil
        var missingFolder = ValidationOptions()
        missingFolder.spillDirectory = "/nonexistent-portcullis-folder"
        missingFolder.spillThreshold = 0
        var temporary = ValidationOptions()
        temporary.spillThreshold = 0
        var nothingKept = temporary
        nothingKept.spillKeptBytes = 0
        #expect(ValidationOptions().spillDirectory == Platform.temporaryDirectory)
        #expect(ValidationOptions().spillKeptBytes == SpillRegion.defaultKeptBytes)
        #expect(Validator(policies: policies, options: nothingKept).checker.spillKeptBytes == 0)
        #expect(Validator(policies: policies, options: temporary).checker.spillKeptBytes == SpillRegion.defaultKeptBytes)
        // What the options say is what the run's checker does.
        #expect(Validator(policies: policies, options: heap).checker.spillDirectory == nil)
        #expect(Validator(policies: policies, options: missingFolder).checker.spillDirectory == "/nonexistent-portcullis-folder")
        #expect(Validator(policies: policies, options: missingFolder).checker.spillThreshold == 0)
        #expect(Validator(policies: policies, options: temporary).checker.spillDirectory == Platform.temporaryDirectory)
        let expected = describe(Validator(policies: policies, options: heap).validate(paths: paths))
        #expect(!expected.isEmpty)
        #expect(describe(Validator(policies: policies, options: missingFolder).validate(paths: paths)) == expected)
        #expect(describe(Validator(policies: policies, options: temporary).validate(paths: paths)) == expected)
        #expect(describe(Validator(policies: policies, options: nothingKept).validate(paths: paths)) == expected)
    }
}
