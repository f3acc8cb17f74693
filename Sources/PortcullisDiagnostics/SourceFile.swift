import Synchronization

/// The bytes of one input file, with the name it is shown under.
///
/// Positions are kept as line and column; the text of a line is found through an index of line
/// starts, built on the first request (a file without diagnostics never pays for it), so rendering
/// many findings of a large file costs one scan, not one per finding.
package struct SourceFile: Sendable {
    /// The path as shown to the user (relative when the user gave a relative path).
    package let path: String
    /// The raw bytes as read.
    package let bytes: [UInt8]
    private let lines = LineIndex()

    package init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }

    /// The byte range of a 1-based line, without its line break; `nil` past the end.
    package func byteRange(ofLine line: Int) -> Range<Int>? {
        let starts = lines.starts(of: bytes)
        guard line >= 1, line <= starts.count else { return nil }
        let index = starts[line - 1]
        let count = bytes.count
        var end = line < starts.count ? starts[line] - 1 : count
        if end > index && bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return index..<end
    }

    /// The text of a 1-based line (invalid UTF-8 repaired), or `nil` past the end.
    package func text(ofLine line: Int) -> String? {
        guard let range = byteRange(ofLine: line) else { return nil }
        return String(decoding: bytes[range], as: UTF8.self)
    }

    /// The line and column of a byte offset (columns count Unicode scalars; an invalid byte counts one).
    package func location(ofByteOffset offset: Int) -> SourceLocation {
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

/// The byte offset where each line starts, computed once per file on first use.
private final class LineIndex: Sendable {
    private let cache = Mutex<[Int]?>(nil)

    func starts(of bytes: [UInt8]) -> [Int] {
        cache.withLock { cached in
            if let cached { return cached }
            var starts = [0]
            bytes.withUnsafeBufferPointer { buffer in
                guard let base = buffer.baseAddress else { return }
                var offset = 0
                while offset < buffer.count, let hit = firstOccurrence(of: UInt8(ascii: "\n"), in: base + offset, count: buffer.count - offset) {
                    let position = UnsafePointer<UInt8>(hit.assumingMemoryBound(to: UInt8.self)) - base
                    starts.append(position + 1)
                    offset = position + 1
                }
            }
            cached = starts
            return starts
        }
    }
}
