import Synchronization

/// The lines of a file a report will show (those its findings and diagnostics point at), kept
/// when the file's bytes are let go: the report then shows them without reading the file again.
/// Lines are held as `SourceFile.withLine` gives them: without the line break or a trailing CR.
///
/// They are written into the run's `KeptLineBudget`, one after another: a file's kept lines are a
/// place there, not an allocation of their own. At that place: the file's size in bytes, how many
/// lines, then for each (ascending) its 1-based number and where its text ends, as `Int32`s, then
/// the texts. A detached `SourceFile` holds this place (12 bytes) and nothing else, so keeping
/// lines does not make the run's `SourceFile`s larger.
struct KeptLines: Sendable {
    private let piece: KeptLineBudget.Piece
    private let offset: Int32

    /// Fields before the lines' entries: the file's size and the count of lines.
    private static let fields = 2

    /// The lines of `file` numbered in `lines` (any order; repeats and numbers past the end are
    /// left out), found in one scan up to the last of them (`LineStarts.of(lines:in:)`: spans
    /// without a wanted line are only counted), written in `budget`; `nil` when none is there or
    /// the budget has no room for them.
    init?(_ lines: [Int], of file: [UInt8], in budget: KeptLineBudget) {
        let wanted = Array(Set(lines.filter { $0 >= 1 })).sorted()
        guard !wanted.isEmpty, file.count <= Int(Int32.max) else { return nil }
        var found: [(line: Int, range: Range<Int>)] = []
        file.withUnsafeBufferPointer { buffer in
            let starts = LineStarts.of(lines: wanted, in: buffer)
            found.reserveCapacity(starts.count)
            for (index, start) in starts.enumerated() {
                // The line runs to its line feed, or to the end of the file (empty after a final line feed).
                let end = buffer.baseAddress.flatMap { base in
                    firstOccurrence(of: UInt8(ascii: "\n"), in: base + start, count: buffer.count - start).map { $0 - UnsafeRawPointer(base) }
                } ?? buffer.count
                found.append((wanted[index], SourceFile.lineRange(from: start, toBreakAt: end, in: file)))
            }
        }
        guard !found.isEmpty else { return nil }
        let header = 4 * (Self.fields + 2 * found.count)
        let textBytes = found.reduce(0) { $0 + $1.range.count }
        guard let (piece, offset) = budget.reserve(header + textBytes) else { return nil }
        let start = piece.base + offset
        start.storeBytes(of: Int32(file.count), as: Int32.self)
        start.storeBytes(of: Int32(found.count), toByteOffset: 4, as: Int32.self)
        var end = 0
        file.withUnsafeBytes { source in
            for (index, line) in found.enumerated() {
                UnsafeMutableRawBufferPointer(start: start + header + end, count: line.range.count)
                    .copyMemory(from: UnsafeRawBufferPointer(rebasing: source[line.range]))
                end += line.range.count
                start.storeBytes(of: Int32(line.line), toByteOffset: 4 * (Self.fields + 2 * index), as: Int32.self)
                start.storeBytes(of: Int32(end), toByteOffset: 4 * (Self.fields + 1 + 2 * index), as: Int32.self)
            }
        }
        self.piece = piece
        self.offset = Int32(offset)
    }

    private func field(_ index: Int) -> Int {
        Int((piece.base + Int(offset)).loadUnaligned(fromByteOffset: 4 * index, as: Int32.self))
    }

    /// The size of the file the lines were kept from.
    var byteCount: Int { field(0) }

    /// `body` over the bytes of a kept line, or `nil` when the line is not kept.
    func withLine<Result>(_ line: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result? {
        let count = field(1)
        func number(_ index: Int) -> Int { field(Self.fields + 2 * index) }
        func end(_ index: Int) -> Int { field(Self.fields + 1 + 2 * index) }
        var low = 0, high = count
        while low < high {
            let middle = (low + high) / 2
            if number(middle) < line { low = middle + 1 } else { high = middle }
        }
        guard low < count, number(low) == line else { return nil }
        let text = UnsafeRawPointer(piece.base + Int(offset)) + 4 * (Self.fields + 2 * count)
        let from = low == 0 ? 0 : end(low - 1)
        let to = end(low)
        return UnsafeRawBufferPointer(start: text + from, count: to - from).withMemoryRebound(to: UInt8.self, body)
    }
}

/// Where a run keeps the lines its report shows (`SourceFile.detached(keepingLines:within:)`), and
/// how many bytes of them it may hold: a small run keeps every line its report shows and reads no
/// file twice; a large one spends the budget on its first files, then reads the others again as
/// before. Lines are written into pieces of 64 KiB made as they are needed, so what is kept takes
/// its bytes and no allocation of its own per file.
package final class KeptLineBudget: Sendable {
    /// Bytes a piece holds (a file's lines needing more get a piece of their own).
    static let pieceSize = 64 << 10

    /// A block of memory lines are written in, each place once, by the worker that reserved it;
    /// read only after (a file's source is handed on with the result that holds it).
    final class Piece: @unchecked Sendable {
        let base: UnsafeMutableRawPointer

        init(size: Int) {
            base = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 8)
        }

        deinit { base.deallocate() }
    }

    private struct State {
        var remaining: Int
        var current: Piece?
        var used = 0
    }

    private let state: Mutex<State>
    private let spent = Atomic(false)

    /// Whether no more lines will be kept: set when a file's lines found no room with less than a
    /// piece left to make (what the current piece still has is then given up). A run then spends
    /// nothing on keeping lines (not even finding them) for the rest of its files.
    package var isSpent: Bool { spent.load(ordering: .relaxed) }

    /// A run's budget: enough for the lines of some four thousand findings (`../shared/corpus`
    /// needs 84 KB), little against a large run's memory bound.
    package static let defaultBytes = 256 << 10

    package init(bytes: Int = defaultBytes) {
        state = Mutex(State(remaining: bytes))
        if bytes < Self.pieceSize { spent.store(true, ordering: .relaxed) }
    }

    /// Room for `count` bytes, 4-aligned, or `nil` when the budget has not that much left (or
    /// they would be more than a file's lines can be: `Int32.max`).
    func reserve(_ count: Int) -> (Piece, offset: Int)? {
        let size = (count + 3) & ~3
        guard size < Int(Int32.max) else { return nil }
        return state.withLock { state in
            if let current = state.current, state.used + size <= Self.pieceSize {
                defer { state.used += size }
                return (current, state.used)
            }
            let pieceSize = max(size, Self.pieceSize)
            guard pieceSize <= state.remaining else {
                if state.remaining < Self.pieceSize { spent.store(true, ordering: .relaxed) }
                return nil
            }
            state.remaining -= pieceSize
            let piece = Piece(size: pieceSize)
            if size < Self.pieceSize {
                state.current = piece
                state.used = size
            }
            return (piece, 0)
        }
    }
}
