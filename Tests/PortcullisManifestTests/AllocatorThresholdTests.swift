import CYAMLAllocation
import Foundation
import Testing

/// `portcullis_set_allocator_thresholds`: what `portcullis` gives glibc's `malloc` first thing in
/// `main`, unless the user tunes `malloc` through `GLIBC_TUNABLES`.
@Suite struct AllocatorThresholdTests {
    @Test(arguments: [
        (nil, false),
        ("", false),
        ("glibc.pthread.rseq=0", false),
        ("glibc.malloc.arena_max=1", true),
        ("glibc.pthread.rseq=0:glibc.malloc.trim_threshold=0", true),
        ("glibc.mem.tagging=1:glibc.malloc.mmap_threshold=65536:glibc.rtld.nns=2", true),
        ("glibc.mallocx=1:xglibc.malloc.arena_max=1", false),
        ("glibc.pthread.rseq=0:", false),
    ] as [(String?, Bool)])
    func aUserWhoTunesMallocKeepsTheirSettings(tunables: String?, named: Bool) {
        let result = tunables.map { portcullis_tunables_name_malloc($0) } ?? portcullis_tunables_name_malloc(nil)
        #expect((result == 1) == named)
    }

    @Test func theThresholdsAreSetUnlessTheEnvironmentTunesMalloc() {
        let tunables = ProcessInfo.processInfo.environment["GLIBC_TUNABLES"]
        let tunedHere = tunables.map { portcullis_tunables_name_malloc($0) == 1 } ?? false
        let outcome = portcullis_set_allocator_thresholds(1 << 20, 1 << 20)
        #if canImport(Glibc)
        #expect(outcome == (tunedHere ? 0 : 1))
        #else
        #expect(outcome == 0)
        #endif
    }
}
