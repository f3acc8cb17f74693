import Synchronization
internal import CByteScan

/// The bytes of one input file, with the name it is shown under.
///
/// Positions are kept as line and column; the text of a line is found through an index of line
/// starts, built on the first request (a file without diagnostics never pays for it), so rendering
/// many findings of a large file costs one scan, not one per finding.
///
/// A file read from disk can be *detached* once loaded and evaluated (`detached()`): it then holds
/// no bytes, and reads them again (through a small cache of recent files) only if a report shows
/// its lines. A run over 100,000 files keeps their paths, not their contents. The lines a report
/// will show can be kept as the bytes go (`detached(keepingLines:within:)`), within a budget.
package struct SourceFile: Sendable {
    /// The path as shown to the user (relative when the user gave a relative path).
    package let path: String
    /// Where the bytes can be read again, unchanged, when they are let go: set by the loader for a
    /// file it read from disk and did not transcode.
    package var reloadPath: String?
    private let content: Content

    package init(path: String, bytes: [UInt8]) {
        self.path = path
        content = Content(bytes: bytes)
    }

    private init(path: String, reloadingFrom reloadPath: String, content: Content) {
        self.path = path
        self.reloadPath = reloadPath
        self.content = content
    }

    /// The raw bytes as read (read again from disk for a detached file).
    package var bytes: [UInt8] { content.bytes(reloadPath: reloadPath) }

    /// Whether the bytes are let go and read again on demand.
    package var isDetached: Bool {
        if case .held = content { false } else { true }
    }

    /// The same file without its bytes in memory, when they can be read again (`reloadPath`); else
    /// itself. Lines are then read back from disk when a report needs them.
    package func detached() -> SourceFile {
        detached(keepingLines: [], within: nil)
    }

    /// `detached()`, keeping the text of `lines` (1-based; those a report will show) when `budget`
    /// has room for them: a report shows them without reading the file again, and reads it again
    /// only for a line not kept.
    package func detached(keepingLines lines: [Int], within budget: KeptLineBudget?) -> SourceFile {
        guard let reloadPath, case .held(let held) = content else { return self }
        if let budget, !budget.isSpent, let kept = KeptLines(lines, of: held.bytes, in: budget) {
            return SourceFile(path: path, reloadingFrom: reloadPath, content: .detachedKeeping(kept))
        }
        return SourceFile(path: path, reloadingFrom: reloadPath, content: .detached(byteCount: held.bytes.count))
    }

    /// The byte range of a 1-based line, without its line break; `nil` past the end.
    package func byteRange(ofLine line: Int) -> Range<Int>? {
        let (bytes, starts) = content.bytesAndLineStarts(reloadPath: reloadPath)
        return Self.range(ofLine: line, in: bytes, starts: starts)
    }

    /// `body` over the bytes of a 1-based line (without its line break), or `nil` past the end:
    /// the file is asked for its bytes once, and no `String` is made of them.
    package func withLine<Result>(_ line: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result? {
        if case .detachedKeeping(let kept) = content, let result = kept.withLine(line, body) { return result }
        let (bytes, starts) = content.bytesAndLineStarts(reloadPath: reloadPath)
        guard let range = Self.range(ofLine: line, in: bytes, starts: starts) else { return nil }
        return bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[range])) }
    }

    /// The text of a 1-based line (invalid UTF-8 repaired), or `nil` past the end.
    package func text(ofLine line: Int) -> String? {
        withLine(line) { String(decoding: $0, as: UTF8.self) }
    }

    private static func range(ofLine line: Int, in bytes: [UInt8], starts: [Int]) -> Range<Int>? {
        guard line >= 1, line <= starts.count else { return nil }
        return lineRange(from: starts[line - 1], toBreakAt: line < starts.count ? starts[line] - 1 : bytes.count, in: bytes)
    }

    /// The bytes of a line that starts at `start` and whose break (or the file's end) is at `end`:
    /// what a line shows, without a CR before its line feed.
    static func lineRange(from start: Int, toBreakAt end: Int, in bytes: [UInt8]) -> Range<Int> {
        end > start && bytes[end - 1] == UInt8(ascii: "\r") ? start..<(end - 1) : start..<end
    }

    /// The line and column of a byte offset (columns count Unicode scalars; an invalid byte counts one).
    package func location(ofByteOffset offset: Int) -> SourceLocation {
        let bytes = self.bytes
        let clamped = max(0, min(offset, bytes.count))
        var line = 1
        var lineStart = 0
        var index = 0
        while index < clamped {
            if bytes[index] == UInt8(ascii: "\n") {
                line += 1
                lineStart = index + 1
            }
            index += 1
        }
        var column = 1
        var cursor = lineStart
        while cursor < clamped {
            // Count every byte that does not continue a UTF-8 sequence.
            if bytes[cursor] & 0xC0 != 0x80 { column += 1 }
            cursor += 1
        }
        return SourceLocation(line: line, column: column)
    }
}

