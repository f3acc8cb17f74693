/// The bytes of one input file, with the name it is shown under.
///
/// Positions are kept as line and column; the text of a line is found on demand by scanning,
/// which costs nothing until a diagnostic is rendered.
public struct SourceFile: Sendable {
    /// The path as shown to the user (relative when the user gave a relative path).
    public let path: String
    /// The raw bytes as read.
    public let bytes: [UInt8]

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }

    /// The byte range of a 1-based line, without its line break; `nil` past the end.
    public func byteRange(ofLine line: Int) -> Range<Int>? {
        guard line >= 1 else { return nil }
        var current = 1
        var index = 0
        let count = bytes.count
        while current < line {
            guard let newline = bytes[index...].firstIndex(of: UInt8(ascii: "\n")) else { return nil }
            index = newline + 1
            current += 1
        }
        var end = bytes[index...].firstIndex(of: UInt8(ascii: "\n")) ?? count
        if end > index && bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return index..<end
    }

    /// The text of a 1-based line (invalid UTF-8 repaired), or `nil` past the end.
    public func text(ofLine line: Int) -> String? {
        guard let range = byteRange(ofLine: line) else { return nil }
        return String(decoding: bytes[range], as: UTF8.self)
    }

    /// The line and column of a byte offset (columns count Unicode scalars; an invalid byte counts one).
    public func location(ofByteOffset offset: Int) -> SourceLocation {
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
