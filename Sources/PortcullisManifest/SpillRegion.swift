import PortcullisDiagnostics
import Synchronization

/// Room in a temporary file, mapped into memory, for what a run keeps to its end and reads only
/// now and then: the node arenas of the documents the cross-document rules read
/// (`ManifestStorage.copying(_:keeping:spillingTo:)`). Their bytes go to the file's pages; the
/// pages leave the process as the region grows and as the run reads them
/// (`releaseResidentPages`), the file keeping their contents, so a run's resident memory does not
/// grow with what it keeps there. The system may keep the pages cached, or write them to disk and
/// drop them when memory is short — unless the folder is a RAM-backed tmpfs, whose pages stay in
/// memory (counted as shared memory, not as the process's). A region that holds no more than its
/// `keptBytes` keeps its pages instead: they weigh little, and letting them go costs more. Linux
/// only (`Platform.mapsSpillFiles`): elsewhere copies stay on the heap.
///
/// Nothing is made until the copies a run has kept pass `threshold` bytes: a small run (one file, an
/// admission request, a test) keeps its copies on the heap and makes no file. When the file cannot
/// be made, mapped or given room (a read-only or full disk), copies stay on the heap: spilling
/// changes where bytes are, never what a run finds.
///
/// The file is unlinked as soon as it is made and closed when the last arena placed in it goes.
package final class SpillRegion: @unchecked Sendable {
    /// Where the file goes.
    package let directory: String
    /// Bytes kept on the heap before the file is made.
    package let threshold: Int
    /// The most the file may hold (address space reserved at once, disk claimed as it is used).
    package let capacity: Int

    private struct State {
        /// Bytes offered so far (placed or not).
        var offered = 0
        var mapping: (start: UnsafeMutableRawPointer, descriptor: Int32)?
        /// The file could not be made or has no more room: every later copy stays on the heap.
        var closed = false
        /// Bytes handed out from the start of the mapping.
        var used = 0
        /// Bytes the file has room for.
        var allocated = 0
        /// `used` when the resident pages were last let go (those placed since are let go next).
        var usedAtRelease = 0
    }

    private let state = Mutex(State())
    /// Files read from the region so far (`fileRead()`).
    private let filesRead = Atomic<Int>(0)
    /// How many files a run reads between two `releaseResidentPages()`.
    static let filesPerRelease = 32

    /// Disk is claimed in pieces of this size.
    static let allocationStep = 16 << 20
    /// The placed bytes after which, by default, the pages of those placed since the last let-go are
    /// let go. Each let-go covers only the bytes placed since the one before, so a small limit costs
    /// a call per megabyte, not a walk over the whole file. Past `keptBytes`, `place` writes to the
    /// file and brings no page in: this let-go only drops pages read back in the meantime (and a
    /// read maps its neighbours again); reading back is bounded by `fileRead()` and the index
    /// builds' let-go.
    package static let defaultResidentLimit = 1 << 20
    /// The placed bytes the process holds at most before their pages are let go (this region's).
    let residentLimit: Int
    /// While the region holds no more than this many bytes, its pages are kept, never let go: they
    /// weigh at most this much, and every let-go flushes the address translations of each core
    /// the run's threads are on (an interrupt to each other core). 0: pages are always let go.
    package let keptBytes: Int
    /// What a run's region keeps (`keptBytes`) by default: the copies of about 8,000 generated
    /// documents. A run past it lets its pages go as before, so its memory stays flat.
    package static let defaultKeptBytes = 8 << 20
    /// `State.used`, readable without the lock (when pages are let go).
    private let usedBytes = Atomic<Int>(0)

    /// What a run keeps on the heap before it makes the file (and keeps there to its end): enough
    /// for the copies of about a thousand documents, more than a small run (one file, an admission
    /// request, a pre-commit hook's files) keeps.
    package static let defaultThreshold = 1 << 20

    /// A region whose file goes in `directory` once more than `threshold` bytes were offered.
    package init(directory: String = Platform.temporaryDirectory, threshold: Int = defaultThreshold, capacity: Int = 64 << 30,
                 residentLimit: Int = defaultResidentLimit, keptBytes: Int = 0) {
        self.residentLimit = residentLimit
        self.keptBytes = keptBytes
        self.directory = directory
        self.threshold = threshold
        self.capacity = capacity
    }

    deinit {
        let mapping = state.withLock { $0.mapping }
        if let mapping { Platform.unmap(mapping.start, count: capacity, descriptor: mapping.descriptor) }
    }

    /// Bytes placed in the file so far.
    package var placedBytes: Int { state.withLock { $0.used } }

    /// Whether `pointer` points into the file's mapping (where `place` puts bytes).
    package func contains(_ pointer: UnsafeRawPointer) -> Bool {
        guard let start = state.withLock({ $0.mapping?.start }) else { return false }
        return pointer >= UnsafeRawPointer(start) && pointer < UnsafeRawPointer(start) + capacity
    }

    /// Whether the file was made and mapped.
    package var isMapped: Bool { state.withLock { $0.mapping != nil } }

    /// A copy of `bytes` in the file, 16-byte aligned, or `nil` when they stay on the heap (below the
    /// threshold, no file, no room). Past `keptBytes`, the bytes are written to the file (`pwrite`),
    /// not through the mapping: writing through it would fault in every page written, one at a
    /// time, each a page of the process until let go; read back through the mapping, the pages
    /// come in several at once, and only when read. Within `keptBytes`, they are copied through the
    /// mapping (the pages are kept in any case).
    package func place(_ bytes: UnsafeRawBufferPointer) -> UnsafeMutableRawPointer? {
        guard let source = bytes.baseAddress, bytes.count > 0 else { return nil }
        let size = (bytes.count + 15) & ~15
        let reserved: (target: UnsafeMutableRawPointer, descriptor: Int32, offset: Int, release: Range<Int>?, direct: Bool)? = state.withLock { state in
            state.offered += bytes.count
            guard !state.closed, state.offered > threshold else { return nil }
            if state.mapping == nil, !open(&state) { return nil }
            guard let mapping = state.mapping, state.used + size <= capacity else {
                state.closed = true
                return nil
            }
            if state.used + size > state.allocated {
                let grown = min(capacity, max(state.used + size, state.allocated + Self.allocationStep))
                guard Platform.allocateFileSpace(descriptor: mapping.descriptor, offset: state.allocated,
                                                 count: grown - state.allocated) else {
                    state.closed = true
                    return nil
                }
                state.allocated = grown
            }
            let offset = state.used
            let wasKept = keptBytes > 0 && state.used <= keptBytes
            state.used += size
            usedBytes.store(state.used, ordering: .relaxed)
            var release: Range<Int>?
            if wasKept && state.used > keptBytes {
                // Past what it keeps: the pages written through the mapping go now.
                release = 0..<state.used
                state.usedAtRelease = state.used
            } else if state.used - state.usedAtRelease >= residentLimit {
                release = state.usedAtRelease..<state.used
                state.usedAtRelease = state.used
            }
            return (mapping.start + offset, mapping.descriptor, offset, release, keptBytes > 0 && state.used <= keptBytes)
        }
        guard let reserved else { return nil }
        // Within `keptBytes` the pages stay, and a run reads its copies back: writing through the
        // mapping faults each page in once and saves a system call per copy.
        if reserved.direct || !Platform.write(bytes, to: reserved.descriptor, at: reserved.offset) {
            reserved.target.copyMemory(from: source, byteCount: bytes.count)
        }
        if let release = reserved.release { releasePages(release) }
        return reserved.target
    }

    /// Lets go every page of the file the process holds (read or written since the last time);
    /// what they hold stays in the file. Safe while other threads read or write the region (on
    /// Linux, the only system that maps one): a page let go is brought back by the next touch,
    /// contents intact.
    package func releaseResidentPages() {
        let used = state.withLock { state in
            state.usedAtRelease = state.used
            return state.used
        }
        releasePages(0..<used)
    }

    /// Lets go the pages of each span of addresses in the region (`ManifestStorage.placedSpan`):
    /// spans closer than `mergeGap` bytes are let go as one, with whatever lies between (other
    /// copies placed among them, whose pages come back when read), so copies placed one after
    /// another cost one call, not one each. Fewer calls than one a buffer (100,000 calls at 200k
    /// generated documents, +1.2 % CPU), and less resident than keeping the pages between.
    /// Spans outside the mapping are left alone.
    package func releasePages(spanning spans: [Range<UInt>]) {
        guard !spans.isEmpty, let start = state.withLock({ $0.mapping?.start }) else { return }
        let base = UInt(bitPattern: start), end = base + UInt(capacity)
        let sorted = spans.sorted { $0.lowerBound < $1.lowerBound }
        var index = 0
        while index < sorted.count {
            var merged = sorted[index]
            index += 1
            while index < sorted.count, sorted[index].lowerBound <= merged.upperBound + Self.mergeGap {
                merged = merged.lowerBound..<max(merged.upperBound, sorted[index].upperBound)
                index += 1
            }
            guard merged.lowerBound >= base, merged.upperBound <= end else { continue }
            releasePages(Int(merged.lowerBound - base)..<Int(merged.upperBound - base), mappedAt: start)
        }
    }

    /// Spans of placed bytes closer than this are let go together (`releasePages(spanning:)`).
    static let mergeGap: UInt = 64 << 10

    /// Counts a file the run has read from the region; every `filesPerRelease` files, lets the
    /// resident pages go (`releaseResidentPages()`).
    package func fileRead() {
        let (_, count) = filesRead.add(1, ordering: .relaxed)
        if count % Self.filesPerRelease == 0, isMapped { releaseResidentPages() }
    }

    /// Lets go the pages that hold `bytes` (offsets in the file), the partly used ones at either end included.
    private func releasePages(_ bytes: Range<Int>) {
        guard let start = state.withLock({ $0.mapping?.start }) else { return }
        releasePages(bytes, mappedAt: start)
    }

    /// `releasePages(_:)` with the mapping's start already read.
    private func releasePages(_ bytes: Range<Int>, mappedAt start: UnsafeMutableRawPointer) {
        guard !bytes.isEmpty, usedBytes.load(ordering: .relaxed) > keptBytes else { return }
        let page = Platform.pageSize
        let first = bytes.lowerBound / page * page
        let end = (bytes.upperBound + page - 1) / page * page
        Platform.releaseResidentPages(start + first, count: end - first)
    }

    /// Makes and maps the file; on failure (or off Linux) the region stays closed.
    private func open(_ state: inout State) -> Bool {
        guard Platform.mapsSpillFiles, case .success(let descriptor) = Platform.unnamedTemporaryFile(in: directory) else {
            state.closed = true
            return false
        }
        guard case .success(let start) = Platform.mapShared(descriptor: descriptor, count: capacity) else {
            Platform.close(descriptor)
            state.closed = true
            return false
        }
        state.mapping = (start, descriptor)
        return true
    }
}
