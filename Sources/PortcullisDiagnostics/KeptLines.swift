import Synchronization

/// The lines of a file a report will show (those its findings and diagnostics point at), kept
/// when the file's bytes are let go: the report then shows them without reading the file again.
/// Lines are held as `SourceFile.withLine` gives them: without the line break or a trailing CR.
final class KeptLines: Sendable {
    /// The kept lines' 1-based numbers, ascending.
    private let numbers: [Int32]
    /// Where each kept line ends in `bytes` (it starts where the one before ends).
    private let ends: [Int32]
    private let bytes: [UInt8]

    /// What the lines cost the run's budget: their bytes and eight bytes of bookkeeping each.
    var cost: Int { bytes.count + 8 * numbers.count }

    /// The lines of `file` numbered in `lines` (any order; repeats and numbers past the end are
    /// left out), found in one scan for line breaks up to the last of them; `nil` when none is there.
    init?(_ lines: [Int], of file: [UInt8]) {
        let wanted = Array(Set(lines.filter { $0 >= 1 })).sorted()
        guard !wanted.isEmpty, file.count <= Int(Int32.max) else { return nil }
        var numbers: [Int32] = [], ends: [Int32] = [], kept: [UInt8] = []
        func keep(_ line: Int, _ start: Int, _ end: Int) {
            var end = end
            if end > start && file[end - 1] == UInt8(ascii: "\r") { end -= 1 }
            kept.append(contentsOf: file[start..<end])
            numbers.append(Int32(line))
            ends.append(Int32(kept.count))
        }
        var next = 0, line = 1, lineStart = 0
        file.withUnsafeBufferPointer { buffer in
            _ = forEachOccurrence(of: UInt8(ascii: "\n"), in: buffer) { position in
                if wanted[next] == line {
                    keep(line, lineStart, position)
                    next += 1
                    if next == wanted.count { return false }
                }
                line += 1
                lineStart = position + 1
                return true
            }
        }
        // The last line runs to the end of the file (empty after a final line break).
        if next < wanted.count && wanted[next] == line { keep(line, lineStart, file.count) }
        guard !numbers.isEmpty else { return nil }
        self.numbers = numbers
        self.ends = ends
        bytes = kept
    }

    /// `body` over the bytes of a kept line, or `nil` when the line is not kept.
    func withLine<Result>(_ line: Int, _ body: (ArraySlice<UInt8>) -> Result) -> Result? {
        var low = 0, high = numbers.count
        while low < high {
            let middle = (low + high) / 2
            if Int(numbers[middle]) < line { low = middle + 1 } else { high = middle }
        }
        guard low < numbers.count, Int(numbers[low]) == line else { return nil }
        let start = low == 0 ? 0 : Int(ends[low - 1])
        return body(bytes[start..<Int(ends[low])])
    }
}

/// How many bytes of kept lines (`SourceFile.detached(keepingLines:within:)`) a run may hold: a
/// small run keeps every line its report shows and reads no file twice; a large one spends it on
/// its first files, then reads the others again as before, its memory bound unchanged.
package final class KeptLineBudget: Sendable {
    private let remaining: Atomic<Int>

    /// A run's budget: enough for the lines of some ten thousand findings.
    package static let defaultBytes = 512 << 10

    package init(bytes: Int = defaultBytes) {
        remaining = Atomic(bytes)
    }

    /// Takes `cost` bytes if that many remain.
    func take(_ cost: Int) -> Bool {
        var current = remaining.load(ordering: .relaxed)
        while current >= cost {
            let (exchanged, original) = remaining.compareExchange(expected: current, desired: current - cost, ordering: .relaxed)
            if exchanged { return true }
            current = original
        }
        return false
    }
}