/// A file's bytes and the offsets where its lines start: held (the index built on first use), or
/// read again from disk for a detached file, which holds no object of its own (a run keeps one
/// per file).
private enum Content: Sendable {
    case held(HeldBytes)
    /// Read again from the file's `reloadPath`; `byteCount` bytes long when it was checked.
    case detached(byteCount: Int)
    /// As `detached`, with the lines a report will show kept (and the size, in their place).
    case detachedKeeping(KeptLines)

    init(bytes: [UInt8]) {
        self = .held(HeldBytes(bytes))
    }

    var byteCount: Int {
        switch self {
        case .held(let held): held.bytes.count
        case .detached(let byteCount): byteCount
        case .detachedKeeping(let kept): kept.byteCount
        }
    }

    /// The bytes (read again from `reloadPath` for a detached file).
    func bytes(reloadPath: String?) -> [UInt8] {
        bytesAndLineStarts(reloadPath: reloadPath, lineStarts: false).bytes
    }

    /// The bytes and, with `lineStarts`, where their lines start (read again from `reloadPath`
    /// for a detached file: `RecentlyReadFiles` gives both at once).
    func bytesAndLineStarts(reloadPath: String?, lineStarts: Bool = true) -> (bytes: [UInt8], starts: [Int]) {
        if case .held(let held) = self { return (held.bytes, lineStarts ? held.lineStarts() : []) }
        let byteCount = self.byteCount
        // A path cleared since the file was let go shows no lines, as a file gone since does.
        return reloadPath.map { RecentlyReadFiles.shared.read($0, expected: byteCount) } ?? ([], [])
    }
}

/// Bytes held in memory, with the index of their line starts made on first use.
private final class HeldBytes: Sendable {
    let bytes: [UInt8]
    private let starts = Mutex<[Int]?>(nil)

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    func lineStarts() -> [Int] {
        starts.withLock { cached in
            if let cached { return cached }
            let made = LineStarts.of(bytes)
            cached = made
            return made
        }
    }
}

/// The offset where each line starts.
enum LineStarts {
    /// The first line's start (0) and the offset past each line feed: the feeds counted first,
    /// then written into an array of that size (`byte_scan.h`: sixteen bytes a step, where a
    /// `memchr` call and an append per line cost about a hundred instructions a line).
    static func of(_ bytes: [UInt8]) -> [Int] {
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress, !buffer.isEmpty else { return [0] }
            let feeds = portcullis_count_line_feeds(base, buffer.count)
            return [Int](unsafeUninitializedCapacity: feeds + 1) { starts, initialized in
                starts[0] = 0
                initialized = 1 + portcullis_line_starts(base, buffer.count, starts.baseAddress! + 1, feeds)
            }
        }
    }
}

extension LineStarts {
    /// Where each of `lines` (1-based, ascending, no repeats) starts in `buffer`, for as many of
    /// them as it holds (the first ones): spans of 256 bytes before the next one wanted are only
    /// counted (`portcullis_find_line_starts`), so a few lines of a large file cost a fraction of an
    /// instruction a byte, where a `memchr` call per line up to the last cost tens a line.
    static func of(lines wanted: [Int], in buffer: UnsafeBufferPointer<UInt8>) -> [Int] {
        guard !wanted.isEmpty else { return [] }
        guard let base = buffer.baseAddress else { return wanted[0] == 1 ? [0] : [] }  // one line, empty
        return [Int](unsafeUninitializedCapacity: wanted.count) { starts, initialized in
            initialized = wanted.withUnsafeBufferPointer { lines in
                portcullis_find_line_starts(base, buffer.count, lines.baseAddress!, lines.count, starts.baseAddress!)
            }
        }
    }
}

/// The last few detached files read back, with their line starts: a report shows a file's
/// findings together, so one read serves them all, and memory holds a handful of files at most.
final class RecentlyReadFiles: Sendable {
    static let shared = RecentlyReadFiles()
    private static let capacity = 4
    private let entries = Mutex<[(path: String, bytes: [UInt8], starts: [Int])]>([])

    /// The bytes and line starts of the file at `path`, `expected` bytes long when it was checked.
    func read(_ path: String, expected: Int) -> (bytes: [UInt8], starts: [Int]) {
        if let hit = entries.withLock({ list in list.first { $0.path == path } }) { return (hit.bytes, hit.starts) }
        // A file gone or unreadable since it was checked shows no lines (the findings keep their positions).
        let read = Self.readWhole(path, expected: expected)
        let bytes = read ?? []
        let starts = read.map(LineStarts.of) ?? []
        entries.withLock { list in
            list.insert((path, bytes, starts), at: 0)
            if list.count > Self.capacity { list.removeLast() }
        }
        return (bytes, starts)
    }

    private static func readWhole(_ path: String, expected: Int) -> [UInt8]? {
        guard case .success(let descriptor) = Platform.openForReading(path) else { return nil }
        defer { Platform.close(descriptor) }
        // The size the file had when it was checked leads the read; a read error ends it (the
        // lines read so far are shown).
        return Platform.readToEnd(descriptor, expected: expected).bytes
    }
}
